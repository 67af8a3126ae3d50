import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../../packages/functions/src/http/jwt";
import { tokenVerifier } from "../../packages/functions/src/http/tokens";
import { type Claims, hmacToken, seconds, unsignedToken } from "../support/jwt";

const SECRET = "unit-test-jwt-secret-0123456789abcdef";
const NOW = new Date("2030-01-01T12:00:00Z");
const HOUR = 3600;
const clock = { now: () => NOW };
const verify = tokenVerifier({ jwtSecret: SECRET }, clock);

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
    const later = tokenVerifier({ jwtSecret: SECRET }, { now: () => new Date(NOW.getTime() + 61_000) });
    expect(await later(token)).toBeUndefined();
  });

  it("judges expiry by the clock it was given, not by the machine's time", async () => {
    const token = await hmacToken(SECRET, coachClaims());
    const at = (ms: number) => tokenVerifier({ jwtSecret: SECRET }, { now: () => new Date(ms) });
    expect(await at(NOW.getTime() + (HOUR - 1) * 1000)(token)).toEqual({ role: "coach", coachId: "coa_A" });
    expect(await at(NOW.getTime() + (HOUR + 1) * 1000)(token)).toBeUndefined();
  });

  it.each<[string, () => Promise<string> | string]>([
    [
      "expired",
      () => hmacToken(SECRET, coachClaims({ iat: seconds(NOW) - 2 * HOUR, exp: seconds(NOW) - 1 })),
    ],
    ["not yet valid (nbf in the future)", () => hmacToken(SECRET, coachClaims({ nbf: seconds(NOW) + 600 }))],
    ["without exp", () => hmacToken(SECRET, coachClaims({ exp: undefined }))],
    ["without sub", () => hmacToken(SECRET, coachClaims({ sub: undefined }))],
    ["with an empty sub", () => hmacToken(SECRET, coachClaims({ sub: "" }))],
    ["without role", () => hmacToken(SECRET, coachClaims({ role: undefined }))],
    ["with an unknown role", () => hmacToken(SECRET, coachClaims({ role: "superuser" }))],
    ["with a role of the wrong type", () => hmacToken(SECRET, coachClaims({ role: ["admin"] }))],
    ["unsigned (alg: none)", () => unsignedToken(coachClaims())],
    ["signed HS512 with the same secret", () => hmacToken(SECRET, coachClaims(), "HS512")],
    ["signed with another secret", () => hmacToken(`${SECRET}-other`, coachClaims())],
    ["malformed (two parts)", () => "abc.def"],
    ["not a token at all", () => "not-a-jwt"],
  ])("refuses a token %s", async (_name, make) => {
    expect(await verify(await make())).toBeUndefined();
  });

  it("refuses a token whose signature was kept while its payload was changed", async () => {
    const [header, , signature] = (await hmacToken(SECRET, coachClaims())).split(".");
    const forged = Buffer.from(JSON.stringify(coachClaims({ role: "admin" }))).toString("base64url");
    expect(await verify(`${header}.${forged}.${signature}`)).toBeUndefined();
  });

  it("refuses every token when neither a secret nor a JWKS is configured", async () => {
    const none = tokenVerifier({}, clock);
    expect(await none(await hmacToken(SECRET, coachClaims()))).toBeUndefined();
  });

  it("checks the issuer and the audience when they are configured", async () => {
    const strict = tokenVerifier({ jwtSecret: SECRET, issuer: "coachflow", audience: "api" }, clock);
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
    const verifyJwks = tokenVerifier({ jwksUrl }, clock);
    expect(await verifyJwks(await rs256(signingKey, coachClaims()))).toEqual({
      role: "coach",
      coachId: "coa_A",
    });
    expect(requests).toBeGreaterThan(before);
  });

  it("reads the role from Cognito groups, never from a custom attribute a user could set", async () => {
    const verifyJwks = tokenVerifier({ jwksUrl }, clock);
    const grouped = coachClaims({ role: undefined, "cognito:groups": ["admin"], sub: "cognito-user-1" });
    expect(await verifyJwks(await rs256(signingKey, grouped))).toEqual({
      role: "admin",
      subject: "cognito-user-1",
    });
    const selfMade = coachClaims({ role: undefined, "custom:role": "admin", sub: "cognito-user-2" });
    expect(await verifyJwks(await rs256(signingKey, selfMade))).toBeUndefined();
  });

  it("refuses a token signed with another key, even under the provider's key id", async () => {
    const verifyJwks = tokenVerifier({ jwksUrl }, clock);
    expect(await verifyJwks(await rs256(otherKey, coachClaims()))).toBeUndefined();
    expect(await verifyJwks(await rs256(otherKey, coachClaims(), "unknown-kid"))).toBeUndefined();
  });

  it("refuses an expired provider token, an HS256 token and an unsigned one", async () => {
    const verifyJwks = tokenVerifier({ jwksUrl, jwtSecret: SECRET }, clock);
    const expired = coachClaims({ iat: seconds(NOW) - 2 * HOUR, exp: seconds(NOW) - 1 });
    expect(await verifyJwks(await rs256(signingKey, expired))).toBeUndefined();
    // With a JWKS configured, the shared secret is not a way in.
    expect(await verifyJwks(await hmacToken(SECRET, coachClaims()))).toBeUndefined();
    expect(await verifyJwks(unsignedToken(coachClaims()))).toBeUndefined();
  });
});
