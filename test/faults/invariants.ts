import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";
import type { Session } from "../../packages/core/src/sessions/model";
import { JOB_KINDS, type JobKind, scheduleName } from "../../packages/core/src/sessions/schedule-names";
import type { FaultStack } from "./fault-stack";
import type { Chain } from "./workload";

/*
 * What must hold after a fault run, read from the table (sessions, send-ledger entries) and the
 * SES emulator's store, never from what the run itself counted:
 *   - every booking chain is exactly one session, at its last booking's time (cancelled chains:
 *     cancelled);
 *   - nothing twice, strictly: no two emails with the same recipient and subject (each ledger
 *     key is one recipient and one subject), whatever the faults;
 *   - every due email whose outcome is not ambiguous went out exactly once and the ledger says
 *     "sent": the confirmation and coach brief of each chain's final session, and every fired
 *     reminder whose session is still as it was planned for;
 *   - an ambiguous one (SES may or may not have sent it: its answer lost, its request cut by a
 *     dropped connection or a killed run, or its sender killed after claiming it) is recorded
 *     "unknown" in the ledger and never sent again, so it is in the mail store at most once; and
 *     every "unknown" entry is explained by such a fault in the SES proxy's journal, or by a fault
 *     on one of its own ledger writes (the ledger could not record the outcome);
 *   - the ledger and the mail store agree, per chain and job: at least as many emails as "sent"
 *     entries, at most as many as "sent" plus "unknown" ones;
 *   - nothing stuck: no ledger entry still claimed or failed;
 *   - a scheduled final session has its reminders pending at its time; a cancelled one none.
 * At most once is the rule for ambiguous outcomes (decision 0012): SES takes no idempotency key.
 * Each violation is one line naming the chain, the job and what was found.
 */

export interface Firing {
  name: string;
  input: string;
}

/** `sessionId:job:startsAt` → its parts (startsAt has colons of its own). */
function keyParts(key: string): { sessionId: string; job: string; startsAt: string } {
  const [sessionId = "", job = "", ...rest] = key.split(":");
  return { sessionId, job, startsAt: rest.join(":") };
}

interface LedgerEntry {
  key: string;
  sessionId?: string;
  job?: string;
  status: string;
}

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
}

export interface InvariantReport {
  violations: string[];
  sessions: number;
  emails: number;
  ledgerSent: number;
  /** Ledger entries of the run's chains recorded "unknown" (ambiguous outcome, not re-sent). */
  ambiguous: number;
  /** How many of those are in the mail store (SES had sent it): at most one email each. */
  ambiguousDelivered: number;
}

/** Who gets each session email, and how its subject starts (packages/core/src/email/templates). */
const EMAILS: Record<JobKind, { to: "client" | "coach"; subject: string }> = {
  "booking-confirmation": { to: "client", subject: "Confirmed:" },
  "coach-brief": { to: "coach", subject: "Coach brief:" },
  "prework-reminder": { to: "client", subject: "Tomorrow:" },
  "agenda-reminder": { to: "coach", subject: "Starting soon:" },
  "finish-nudge": { to: "coach", subject: "Please finish your meeting:" },
};
const SCHEDULED_KINDS: JobKind[] = ["prework-reminder", "agenda-reminder", "finish-nudge"];

async function ledgerEntries(dynamoEndpoint: string, table: string): Promise<LedgerEntry[]> {
  // A Scan is fine here: a test reading its own table, not a request path.
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamoEndpoint }));
  const entries: LedgerEntry[] = [];
  try {
    for await (const page of paginateScan(
      { client: db },
      {
        TableName: table,
        FilterExpression: "begins_with(pk, :p)",
        ExpressionAttributeValues: { ":p": "SEND#" },
      },
    )) {
      entries.push(...((page.Items ?? []) as LedgerEntry[]));
    }
  } finally {
    db.destroy();
  }
  return entries;
}

const TEMPLATE_OF_SUBJECT: [string, string][] = Object.entries(EMAILS).map(([job, e]) => [e.subject, job]);

/**
 * Why an email (`to | subject`) went out more than once, from the SES proxy's journal: a request
 * whose answer the proxy dropped after SES had it (the caller tried again), or one sent by a
 * dispatcher run that was then killed before it could record the send (the claim's lease ran out
 * and the next run sent it again).
 */
function causes(stack: FaultStack, killedRuns: ReadonlySet<number>, id: string): string {
  const [to = "", subject = ""] = id.split(" | ");
  const template = TEMPLATE_OF_SUBJECT.find(([prefix]) => subject.startsWith(prefix))?.[1];
  const found = new Set<string>();
  for (const f of stack.proxies.ses.journal) {
    if (!f.body.includes(JSON.stringify(to)) || !f.body.includes(`"TemplateName":"${template}"`)) continue;
    if (f.fault === "drop-after") found.add("SES answer lost after sending, the caller sent again");
    if (f.run !== undefined && killedRuns.has(f.run))
      found.add("sent by a dispatcher run killed before it recorded the send, sent again after the lease");
  }
  return found.size > 0 ? [...found].join("; ") : "cause not in the SES journal";
}

