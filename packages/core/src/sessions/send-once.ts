import type { Mailer } from "../notifications/mailer";
import type { ClaimResult } from "../ports";
import { describeError } from "../shared/describe-error";
import type { JobDeps, JobOutcome } from "./jobs";

/** Thrown by the gate when the key is not ours to send: ends `work` without sending. */
class NotClaimed extends Error {
  constructor(readonly claim: Exclude<ClaimResult, "claimed">) {
    super(`send not claimed: ${claim}`);
  }
}

const outcomeUnknown = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  (error as { outcomeUnknown?: unknown }).outcomeUnknown === true;

/**
 * At most once per logical send (decision 0012). `work` reads and checks whatever it needs and
 * sends its one email through the `mailer` it is given; that mailer claims `key` in the ledger
 * right before handing the email to SES, after everything that can fail or be skipped (re-reads,
 * suppression check, template data). So:
 *
 * - a failure before the claim sent nothing and left nothing: transient ones are rethrown (the
 *   caller retries), permanent ones logged and reported;
 * - `work` ending without sending (not needed, suppressed) records nothing;
 * - a key already claimed is not sent: "done" (sent or closed before), "busy" (a live claim: a
 *   firing fails and is retried, an inline send skips, since its holder is sending now), or
 *   "expired" (its sender died after the claim, maybe after SES sent it: recorded unknown);
 * - after the claim, a failure that proves SES did not send (an answer saying so, a connection
 *   that never opened) gives the key back and is rethrown; one after which SES may have sent
 *   (`outcomeUnknown`) is recorded `unknown`, never sent again; other permanent ones `failed`.
 */
export async function sendOnce(
  deps: Pick<JobDeps, "ledger" | "logger" | "mailer" | "retryBusyClaims">,
  key: string,
  log: Record<string, string>,
  work: (mailer: Mailer) => Promise<unknown>,
): Promise<JobOutcome> {
  let claimed = false;
  const mailer = deps.mailer.gated(async () => {
    if (claimed) throw Object.assign(new Error("one email per send key"), { transient: false });
    const claim = await deps.ledger.claim(key, log);
    if (claim !== "claimed") throw new NotClaimed(claim);
    claimed = true;
  });
  try {
    await work(mailer);
  } catch (error) {
    if (error instanceof NotClaimed) return notClaimed(deps, error.claim, log);
    const info = describeError(error);
    if (!claimed) {
      if (info.transient) {
        deps.logger.warn("job failed before sending, will be retried", { ...log, ...info });
        throw error;
      }
      deps.logger.error("job failed permanently before sending", { ...log, ...info });
      return "failed";
    }
    if (outcomeUnknown(error)) {
      await recorded(() => deps.ledger.markUnknown(key));
      deps.logger.error("job outcome unknown: SES may have sent it, not sent again", { ...log, ...info });
      return "failed";
    }
    if (info.transient) {
      await recorded(() => deps.ledger.release(key));
      deps.logger.warn("job failed, will be retried", { ...log, ...info });
      throw error;
    }
    await recorded(() => deps.ledger.markFailed(key, info.errorCode ?? info.errorName));
    deps.logger.error("job failed permanently", { ...log, ...info });
    return "failed";
  }
  if (!claimed) {
    deps.logger.info("job skipped: not needed", log);
    return "stale";
  }
  // Outside the try: once the email is out, a failure to record it must not release the claim.
  await recorded(() => deps.ledger.complete(key, "sent"));
  deps.logger.info("job sent", log);
  return "sent";
}

function notClaimed(
  deps: Pick<JobDeps, "logger" | "retryBusyClaims">,
  claim: Exclude<ClaimResult, "claimed">,
  log: Record<string, string>,
): JobOutcome {
  if (claim === "busy" && deps.retryBusyClaims) {
    // Another sender holds a live claim (or died holding it): try again once its lease is over.
    throw Object.assign(new Error("this send is in progress elsewhere"), {
      name: "SendInProgress",
      transient: true,
    });
  }
  if (claim === "expired") {
    deps.logger.error("job outcome unknown: its sender died after claiming it, not sent again", log);
    return "failed";
  }
  deps.logger.info(claim === "busy" ? "job skipped: being sent elsewhere" : "job skipped: already sent", log);
  return "duplicate";
}

/**
 * A ledger write after the claim, tried a little: a claim left open would end `unknown` after its
 * lease (a possible loss), so it is worth two more attempts.
 */
async function recorded(write: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
