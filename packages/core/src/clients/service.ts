import type { Clock } from "../clock";
import type { Coach } from "../coaches/schema";
import { AppError, ConditionFailedError, notFound } from "../errors";
import { notifyEmails } from "../intake/email-log";
import { type IntakeDeps, matchRequestOf, notify, recommend, toMatches } from "../intake/service";
import { matchClient } from "../matching";
import type { CoachRepository, SentEmail } from "../ports";
import type { Client } from "./model";

export interface ClientDeps extends IntakeDeps {
  coaches: CoachRepository;
  clock: Clock;
}

export async function getClient(deps: Pick<ClientDeps, "clients">, id: string): Promise<Client> {
  const client = await deps.clients.get(id);
  if (!client) throw notFound("client");
  return client;
}

/** Re-runs matching for a client (e.g. after coaches changed) and sends the new recommendations. */
export async function rematchClient(deps: ClientDeps, id: string): Promise<Client> {
  const client = await getClient(deps, id);
  const { picks, result } = await recommend(deps, client);
  const { next, logged } = await saveMatches(deps, client, picks, "matcher");
  await notify(deps, next, picks, result, { logged });
  return next;
}

/**
 * An admin's choice of 1–3 coaches for a client, in the admin's order. Each coach must exist;
 * the matcher's reasons are kept where it would have scored the coach too.
 */
export async function overrideMatches(
  deps: ClientDeps,
  id: string,
  coachIds: readonly string[],
): Promise<Client> {
  const client = await getClient(deps, id);
  const found = await Promise.all(coachIds.map((coachId) => deps.coaches.get(coachId)));
  const missing = coachIds.flatMap((coachId, i) =>
    found[i] ? [] : [{ path: `coachIds.${i}`, message: `no coach ${coachId}` }],
  );
  if (missing.length > 0) throw new AppError("validation_failed", "unknown coach id", missing);
  const coaches = found as Coach[];
  const scored = matchClient(matchRequestOf(client), coaches, {
    now: deps.clock.now(),
    program: await deps.program.current(),
    limit: 3,
  }).recommendations;
  const picks = coaches.map((coach) => {
    const s = scored.find((r) => r.coachId === coach.id);
    return {
      coach,
      score: s?.score ?? 0,
      reasons: ["Chosen for you by the program team", ...(s?.reasons ?? [])],
    };
  });
  const { next, logged } = await saveMatches(deps, client, picks, "admin");
  await notify(deps, next, picks, undefined, { logged });
  return next;
}

async function saveMatches(
  deps: ClientDeps,
  client: Client,
  picks: readonly { coach: Coach; score: number; reasons: string[] }[],
  matchedBy: Client["matchedBy"],
): Promise<{ next: Client; logged: SentEmail[] }> {
  const matches = toMatches(client, picks, deps.settings.linkSecret);
  const next: Client = {
    ...client,
    matches,
    status: matches.length > 0 ? "matched" : "waitlisted",
    matchedBy,
    updatedAt: deps.clock.now().toISOString(),
    version: client.version + 1,
  };
  // The emails `notify` sends next, in the client's log from this write on (decision 0036).
  const logged = notifyEmails(next, next.updatedAt);
  try {
    await deps.clients.save(next, {
      also: await (await deps.emailLog()).writes(logged),
      from: client.status,
    });
  } catch (error) {
    if (error instanceof ConditionFailedError)
      throw new AppError("conflict", "the client changed meanwhile: try again");
    throw error;
  }
  deps.logger.info("client matches changed", { clientId: client.id, matchedBy, matches: matches.length });
  return { next, logged };
}
