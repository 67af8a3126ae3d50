import type { Client } from "../clients/model";
import { linkUrl, signLink } from "../links/signed-links";
import { formatSessionTime } from "../sessions/format";
import type { Session } from "../sessions/model";
import { sendOnce } from "../sessions/send-once";
import type { HandleBookingDeps } from "./handle";

/**
 * The two emails of an unverified booking (decision 0030), each once (ledger keys): the admin is
 * told, and the address it was booked with is asked "is this you?" with a signed link that, once
 * pressed, attaches the booking to the client whose address it is. Both carry the booking's own
 * details only. A booking that was linked (the session lost its flag) or rejected sends nothing.
 */
export async function sendUnverifiedNotices(
  deps: HandleBookingDeps,
  session: Session,
  created?: Client,
): Promise<void> {
  const booker = created ?? (await deps.clients.get(session.clientId));
  const pending = booker?.unverified;
  if (!booker || !pending || pending.rejectedAt) return;
  const coach = await deps.coaches.get(session.coachId);
  if (!coach) return;
  const log = { sessionId: session.id };
  await sendOnce(
    deps,
    `${session.id}:admin-unverified-booking`,
    { ...log, job: "admin-unverified-booking" },
    (m) =>
      m.send(deps.settings.adminEmail, "admin-unverified-booking", {
        programName: m.programName,
        sessionId: session.id,
        clientId: pending.clientId,
        coachName: coach.name,
        bookedName: booker.name,
        bookedEmail: booker.email,
        startTime: session.startsAt,
      }),
  );
  const token = signLink(
    deps.settings.linkSecret,
    "confirm-booking",
    pending.clientId,
    session.id,
    deps.clock.now(),
  );
  await sendOnce(
    deps,
    `${session.id}:booking-identity-check`,
    { ...log, job: "booking-identity-check" },
    (m) =>
      // To the address on the booking: its owner is the client, so their "your data" footer.
      m.toClient({ id: pending.clientId, email: booker.email }, "booking-identity-check", {
        programName: m.programName,
        coachName: coach.name,
        bookedName: booker.name,
        sessionTime: formatSessionTime(session.startsAt, session.endsAt, booker.timezone),
        confirmUrl: linkUrl(deps.settings.publicBaseUrl, token),
      }),
  );
}