/** Longer than this, an SES answer may have come after the caller's 5 s deadline. */
const SLOW_ANSWER_MS = 4_500;

/**
 * Whether the SES journal shows an ambiguous fault on a request of `template` to `to`: cut or
 * dropped before SES had it, its answer dropped after, made by a run that was killed, or answered
 * so late that the caller may have timed out. The sender cannot tell any of these from SES having
 * sent it.
 */
function ambiguousFault(
  stack: FaultStack,
  killedRuns: ReadonlySet<number>,
  to: string,
  template: string,
): boolean {
  return stack.proxies.ses.journal.some(
    (f) =>
      f.body.includes(JSON.stringify(to)) &&
      f.body.includes(`"TemplateName":"${template}"`) &&
      (f.cut === true ||
        f.fault === "drop-before" ||
        f.fault === "drop-after" ||
        f.ms >= SLOW_ANSWER_MS ||
        (f.run !== undefined && killedRuns.has(f.run))),
  );
}

/**
 * Whether the ledger could not record `key`'s send: one of its writes (claim, completion, release)
 * met a fault or belonged to a killed run. A claim left open by such a write ends `unknown` once
 * its lease runs out, since its sender may have reached SES.
 */
function ledgerWriteFault(stack: FaultStack, killedRuns: ReadonlySet<number>, key: string): boolean {
  const pk = JSON.stringify(`SEND#${key}`);
  return stack.proxies.dynamodb.journal.some(
    (f) =>
      f.body.includes(pk) &&
      (f.fault === "drop-before" ||
        f.fault === "drop-after" ||
        f.fault === "error-500" ||
        f.fault === "error-503" ||
        f.fault === "throttle" ||
        f.cut === true ||
        (f.run !== undefined && killedRuns.has(f.run))),
  );
}

