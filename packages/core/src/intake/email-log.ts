import type { Client } from "../clients/model";
import type { EmailLogStore, Logger, SentEmail } from "../ports";
import { describeError } from "../shared/describe-error";

/*
 * The email log of the sends no ledger claim guards (decision 0036): the intake's recommendations
 * or waitlist note and the admin's waitlist alert, matching run again or chosen by an admin, the
 * confirmation of changed answers and the admin's notice of them. Each is recorded in the write
 * that decides to send it (no call of its own), as `sent`, or `suppressed` when the intake's read
 * already found the address suppressed; a send that then does not go out is corrected after it
 * (one write, only then). The log names the client and the template, never an address.
 */

/** An email to record as decided: `suppressed` when the address is known to be suppressed. */
export function sentEmail(clientId: string, kind: string, at: string, suppressed?: boolean): SentEmail {
  return { key: `${clientId}:${kind}:${at}`, clientId, kind, at, status: suppressed ? "suppressed" : "sent" };
}

/** The emails `notify` sends for the client's status: the recommendations, or the waitlist note and the admin's alert. */
export function notifyEmails(client: Client, at: string, suppressed?: boolean): SentEmail[] {
  return client.status === "matched"
    ? [sentEmail(client.id, "coach-recommendations", at, suppressed)]
    : [
        sentEmail(client.id, "intake-waitlisted", at, suppressed),
        sentEmail(client.id, "admin-waitlist-alert", at),
      ];
}

/**
 * After the sends: the recorded entries whose outcome differs (`true`: handed to SES, `false`:
 * suppressed, absent: failed or never tried) are corrected in one write. A failure to correct is
 * logged, not thrown: the emails' own outcome stands.
 */
export async function correctLog(
  deps: { emailLog: () => Promise<EmailLogStore>; logger: Logger },
  recorded: readonly SentEmail[],
  outcomes: ReadonlyMap<string, boolean>,
): Promise<void> {
  const wrong = recorded.flatMap((e): SentEmail[] => {
    const went = outcomes.get(e.kind);
    const status = went === undefined ? "failed" : went ? "sent" : "suppressed";
    return status === e.status ? [] : [{ ...e, status }];
  });
  if (wrong.length === 0) return;
  await deps
    .emailLog()
    .then((log) => log.correct(wrong))
    .catch((error: unknown) =>
      deps.logger.error("email log not corrected", { clientId: wrong[0]!.clientId, ...describeError(error) }),
    );
}
