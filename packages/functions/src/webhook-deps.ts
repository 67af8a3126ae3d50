import { DynamoCoachWebhookStore } from "@coachflow/core/adapters/dynamodb/coach-webhook-store";
import type { CoachWebhookDeps } from "@coachflow/core/coaches/webhook";
import type { CoachReceiveDeps } from "@coachflow/core/webhooks/receive";
import type { AppDeps } from "./composition";

export interface WebhookDeps {
  /** Receiving and replaying deliveries, on the shared endpoints and the coaches' own. */
  receive: CoachReceiveDeps;
  /** The coaches' webhook URLs and keys (`GET /v1/coaches/{id}/webhook`, the admin console). */
  coachWebhooks: CoachWebhookDeps;
}

const built = new WeakMap<AppDeps, WebhookDeps>();

/**
 * The webhooks' deps, made from the composition root's `AppDeps` once per app, by the route group
 * that needs them: the coaches' webhook key store is loaded with the webhook routes, not at init.
 */
export function webhookDeps(deps: AppDeps): WebhookDeps {
  let made = built.get(deps);
  if (!made) {
    const store = new DynamoCoachWebhookStore(deps.aws.doc, deps.config.tableName);
    made = {
      receive: {
        booking: deps.bookings,
        deliveries: deps.deliveries,
        wallClock: deps.wallClock,
        secrets: deps.config.webhooks,
        coachKeys: store,
      },
      coachWebhooks: { store, wallClock: deps.wallClock, publicBaseUrl: deps.config.publicBaseUrl },
    };
    built.set(deps, made);
  }
  return made;
}