export async function checkInvariants(
  stack: FaultStack,
  run: {
    chains: readonly Chain[];
    firings: readonly Firing[];
    /** Sessions the webhook answers named per chain, merged-away ones included. */
    sessionsOfChain: ReadonlyMap<number, ReadonlySet<string>>;
    /** Armed runs the killer cut (numbers as in the SES journal). */
    killedRuns: ReadonlySet<number>;
    dynamoEndpoint: string;
  },
): Promise<InvariantReport> {
  const violations: string[] = [];
  const ledger = await ledgerEntries(run.dynamoEndpoint, stack.deps.config.tableName);
  const byKey = new Map(ledger.map((e) => [e.key, e]));
  const store = (await (await fetch(`${stack.sesEndpoint}/store`)).json()) as { emails: StoredEmail[] };
  const addresses = new Set(run.chains.flatMap((c) => [c.clientEmail, c.coachEmail]));
  const emails = store.emails.filter((e) => e.destination.to.some((to) => addresses.has(to)));
  const pending = new Map(stack.scheduler.pendingSchedules().map((s) => [s.name, s]));
  const sessionById = new Map<string, { session: Session; chain: Chain }>();
  // A session merged away is gone from the table; its entries are known by their booking time.
  const chainsAt = new Map<string, number[]>();
  for (const chain of run.chains)
    for (const b of chain.story.bookings)
      chainsAt.set(b.startsAt, [...(chainsAt.get(b.startsAt) ?? []), chain.index]);
  const chainOfEntry = (e: LedgerEntry, ids: ReadonlySet<string>, chain: Chain) => {
    const { sessionId, startsAt } = keyParts(e.key);
    if (ids.has(sessionId)) return true;
    const at = chainsAt.get(startsAt) ?? [];
    return at.length === 1 && at[0] === chain.index && !sessionById.has(sessionId);
  };
  let sessionCount = 0;
  let ambiguous = 0;
  let ambiguousDelivered = 0;

  // Nothing twice.
  const seen = new Map<string, number>();
  for (const e of emails) {
    const id = `${e.destination.to.join(",")} | ${e.subject}`;
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  for (const [id, n] of seen) {
    if (n > 1) violations.push(`sent ${n} times: ${id} (${causes(stack, run.killedRuns, id)})`);
  }

  for (const chain of run.chains) {
    const c = `chain ${chain.index} (${chain.story.provider}, ${chain.story.bookings.length} booking(s)${
      chain.story.shape.endsCancelled ? ", cancelled" : ""
    })`;
    const { record } = await stack.deps.clients.clients.readForIntake(chain.clientEmail);
    const sessions = record ? await stack.deps.bookings.bookings.sessionsOfClient(record.clientId) : [];
    sessionCount += sessions.length;
    for (const session of sessions) sessionById.set(session.id, { session, chain });

    // One session at the last time.
    const expected = chain.story.expected;
    if (sessions.length !== 1) violations.push(`${c}: ${sessions.length} sessions, expected 1`);
    const session = sessions[0];
    if (
      session &&
      (session.status !== expected.state ||
        session.startsAt !== expected.startsAt ||
        session.endsAt !== expected.endsAt)
    ) {
      violations.push(
        `${c}: session ${session.status} at ${session.startsAt}, expected ${expected.state} at ${expected.startsAt}`,
      );
    }

    // The ledger and the mail store agree, job by job.
    const ids = new Set([...sessions.map((s) => s.id), ...(run.sessionsOfChain.get(chain.index) ?? [])]);
    const entries = ledger.filter((e) => chainOfEntry(e, ids, chain));
    for (const job of JOB_KINDS) {
      const sent = entries.filter((e) => e.job === job && e.status === "sent").length;
      const unknown = entries.filter((e) => e.job === job && e.status === "unknown").length;
      const { to, subject } = EMAILS[job];
      const address = to === "client" ? chain.clientEmail : chain.coachEmail;
      const mails = emails.filter(
        (e) => e.destination.to.includes(address) && e.subject.startsWith(subject),
      ).length;
      if (mails < sent || mails > sent + unknown)
        violations.push(`${c}: ${job}: ledger has ${sent} sent and ${unknown} unknown, mail store ${mails}`);
      ambiguous += unknown;
      ambiguousDelivered += Math.max(0, Math.min(unknown, mails - sent));
      for (const e of entries.filter((x) => x.job === job && x.status === "unknown")) {
        if (
          !ambiguousFault(stack, run.killedRuns, address, job) &&
          !ledgerWriteFault(stack, run.killedRuns, e.key)
        )
          violations.push(`${c}: ${job}: ledger entry unknown, but no ambiguous fault explains it`);
      }
    }
    for (const e of entries) {
      if (e.status === "claimed" || e.status === "failed")
        violations.push(`${c}: ledger entry ${e.job} left ${e.status}`);
    }

    // The final session's due emails, and its reminders.
    if (session?.status === "scheduled") {
      for (const job of ["booking-confirmation", "coach-brief"] as const) {
        const entry = byKey.get(`${session.id}:${job}:${session.startsAt}`);
        if (entry?.status !== "sent" && entry?.status !== "unknown")
          violations.push(
            `${c}: ${job} at the final time not sent (lost; ledger: ${entry?.status ?? "none"})`,
          );
      }
      for (const kind of SCHEDULED_KINDS) {
        const schedule = pending.get(scheduleName(session.id, kind));
        const at = schedule ? (JSON.parse(schedule.input) as { startsAt?: string }).startsAt : undefined;
        if (at !== session.startsAt)
          violations.push(
            `${c}: ${kind} not scheduled for the final time (${schedule ? `scheduled for ${at}` : "no schedule"})`,
          );
      }
    } else if (session) {
      for (const kind of SCHEDULED_KINDS) {
        if (pending.has(scheduleName(session.id, kind)))
          violations.push(`${c}: ${kind} still scheduled for a ${session.status} session`);
      }
    }
  }

  // Every fired reminder whose session is still as planned was sent.
  for (const firing of run.firings) {
    const input = JSON.parse(firing.input) as { sessionId: string; job: JobKind; startsAt: string };
    const found = sessionById.get(input.sessionId);
    if (!found) {
      // Merged away: stale, nothing due. It must still be one of a chain's bookings.
      if (!chainsAt.has(input.startsAt)) violations.push(`firing ${firing.name}: for no chain's booking`);
      continue;
    }
    const { session, chain } = found;
    const current = session.status === "scheduled" && session.startsAt === input.startsAt;
    const entry = byKey.get(`${input.sessionId}:${input.job}:${input.startsAt}`);
    if (current && entry?.status !== "sent" && entry?.status !== "unknown")
      violations.push(
        `chain ${chain.index}: fired ${input.job} not sent (lost; ledger: ${entry?.status ?? "none"})`,
      );
  }

  // No email to a run's address that no chain explains (e.g. an admin alert).
  const known = Object.values(EMAILS).map((e) => e.subject);
  for (const e of emails) {
    if (!known.some((s) => e.subject.startsWith(s))) violations.push(`unexpected email: ${e.subject}`);
  }

  return {
    violations,
    sessions: sessionCount,
    emails: emails.length,
    ledgerSent: ledger.filter((e) => e.status === "sent").length,
    ambiguous,
    ambiguousDelivered,
  };
}
