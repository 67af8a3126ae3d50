import type { Clock } from "../clock";
import type { EmailLimiter } from "../limits/unauthenticated-email";
import type { CoachRepository, Logger } from "../ports";
import { normalizeAddress } from "./address";
import { type LinkProblem, SIGN_IN_LINK_TTL_MS, type SignInToken } from "./model";
import type { WebAuthStore } from "./ports";
import { hashSecret, looksLikeSecret, newSecret } from "./secrets";
import { startWebSession } from "./web-sessions";

export interface SignInDeps {
  store: WebAuthStore;
  /** The limits on every unauthenticated email, shared with the intake (decision 0032). */
  limits: EmailLimiter;
  coaches: Pick<CoachRepository, "findByEmail" | "get">;
  /** Sends the sign-in email (the caller builds the link from the token). */
  sendLink(to: { email: string; name: string }, token: string): Promise<void>;
  /** Security checks read the wall clock, never the program's movable clock. */
  wallClock: Clock;
  logger: Logger;
}

/**
 * Someone asks for a sign-in link for `email` from a browser that holds `binding`. Counted
 * against the address's and the IP's limits first (throws RateLimitedError). Only an active coach
 * gets an email; the caller answers the same either way, so the page does not tell who is a coach.
 */
export async function requestSignInLink(
  deps: SignInDeps,
  input: { email: string; binding: string; ip: string; next?: string },
): Promise<void> {
  const email = normalizeAddress(input.email);
  const now = deps.wallClock.now();
  await deps.limits.admit({ address: email, ip: input.ip });
  const coach = await deps.coaches.findByEmail(email);
  if (!coach?.active) {
    deps.logger.info("sign-in link not sent", { reason: coach ? "inactive" : "unknown" });
    return;
  }
  await issueLink(deps, { id: coach.id, email: coach.email, name: coach.name }, input, now);
}

/** Stores a new link for the coach, bound to `input.binding`, and emails it; answers the token. */
export async function issueLink(
  deps: SignInDeps,
  coach: { id: string; email: string; name: string },
  input: { binding: string; next?: string },
  now: Date,
): Promise<string> {
  const token = newSecret();
  const record: SignInToken = {
    tokenHash: hashSecret(token),
    coachId: coach.id,
    email: coach.email,
    bindingHash: hashSecret(input.binding),
    createdAt: now.toISOString(),
    expiresAtMs: now.getTime() + SIGN_IN_LINK_TTL_MS,
    ...(input.next ? { next: input.next } : {}),
  };
  await deps.store.putSignInToken(record);
  await deps.sendLink({ email: coach.email, name: coach.name }, token);
  deps.logger.info("sign-in link sent", { coachId: coach.id });
  return token;
}

/** What opening a link (GET, changes nothing) finds: ready to sign in, or why not. */
export async function checkSignInLink(
  deps: Pick<SignInDeps, "store" | "wallClock">,
  token: string,
  binding: string | undefined,
): Promise<{ ok: true } | { ok: false; problem: LinkProblem }> {
  const found = looksLikeSecret(token) ? await deps.store.getSignInToken(hashSecret(token)) : undefined;
  const problem = linkProblem(found, binding, deps.wallClock.now().getTime());
  return problem ? { ok: false, problem } : { ok: true };
}

function linkProblem(
  found: SignInToken | undefined,
  binding: string | undefined,
  nowMs: number,
): LinkProblem | undefined {
  if (!found) return "invalid";
  if (found.usedAt) return "used";
  if (found.expiresAtMs <= nowMs) return "expired";
  if (!binding || hashSecret(binding) !== found.bindingHash) return "other-browser";
  return undefined;
}

/**
 * The "Sign in" button (POST): uses the link once, by a conditional write, and starts a web
 * session with a new id. Answers the session id (for the cookie) or why the link does not work.
 */
export async function completeSignIn(
  deps: SignInDeps,
  token: string,
  binding: string | undefined,
): Promise<
  { ok: true; sessionId: string; coachId: string; next: string } | { ok: false; problem: LinkProblem }
> {
  const now = deps.wallClock.now();
  const found = looksLikeSecret(token) ? await deps.store.getSignInToken(hashSecret(token)) : undefined;
  const problem = linkProblem(found, binding, now.getTime());
  if (problem || !found || !binding) return { ok: false, problem: problem ?? "invalid" };
  const used = await deps.store.consumeSignInToken(
    found.tokenHash,
    hashSecret(binding),
    now.getTime(),
    now.toISOString(),
  );
  // Lost the race to another press of the button (or it expired in between).
  if (!used) return { ok: false, problem: "used" };
  const coach = await deps.coaches.get(found.coachId);
  if (!coach?.active) return { ok: false, problem: "invalid" };
  const sessionId = await startWebSession(deps, coach);
  deps.logger.info("coach signed in", { coachId: coach.id });
  return { ok: true, sessionId, coachId: coach.id, next: found.next ?? "/app" };
}

/**
 * A link opened in another browser (or expired): send a fresh link to the same address, bound
 * to this browser. Counted like any request; nothing is sent for a token we never issued.
 */
export async function resendFromLink(
  deps: SignInDeps,
  input: { token: string; binding: string; ip: string },
): Promise<void> {
  const found = looksLikeSecret(input.token)
    ? await deps.store.getSignInToken(hashSecret(input.token))
    : undefined;
  if (!found) return;
  await requestSignInLink(deps, {
    email: found.email,
    binding: input.binding,
    ip: input.ip,
    ...(found.next ? { next: found.next } : {}),
  });
}
