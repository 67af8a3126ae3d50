import { randomBytes } from "node:crypto";
import type { Clock } from "../clock";
import { signLink } from "../links/signed-links";
import type { Mailer } from "../notifications/mailer";
import type { EmailLogStore, IntakeRecord, Logger } from "../ports";
import { describeError } from "../shared/describe-error";
import { correctLog, sentEmail } from "./email-log";
import { PENDING_ANSWERS_HOURS, type PendingAnswers, type PendingAnswersStore } from "./pending";
import type { IntakeInput } from "./schema";

/** The answer to changed answers from a known address: no client id, matches or links (0029). */
export const CONFIRMATION_REQUIRED = { status: "confirmation_required" } as const;
export type ConfirmationRequired = typeof CONFIRMATION_REQUIRED;

export interface ConfirmationDeps {
  /** Loaded on first use: only changed answers and their link need it. */
  pendingAnswers: () => Promise<PendingAnswersStore>;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  settings: { linkSecret: string; publicBaseUrl: string };
  /** The client's email log (decision 0036): the confirmation email is in it from the pending answers' write on. */
  emailLog: () => Promise<EmailLogStore>;
}

/** Where the emailed link opens: a page with a confirm button (GET), which confirms (POST). */
export const confirmUrl = (publicBaseUrl: string, token: string) =>
  `${publicBaseUrl}/intake/confirm/${token}`;

/**
 * Changed answers from the address of a known client (decision 0029): nothing about the client
 * changes; the answers are kept pending (24 h, TTL) and the address's owner is emailed a
 * single-use link to confirm them. One write (with an `Idempotency-Key`, the key's 202 in the same
 * transaction). If the email cannot be sent, the pending answers and the key's response go again,
 * so the same request can be sent again; the answer is 202 either way.
 */
export async function requestConfirmation(
  deps: ConfirmationDeps,
  input: IntakeInput,
  hash: string,
  record: IntakeRecord,
  known: { idempotencyKey: string | undefined; suppressed: boolean },
): Promise<ConfirmationRequired> {
  const now = deps.clock.now();
  const { consent: _consent, ...answers } = input;
  const pending: PendingAnswers = {
    id: randomBytes(16).toString("base64url"),
    clientId: record.clientId,
    answers,
    answersHash: hash,
    submittedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + PENDING_ANSWERS_HOURS * 3_600_000).toISOString(),
  };
  const { idempotencyKey } = known;
  const store = await deps.pendingAnswers();
  const logged = [
    sentEmail(record.clientId, "intake-confirm-answers", pending.submittedAt, known.suppressed),
  ];
  await store.put(
    pending,
    idempotencyKey
      ? { key: idempotencyKey, requestHash: hash, status: 202, body: CONFIRMATION_REQUIRED }
      : undefined,
    await (await deps.emailLog()).writes(logged),
  );
  deps.logger.info("intake answers wait for confirmation", { clientId: record.clientId });
  const went = new Map<string, boolean>();
  try {
    went.set(
      "intake-confirm-answers",
      await emailAnswersConfirmation(deps, pending, input.email, { suppressed: known.suppressed }),
    );
  } catch (error) {
    deps.logger.error("confirmation email failed", { clientId: record.clientId, ...describeError(error) });
    await store.drop(pending.id, idempotencyKey).catch((e: unknown) => {
      deps.logger.error("could not drop pending answers", { clientId: record.clientId, ...describeError(e) });
    });
  }
  await correctLog(deps, logged, went);
  return CONFIRMATION_REQUIRED;
}

/**
 * The confirmation email, to the address the answers were sent with (the client's own): the one
 * place it is sent from. Nothing the sender typed is in it.
 */
export async function emailAnswersConfirmation(
  deps: Pick<ConfirmationDeps, "mailer" | "clock" | "settings">,
  pending: PendingAnswers,
  email: string,
  opts: { suppressed?: boolean } = {},
): Promise<boolean> {
  const token = signLink(
    deps.settings.linkSecret,
    "confirm-answers",
    pending.clientId,
    pending.id,
    new Date(pending.submittedAt),
  );
  return deps.mailer.send(
    email,
    "intake-confirm-answers",
    {
      programName: deps.mailer.programName,
      confirmUrl: confirmUrl(deps.settings.publicBaseUrl, token),
      hours: PENDING_ANSWERS_HOURS,
    },
    undefined,
    { ...opts, clientId: pending.clientId },
  );
}
