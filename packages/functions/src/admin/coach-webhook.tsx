import type { Coach } from "@coachflow/core/coaches/schema";
import type { Child } from "hono/jsx";

/**
 * The coach page's "Cal.com webhook (URL and secret)" section, as a dependency: per-coach webhook
 * secrets are another change's (issue 13), which provides this through `AppDeps.coachWebhookSection`
 * (its routes, e.g. to rotate the secret, are its own too). Until it is wired the page shows
 * `SharedCalcomWebhook`: how Cal.com deliveries are received today.
 */
export interface CoachWebhookSection {
  /** The section's content for this coach (the page gives it its heading). */
  render(coach: Coach): Child | Promise<Child>;
}

/** Today's one webhook: the same URL and the program's one secret for every Cal.com coach. */
export function SharedCalcomWebhook(props: { coach: Coach; publicBaseUrl: string }) {
  const url = new URL("/v1/webhooks/calcom", props.publicBaseUrl).href;
  return (
    <>
      {props.coach.bookingProvider === "calcom" ? null : (
        <p class="muted">
          This coach books through Calendly; the Cal.com webhook applies once they use Cal.com.
        </p>
      )}
      <dl class="brief">
        <dt>Webhook URL</dt>
        <dd>
          <code>{url}</code>
        </dd>
        <dt>Secret</dt>
        <dd>
          The program's one Cal.com secret (the <code>CALCOM_WEBHOOK_SECRET</code> setting), shared by every
          coach. A secret of this coach's own is not available yet.
        </dd>
      </dl>
    </>
  );
}
