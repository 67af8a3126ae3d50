import type { Coach } from "../coaches/schema";
import { type BookingKind, correlationToken } from "./correlation";

/** The `utm_source` value that marks a Calendly booking as coming from one of our links. */
export const CALENDLY_UTM_SOURCE = "coachflow";
/** The Cal.com metadata key that carries our correlation token. */
export const CALCOM_METADATA_KEY = "coachflow";

/**
 * The email a booking link is sent in; Calendly's `utm_campaign`. Only the recommendation email
 * books an intro; every later email (welcome, follow-up, booking nudge, "+ new session") books a
 * session, on the coach's session page when they have one.
 */
export type BookingCampaign = "recommendation" | "welcome" | "followup" | "booking-nudge" | "new-session";

export const bookingKindOf = (campaign: BookingCampaign): BookingKind =>
  campaign === "recommendation" ? "intro" : "session";

/**
 * The coach's booking page for the campaign's kind, with the client's name and email pre-filled
 * and the correlation token (client and kind) attached where each provider echoes it back in its
 * webhook: Calendly returns `utm_*` query parameters in `tracking`, Cal.com returns
 * `metadata[...]` query parameters in `metadata`.
 */
export function bookingLink(
  coach: Pick<Coach, "id" | "bookingProvider" | "bookingUrl" | "sessionBookingUrl">,
  client: { id: string; name: string; email: string },
  linkSecret: string,
  campaign: BookingCampaign,
): string {
  const kind = bookingKindOf(campaign);
  const token = correlationToken(client.id, coach.id, linkSecret, kind);
  const url = new URL((kind === "session" && coach.sessionBookingUrl) || coach.bookingUrl);
  url.searchParams.set("name", client.name.replace(/[\r\n]+/g, " "));
  url.searchParams.set("email", client.email);
  if (coach.bookingProvider === "calendly") {
    url.searchParams.set("utm_source", CALENDLY_UTM_SOURCE);
    url.searchParams.set("utm_medium", "email");
    url.searchParams.set("utm_campaign", campaign);
    url.searchParams.set("utm_content", token);
  } else {
    url.searchParams.set(`metadata[${CALCOM_METADATA_KEY}]`, token);
  }
  return url.toString();
}
