import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { keyId } from "@coachflow/core/shared/keyring";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mintToken } from "../../packages/functions/src/http/jwt";
import { type TokenSettings, tokenVerifier } from "../../packages/functions/src/http/tokens";
import { JsonLogger } from "../../packages/functions/src/logger";
import { type Claims, hmacToken, seconds, unsignedToken } from "../support/jwt";

const SECRET = "unit-test-jwt-secret-0123456789abcdef";
const NOW = new Date("2030-01-01T12:00:00Z");
const HOUR = 3600;
const clock = { now: () => NOW };
let lines: string[] = [];
const logger = new JsonLogger("debug", {}, (line) => lines.push(line));
beforeEach(() => {
  lines = [];
});
const verifierAt = (settings: TokenSettings, at: { now(): Date } = clock) =>
  tokenVerifier(settings, at, logger);
const verify = verifierAt({ jwtSecret: SECRET });
/** The log lines of refused tokens. */
const refusals = () =>
  lines.map((l) => JSON.parse(l)).filter((l: { msg: string }) => l.msg === "bearer token refused");

/** A coach's claims, valid at NOW for an hour; tests change what they are about. */
const coachClaims = (over: Claims = {}): Claims => ({
  sub: "coa_A",
  role: "coach",
  iat: seconds(NOW),
  exp: seconds(NOW) + HOUR,
  ...over,
});

describe("tokenVerifier with the HS256 secret", () => {
  it("turns a valid coach token into a coach principal whose coach id is the subject", async () => {
    expect(await verify(await hmacToken(SECRET, coachClaims()))).toEqual({ role: "coach", coachId: "coa_A" });
  });

  it("turns an admin token into an admin principal", async () => {
    const token = await hmacToken(SECRET, coachClaims({ sub: "ops@program.example", role: "admin" }));
    expect(await verify(token)).toEqual({ role: "admin", subject: "ops@program.example" });
  });

  it("accepts what mintToken mints, for its lifetime by the given clock", async () => {
    const token = await mintToken(SECRET, { sub: "coa_B", role: "coach" }, 60, NOW);
    expect(await verify(token)).toEqual({ role: "coach", coachId: "coa_B" });
    const later = verifierAt({ jwtSecret: SECRET }, { now: () => new Date(NOW.getTime() + 61_000) });
    expect(await later(token)).toBeUndefined();
  });

  it("judges expiry by the clock it was given, not by the machine's time", async () => {
    const token = await hmacToken(SECRET, coachClaims());
    const at = (ms: number) => verifierAt({ jwtSecret: SECRET }, { now: () => new Date(ms) });
    expect(await at(NOW.getTime() + (HOUR - 1) * 1000)(token)).toEqual({ role: "coach", coachId: "coa_A" });
    expect(await at(NOW.getTime() + (HOUR + 1) * 1000)(token)).toBeUndefined();
  });

  it.each<[string, () => Promise<string> | string, string]>([
    [
      "expired",
      () => hmacToken(SECRET, coachClaims({ iat: seconds(NOW) - 2 * HOUR, exp: seconds(NOW) - 1 })),
      "exp check_failed",
    ],
    [
      "not yet valid (nbf in the future)",
      () => hmacToken(SECRET, coachClaims({ nbf: seconds(NOW) + 600 })),
      "nbf check_failed",
    ],
    ["without exp", () => hmacToken(SECRET, coachClaims({ exp: undefined })), "exp missing"],
    ["without sub", () => hmacToken(SECRET, coachClaims({ sub: undefined })), "sub missing"],
    ["with an empty sub", () => hmacToken(SECRET, coachClaims({ sub: "" })), "sub missing"],
    ["without role", () => hmacToken(SECRET, coachClaims({ role: undefined })), "role invalid"],
    ["with an unknown role", () => hmacToken(SECRET, coachClaims({ role: "superuser" })), "role invalid"],
    [
      "with a role of the wrong type",
      () => hmacToken(SECRET, coachClaims({ role: ["admin"] })),
      "role invalid",
    ],
    ["unsigned (alg: none)", () => unsignedToken(coachClaims()), "jose_alg_not_allowed"],
    [
      "signed HS512 with the same secret",
      () => hmacToken(SECRET, coachClaims(), "HS512"),
      "jose_alg_not_allowed",
    ],
    [
      "signed with another secret",
      () => hmacToken(`${SECRET}-other`, coachClaims()),
      "jws_signature_verification_failed",
    ],
    ["malformed (two parts)", () => "abc.def", "jws_invalid"],
    ["not a token at all", () => "not-a-jwt", "jws_invalid"],
  ])("refuses a token %s, logging why and never the token", async (_name, make, reason) => {
    const token = await make();

    expect(await verify(token, { requestId: "req-1" })).toBeUndefined();

    expect(refusals()).toEqual([expect.objectContaining({ level: "warn", reason, requestId: "req-1" })]);
    expect(lines.join("\n")).not.toContain(token);
  });

  it("refuses a token whose signature was kept while its payload was changed", async () => {
    const [header, , signature] = (await hmacToken(SECRET, coachClaims())).split(".");
    const forged = Buffer.from(JSON.stringify(coachClaims({ role: "admin" }))).toString("base64url");
    expect(await verify(`${header}.${forged}.${signature}`)).toBeUndefined();
  });

  it("refuses every token when neither a secret nor a JWKS is configured", async () => {
    const none = verifierAt({});
    expect(await none(await hmacToken(SECRET, coachClaims()))).toBeUndefined();
    expect(refusals()).toEqual([expect.objectContaining({ reason: "no key configured" })]);
  });

  it("checks the issuer and the audience when they are configured", async () => {
    const strict = verifierAt({ jwtSecret: SECRET, issuer: "coachflow", audience: "api" });
    expect(await strict(await hmacToken(SECRET, coachClaims({ iss: "coachflow", aud: "api" })))).toEqual({
      role: "coach",
      coachId: "coa_A",
    });
    expect(await strict(await hmacToken(SECRET, coachClaims({ iss: "someone-else", aud: "api" })))).toBe(
      undefined,
    );
    expect(await strict(await hmacToken(SECRET, coachClaims({ iss: "coachflow", aud: "web" })))).toBe(
      undefined,
    );
    expect(await strict(await hmacToken(SECRET, coachClaims()))).toBeUndefined();
    expect(refusals().map((l) => l.reason)).toEqual(["iss check_failed", "aud check_failed", "iss missing"]);
  });
});

