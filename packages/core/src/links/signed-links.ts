import { createHmac } from "node:crypto";
import { keyId, keysFor, sameText } from "../shared/keyring";
import * as z from "../shared/zod";

/** What a client can do from an email without an account. */
export const LINK_ACTIONS = [
  "action-item-done",
  "continue",
  "end",
  "unsubscribe",
  "your-data",
  "confirm-answers",
  "confirm-booking",
] as const;
export type LinkAction = (typeof LINK_ACTIONS)[number];

const payloadSchema = z.object({
  /** the action */
  a: z.enum(LINK_ACTIONS),
  /** the client the link was made for */
  c: z.string().check(z.minLength(1), z.maxLength(64)),
  /** the action item or session it is about */
  r: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** expiry, unix seconds */
  x: z.int(),
  /** the engagement's version when the link was sent (the session-7 check-in; decision 0032) */
  v: z.optional(z.int()),
});
export type LinkPayload = z.infer<typeof payloadSchema>;

/** How long each kind of link works. */
export const LINK_LIFETIME_DAYS: Record<LinkAction, number> = {
  "action-item-done": 90,
  continue: 45,
  end: 45,
  unsubscribe: 365,
  /** The footer link of every client email: export and erasure (decision 0026). */
  "your-data": 365,
  /** Changed intake answers, confirmed by the address's owner: single use, 24 h (decision 0029). */
  "confirm-answers": 1,
  /** "Is this you?": attaches an unverified booking (`r`, its session) to the client (decision 0030). */
  "confirm-booking": 30,
};

const mac = (secret: string, body: string) =>
  createHmac("sha256", `links:${secret}`).update(body).digest("base64url");

/**
 * A signed, expiring token: key id + "." + base64url(JSON payload) + "." + HMAC. The client id is
 * inside the signed part, so a token cannot be changed to act for another client or another item.
 * The key id (keyring.ts) says which secret signed it, so links keep working through a rotation.
 * The expiry is in program time (decision 0018).
 */
export function signLink(
  secret: string,
  action: LinkAction,
  clientId: string,
  ref: string | undefined,
  now: Date,
  version?: number,
): string {
  const payload: LinkPayload = {
    a: action,
    c: clientId,
    ...(ref ? { r: ref } : {}),
    x: Math.floor(now.getTime() / 1000) + LINK_LIFETIME_DAYS[action] * 86_400,
    ...(version !== undefined ? { v: version } : {}),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${keyId(secret)}.${body}.${mac(secret, body)}`;
}

export type LinkCheck =
  | { ok: true; payload: LinkPayload }
  | { ok: false; reason: "malformed" | "forged" | "expired" };

/**
 * Checks a link with the secret or, during a rotation, the `previous` one, as its key id says; a
 * link without one (made before key ids) with the current secret only.
 */
export function verifyLink(secret: string, token: string, now: Date, previous?: string): LinkCheck {
  const parts = token.split(".");
  const kid = parts.length === 3 ? parts.shift() : undefined;
  const [body, signature, extra] = parts;
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  if (!keysFor(kid, secret, previous).some((k) => sameText(signature, mac(k, body))))
    return { ok: false, reason: "forged" };
  let parsed: ReturnType<typeof payloadSchema.safeParse>;
  try {
    parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (!parsed.success) return { ok: false, reason: "malformed" };
  if (parsed.data.x * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, payload: parsed.data };
}

/** The URL of a signed link under the public base URL. */
export const linkUrl = (baseUrl: string, token: string) => `${baseUrl}/l/${token}`;
