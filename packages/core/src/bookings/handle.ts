import type { Mailer } from "../notifications/mailer";
import type { SendLedger } from "../ports";
import { type JobDeps, sendOnce, syncSessionJobs } from "../sessions/jobs";
import type { BookingEvent } from "../webhooks/booking-event";
import { type BookingDeps, type BookingResult, processBookingEvent } from "./process";
import { sendUnverifiedNotices } from "./unverified-notices";

export interface HandleBookingDeps extends BookingDeps, JobDeps {
  ledger: SendLedger;
  mailer: Mailer;
  settings: BookingDeps["settings"] & JobDeps["settings"] & { adminEmail: string };
}

export interface HandledBooking {
  /** 200 when a session was created or changed, 202 when the booking was kept without one. */
  status: 200 | 202;
  result: BookingResult["outcome"];
  sessionId?: string;
}

/**
 * A booking event end to end: the session state first (one transaction), then its schedules and
 * due emails. Both halves are idempotent, so a retried or replayed delivery completes whatever a
 * failed attempt left undone.
 */
export async function handleBookingEvent(
  deps: HandleBookingDeps,
  event: BookingEvent,
): Promise<HandledBooking> {
  const result = await processBookingEvent(deps, event);
  if (result.outcome === "unknown-coach") {
    await alertUnknownCoach(deps, event, result);
    return { status: 202, result: result.outcome };
  }
  if (result.outcome === "awaiting") return { status: 202, result: result.outcome };
  for (const gone of result.merged) await syncSessionJobs(deps, gone, { deleted: true });
  await syncSessionJobs(deps, result.session);
  if (result.session.unverified) await sendUnverifiedNotices(deps, result.session, result.booker);
  deps.logger.info("booking applied", {
    sessionId: result.session.id,
    status: result.session.status,
    kind: result.session.kind,
    merged: result.merged.length,
  });
  return { status: 200, result: result.outcome, sessionId: result.session.id };
}

async function alertUnknownCoach(
  deps: HandleBookingDeps,
  event: BookingEvent,
  result: Extract<BookingResult, { outcome: "unknown-coach" }>,
): Promise<void> {
  const key = `unknown-coach:${event.provider}:${result.bookingId}`;
  const outcome = await sendOnce(deps, key, { job: "admin-unknown-coach" }, (mailer) =>
    mailer.send(deps.settings.adminEmail, "admin-unknown-coach", {
      programName: mailer.programName,
      provider: event.provider,
      organizerEmail: result.organizerEmails[0],
      bookingId: result.bookingId,
      startTime: result.startsAt,
    }),
  );
  if (outcome === "sent")
    deps.logger.warn("booking for an unknown coach kept; admin alerted", { provider: event.provider });
}