describe("tokenVerifier while the HS256 secret is rotated", () => {
  const OLD = "old-jwt-secret-0123456789abcdef0123456789";
  const NEW = "new-jwt-secret-0123456789abcdef0123456789";
  const rotating = verifierAt({ jwtSecret: NEW, jwtSecretPrevious: OLD });
  const signedWith = (secret: string, kid?: string) =>
    new SignJWT(coachClaims())
      .setProtectedHeader({ alg: "HS256", ...(kid ? { kid } : {}) })
      .sign(new TextEncoder().encode(secret));

  it("mints tokens whose kid names the secret", async () => {
    const token = await mintToken(NEW, { sub: "coa_A", role: "coach" }, 60, NOW);
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString());

    expect(header).toEqual({ alg: "HS256", typ: "JWT", kid: keyId(NEW) });
  });

  it("accepts tokens of the new secret and of the previous one, each by its kid", async () => {
    for (const secret of [NEW, OLD]) {
      const token = await mintToken(secret, { sub: "coa_A", role: "coach" }, 60, NOW);
      expect(await rotating(token)).toEqual({ role: "coach", coachId: "coa_A" });
    }
  });

  it("checks a token without a kid (minted before kids) against the current secret only", async () => {
    expect(await rotating(await signedWith(NEW))).toEqual({ role: "coach", coachId: "coa_A" });
    expect(await rotating(await signedWith(OLD))).toBeUndefined();
    expect(refusals().map((l) => l.reason)).toEqual(["jws_signature_verification_failed"]);
  });

  it("refuses a kid it does not know, and the previous secret's once it is removed", async () => {
    expect(await rotating(await signedWith(OLD, "abcdef"))).toBeUndefined();
    const afterRotation = verifierAt({ jwtSecret: NEW });
    expect(
      await afterRotation(await mintToken(OLD, { sub: "coa_A", role: "coach" }, 60, NOW)),
    ).toBeUndefined();
    expect(refusals().map((l) => l.reason)).toEqual(["jwks_no_matching_key", "jwks_no_matching_key"]);
  });

  it("refuses a token signed with the previous secret under the new secret's kid", async () => {
    expect(await rotating(await signedWith(OLD, keyId(NEW)))).toBeUndefined();
    expect(refusals().map((l) => l.reason)).toEqual(["jws_signature_verification_failed"]);
  });
});

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

describe("tokenVerifier with a JWKS URL", () => {
  const KID = "key-1";
  let server: Server;
  let jwksUrl: string;
  let signingKey: PrivateKey;
  let otherKey: PrivateKey;
  let requests = 0;

  const rs256 = (key: PrivateKey, claims: Claims, kid = KID) =>
    new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(key);

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    signingKey = pair.privateKey;
    otherKey = (await generateKeyPair("RS256")).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: "RS256", use: "sig" };
    server = createServer((req, res) => {
      requests++;
      if (req.url !== "/.well-known/jwks.json") {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  });

  it("accepts a token signed with the provider's private key, fetching the keys from the URL", async () => {
    const before = requests;
    const verifyJwks = verifierAt({ jwksUrl });
    expect(await verifyJwks(await rs256(signingKey, coachClaims()))).toEqual({
      role: "coach",
      coachId: "coa_A",
    });
    expect(requests).toBeGreaterThan(before);
  });

  it("reads the role from Cognito groups, never from a custom attribute a user could set", async () => {
    const verifyJwks = verifierAt({ jwksUrl });
    const grouped = coachClaims({ role: undefined, "cognito:groups": ["admin"], sub: "cognito-user-1" });
    expect(await verifyJwks(await rs256(signingKey, grouped))).toEqual({
      role: "admin",
      subject: "cognito-user-1",
    });
    const selfMade = coachClaims({ role: undefined, "custom:role": "admin", sub: "cognito-user-2" });
    expect(await verifyJwks(await rs256(signingKey, selfMade))).toBeUndefined();
  });

  it("refuses a token signed with another key, even under the provider's key id", async () => {
    const verifyJwks = verifierAt({ jwksUrl });
    expect(await verifyJwks(await rs256(otherKey, coachClaims()))).toBeUndefined();
    expect(await verifyJwks(await rs256(otherKey, coachClaims(), "unknown-kid"))).toBeUndefined();
    expect(refusals().map((l) => l.reason)).toEqual([
      "jws_signature_verification_failed",
      "jwks_no_matching_key",
    ]);
  });

  it("refuses an expired provider token, an HS256 token and an unsigned one", async () => {
    const verifyJwks = verifierAt({ jwksUrl, jwtSecret: SECRET });
    const expired = coachClaims({ iat: seconds(NOW) - 2 * HOUR, exp: seconds(NOW) - 1 });
    expect(await verifyJwks(await rs256(signingKey, expired))).toBeUndefined();
    // With a JWKS configured, the shared secret is not a way in.
    expect(await verifyJwks(await hmacToken(SECRET, coachClaims()))).toBeUndefined();
    expect(await verifyJwks(unsignedToken(coachClaims()))).toBeUndefined();
  });
});
