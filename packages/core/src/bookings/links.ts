import type { Coach } from "../coaches/schema";

/** The `utm_source` value that marks a Calendly booking as coming from one of our links. */
export const CALENDLY_UTM_SOURCE = "coachflow";
/** The Cal.com metadata key that carries our correlation token. */
export const CALCOM_METADATA_KEY = "coachflow";

/**
 * The coach's booking page with the client's name and email pre-filled and the correlation token
 * attached where each provider echoes it back in its webhook: Calendly returns `utm_*` query
 * parameters in `tracking`, Cal.com returns `metadata[...]` query parameters in `metadata`.
 */
export function bookingLink(
  coach: Pick<Coach, "bookingProvider" | "bookingUrl">,
  client: { name: string; email: string },
  token: string,
): string {
  const url = new URL(coach.bookingUrl);
  url.searchParams.set("name", client.name.replace(/[\r\n]+/g, " "));
  url.searchParams.set("email", client.email);
  if (coach.bookingProvider === "calendly") {
    url.searchParams.set("utm_source", CALENDLY_UTM_SOURCE);
    url.searchParams.set("utm_medium", "email");
    url.searchParams.set("utm_campaign", "recommendation");
    url.searchParams.set("utm_content", token);
  } else {
    url.searchParams.set(`metadata[${CALCOM_METADATA_KEY}]`, token);
  }
  return url.toString();
}
