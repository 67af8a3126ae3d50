import type { Client, Match } from "../clients/model";
import { ConditionFailedError } from "../errors";
import type { SentEmail } from "../ports";
import { stableJson } from "../shared/stable-json";
import type { ConfirmationDeps } from "./confirmation";
import { correctLog, notifyEmails, sentEmail } from "./email-log";
import type { PendingAnswers } from "./pending";
import { type IntakeDeps, notify, recommend, toMatches } from "./service";

export type ConfirmDeps = IntakeDeps & ConfirmationDeps;

export type ConfirmOutcome =
  | { kind: "confirmed"; client: Client; overrideKept: boolean }
  /** Used already, expired, erased, or never there: nothing changed. */
  | { kind: "gone" };

type Answers = PendingAnswers["answers"];

/** Each answer a person can change, with the words a page or the admin's email names it by. */
const ANSWER_WORDS: [keyof Answers | keyof Answers["preferences"], string][] = [
  ["name", "name"],
  ["timezone", "time zone"],
  ["role", "current role"],
  ["seniority", "seniority"],
  ["team", "team"],
  ["company", "company"],
  ["background", "background"],
  ["challenge", "top challenge"],
  ["goals", "goals for coaching"],
  ["topics", "topics"],
  ["languages", "coaching languages"],
  ["style", "coaching style"],
  ["cadence", "how often to meet"],
];

/** The words of the answers that differ between the profile and the pending answers. */
export function changedAnswers(client: Client, answers: Answers): string[] {
  const answerOf = (from: Answers, key: string) =>
    stableJson(
      (from as unknown as Record<string, unknown>)[key] ??
        (from.preferences as Record<string, unknown> | undefined)?.[key] ??
        null,
    );
  return ANSWER_WORDS.filter(([key]) => answerOf(client, key) !== answerOf(answers, key)).map(([, w]) => w);
}

/** Pending answers that can still be confirmed, with the client they are for; else undefined. */
async function usable(deps: ConfirmDeps, clientId: string, pendingId: string) {
  const store = await deps.pendingAnswers();
  const { pending, client } = await store.read(pendingId, clientId);
  const live = pending && Date.parse(pending.expiresAt) > deps.clock.now().getTime();
  return live && client && pending.clientId === clientId ? { store, pending, client } : undefined;
}

/** What confirming would change, for the link's page (GET): the answers' words, not their values. */
export async function pendingChange(
  deps: ConfirmDeps,
  clientId: string,
  pendingId: string,
): Promise<{ changed: string[] } | undefined> {
  const found = await usable(deps, clientId, pendingId);
  return found && { changed: changedAnswers(found.client, found.pending.answers) };
}

/**
 * The owner's press on the confirmation link (decision 0029): the pending answers become the
 * profile and matching runs again as for any changed intake, in one transaction that also deletes
 * them, so the link works once. An admin's choice of coaches is kept (their booking links greet
 * the new name) and the admin is told; otherwise the client gets the new recommendations.
 */
export async function confirmAnswers(
  deps: ConfirmDeps,
  clientId: string,
  pendingId: string,
  attempt = 1,
): Promise<ConfirmOutcome> {
  const found = await usable(deps, clientId, pendingId);
  if (!found) return { kind: "gone" };
  const { store, pending, client } = found;
  const { answers } = pending;
  const now = deps.clock.now().toISOString();
  const overrideKept = client.matchedBy === "admin";
  const chosen = overrideKept ? undefined : await recommend(deps, answers);
  const matches = chosen
    ? toMatches(
        { id: client.id, name: answers.name, email: client.email },
        chosen.picks,
        deps.settings.linkSecret,
      )
    : client.matches.map((m) => renamed(m, answers.name));
  const next: Client = {
    ...answers,
    id: client.id,
    status: chosen ? (matches.length > 0 ? "matched" : "waitlisted") : client.status,
    matches,
    answersHash: pending.answersHash,
    matchedBy: client.matchedBy,
    bookedWithoutIntake: false,
    consentAt: pending.submittedAt,
    createdAt: client.createdAt,
    updatedAt: now,
    version: client.version + 1,
  };
  // What it sends next, in the client's email log from this write on (decision 0036).
  const logged = chosen ? notifyEmails(next, now) : [sentEmail(client.id, "admin-answers-changed", now)];
  try {
    const also = await (await deps.emailLog()).writes(logged);
    if ((await store.confirm(pending.id, next, also, client.status)) === "used") return { kind: "gone" };
  } catch (error) {
    // The client changed meanwhile (an admin's choice, another confirmation): decide again.
    if (error instanceof ConditionFailedError && attempt < 3)
      return confirmAnswers(deps, clientId, pendingId, attempt + 1);
    throw error;
  }
  deps.logger.info("intake answers confirmed", { clientId, overrideKept, matches: matches.length });
  if (chosen) await notify(deps, next, chosen.picks, chosen.result, { logged });
  else await tellAdmin(deps, next, changedAnswers(client, answers), logged);
  return { kind: "confirmed", client: next, overrideKept };
}

/** A kept match whose booking link pre-fills the confirmed name (as `bookingLink` does). */
function renamed(match: Match, name: string): Match {
  const url = new URL(match.bookingUrl);
  url.searchParams.set("name", name.replace(/[\r\n]+/g, " "));
  return { ...match, bookingUrl: url.toString() };
}

/** The admin's notice that a client whose coaches they chose has new answers; a failure is logged. */
async function tellAdmin(
  deps: ConfirmDeps,
  client: Client,
  changed: string[],
  logged: readonly SentEmail[],
): Promise<void> {
  const went = new Map<string, boolean>();
  await deps.mailer
    .send(deps.settings.adminEmail, "admin-answers-changed", {
      programName: deps.mailer.programName,
      clientId: client.id,
      clientName: client.name,
      clientEmail: client.email,
      changed: changed.join(", ") || "answers",
      coaches: client.matches.map((m) => m.name).join(", "),
    })
    .then((sent) => went.set("admin-answers-changed", sent))
    .catch((error: unknown) =>
      deps.logger.error("admin answers notice failed", {
        clientId: client.id,
        errorName: error instanceof Error ? error.name : "unknown",
      }),
    );
  await correctLog(deps, logged, went);
}
