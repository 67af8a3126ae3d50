import type { Clock } from "../clock";
import type { EmailLimiter } from "../limits/unauthenticated-email";
import type { Logger } from "../ports";
import { normalizeAddress } from "./address";
import {
  type LinkProblem,
  SIGN_IN_LINK_TTL_MS,
  type SignInPerson,
  type SignInToken,
  type WebRole,
} from "./model";
import type { WebAuthStore } from "./ports";
import { hashSecret, looksLikeSecret, newSecret } from "./secrets";
import { startWebSession } from "./web-sessions";

/**
 * Who may sign in with one role: the coaches (the coach repository), or the program's admins
 * (the addresses of `ADMIN_EMAILS`). Found by address when a link is asked for, and again by id
 * when it is used, so a coach deactivated or an address removed meanwhile signs nobody in.
 */
export interface SignInPeople {
  role: WebRole;
  findByEmail(email: string): Promise<SignInPerson | undefined>;
  get(id: string): Promise<SignInPerson | undefined>;
}

export interface SignInDeps {
  store: WebAuthStore;
  /** The limits on every unauthenticated email, shared with the intake (decision 0032). */
  limits: EmailLimiter;
  people: SignInPeople;
  /** Sends the sign-in email (the caller builds the link from the token). */
  sendLink(to: { email: string; name: string }, token: string): Promise<unknown>;
  /** Security checks read the wall clock, never the program's movable clock. */
  wallClock: Clock;
  logger: Logger;
}

/**
 * Someone asks for a sign-in link for `email` from a browser that holds `binding`. Counted
 * against the address's and the IP's limits first (throws RateLimitedError). Only an active person
 * of the role gets an email; the caller answers the same either way, so the page does not tell
 * who is a coach (or an admin).
 */
export async function requestSignInLink(
  deps: SignInDeps,
  input: { email: string; binding: string; ip: string; next?: string },
): Promise<void> {
  const email = normalizeAddress(input.email);
  const now = deps.wallClock.now();
  await deps.limits.admit({ address: email, ip: input.ip });
  const person = await deps.people.findByEmail(email);
  if (!person?.active) {
    deps.logger.info("sign-in link not sent", {
      role: deps.people.role,
      reason: person ? "inactive" : "unknown",
    });
    return;
  }
  await issueLink(deps, { id: person.id, email: person.email, name: person.name }, input, now);
}

/** Stores a new link for the person, bound to `input.binding`, and emails it; answers the token. */
export async function issueLink(
  deps: SignInDeps,
  person: { id: string; email: string; name: string },
  input: { binding: string; next?: string },
  now: Date,
): Promise<string> {
  const token = newSecret();
  const record: SignInToken = {
    tokenHash: hashSecret(token),
    coachId: person.id,
    ...(deps.people.role === "coach" ? {} : { role: deps.people.role }),
    email: person.email,
    bindingHash: hashSecret(input.binding),
    createdAt: now.toISOString(),
    expiresAtMs: now.getTime() + SIGN_IN_LINK_TTL_MS,
    ...(input.next ? { next: input.next } : {}),
  };
  await deps.store.putSignInToken(record);
  await deps.sendLink({ email: person.email, name: person.name }, token);
  deps.logger.info(
    "sign-in link sent",
    deps.people.role === "coach" ? { coachId: person.id } : { role: "admin" },
  );
  return token;
}

/** What opening a link (GET, changes nothing) finds: ready to sign in, or why not. */
export async function checkSignInLink(
  deps: Pick<SignInDeps, "store" | "wallClock" | "people">,
  token: string,
  binding: string | undefined,
): Promise<{ ok: true } | { ok: false; problem: LinkProblem }> {
  const found = await findLink(deps, token);
  const problem = linkProblem(found, binding, deps.wallClock.now().getTime());
  return problem ? { ok: false, problem } : { ok: true };
}

/** The stored link of a token, if it is one of this role's: a coach's link opens no admin sign-in, and back. */
async function findLink(deps: Pick<SignInDeps, "store" | "people">, token: string) {
  const found = looksLikeSecret(token) ? await deps.store.getSignInToken(hashSecret(token)) : undefined;
  return found && (found.role ?? "coach") === deps.people.role ? found : undefined;
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
  const found = await findLink(deps, token);
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
  const person = await deps.people.get(found.coachId);
  if (!person?.active) return { ok: false, problem: "invalid" };
  const sessionId = await startWebSession(deps, person, deps.people.role);
  deps.logger.info(
    `${deps.people.role} signed in`,
    deps.people.role === "coach" ? { coachId: person.id } : {},
  );
  return {
    ok: true,
    sessionId,
    coachId: person.id,
    next: found.next ?? (deps.people.role === "coach" ? "/app" : "/admin"),
  };
}

/**
 * A link opened in another browser (or expired): send a fresh link to the same address, bound
 * to this browser. Counted like any request; nothing is sent for a token we never issued.
 */
export async function resendFromLink(
  deps: SignInDeps,
  input: { token: string; binding: string; ip: string },
): Promise<void> {
  const found = await findLink(deps, input.token);
  if (!found) return;
  await requestSignInLink(deps, {
    email: found.email,
    binding: input.binding,
    ip: input.ip,
    ...(found.next ? { next: found.next } : {}),
  });
}
