import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bodyHash,
  signCalcom,
  signCalendly,
  verifyCalcomSignature,
  verifyCalendlySignature,
} from "../../../packages/core/src/webhooks";
import { fixtureText } from "./support";

const KEY = "whsec_calendly_test_key_0123456789";
const SECRET = "calcom-webhook-secret-test";
const NOW = 1_772_460_311; // 2026-03-02T14:05:11Z
const calendlyBody = fixtureText("calendly", "invitee-created");
const calcomBody = fixtureText("calcom", "booking-created");

const verifyCalendly = (
  header: string | null | undefined,
  over: { rawBody?: string; nowSeconds?: number } = {},
) =>
  verifyCalendlySignature({
    rawBody: over.rawBody ?? calendlyBody,
    header,
    signingKey: KEY,
    nowSeconds: over.nowSeconds ?? NOW,
  });

const hexOf = (header: string) => header.slice(header.indexOf("v1=") + 3);

describe("verifyCalendlySignature", () => {
  it("accepts a body signed with the signing key just now", () => {
    expect(verifyCalendly(signCalendly(calendlyBody, KEY, NOW))).toEqual({ ok: true });
  });

  it("signs t + '.' + body, in the t=…,v1=<64 hex> header format", () => {
    const header = signCalendly("{}", KEY, 1700000000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(hexOf(header)).toBe(signCalcom("1700000000.{}", KEY));
  });

  it("rejects a tampered body as a mismatch", () => {
    const header = signCalendly(calendlyBody, KEY, NOW);
    const tampered = calendlyBody.replace("Dana Client", "Dana Cliemt");
    expect(verifyCalendly(header, { rawBody: tampered })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a signature made with another key", () => {
    const header = signCalendly(calendlyBody, "some-other-key", NOW);
    expect(verifyCalendly(header)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a valid signature whose t was changed (t is signed too)", () => {
    const header = signCalendly(calendlyBody, KEY, NOW).replace(`t=${NOW}`, `t=${NOW + 1}`);
    expect(verifyCalendly(header)).toEqual({ ok: false, reason: "mismatch" });
  });

  it.each([
    ["180 s old", NOW - 180, { ok: true }],
    ["181 s old", NOW - 181, { ok: false, reason: "stale" }],
    ["180 s ahead", NOW + 180, { ok: true }],
    ["181 s ahead", NOW + 181, { ok: false, reason: "stale" }],
  ])("with the default 180 s window, a timestamp %s gives %j", (_label, t, expected) => {
    expect(verifyCalendly(signCalendly(calendlyBody, KEY, t))).toEqual(expected);
  });

  it("honours a custom tolerance", () => {
    const header = signCalendly(calendlyBody, KEY, NOW - 600);
    const check = (toleranceSeconds: number) =>
      verifyCalendlySignature({
        rawBody: calendlyBody,
        header,
        signingKey: KEY,
        nowSeconds: NOW,
        toleranceSeconds,
      });
    expect(check(600)).toEqual({ ok: true });
    expect(check(599)).toEqual({ ok: false, reason: "stale" });
  });

  it("reports a forged, stale delivery as a mismatch, not as stale", () => {
    expect(verifyCalendly(signCalendly(calendlyBody, "wrong", NOW - 3600))).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it.each([undefined, null, "", "   "])("reports a missing header (%j)", (header) => {
    expect(verifyCalendly(header)).toEqual({ ok: false, reason: "missing" });
  });

  const valid = signCalendly(calendlyBody, KEY, NOW);
  it.each([
    ["no t=", `v1=${hexOf(valid)}`],
    ["no v1=", `t=${NOW}`],
    ["a non-hex v1", `t=${NOW},v1=${hexOf(valid).slice(0, 62)}zz`],
    ["an empty v1", `t=${NOW},v1=`],
    ["a non-numeric t", `t=yesterday,v1=${hexOf(valid)}`],
    ["two t values", `t=${NOW},t=${NOW},v1=${hexOf(valid)}`],
    ["a part without =", `t=${NOW},v1=${hexOf(valid)},junk`],
    ["no pairs at all", "sha256=deadbeef"],
  ])("reports a header with %s as malformed", (_label, header) => {
    expect(verifyCalendly(header)).toEqual({ ok: false, reason: "malformed" });
  });

  it("compares signatures of unequal length in constant time without throwing", () => {
    for (const v1 of ["ab", hexOf(valid).slice(0, 63), `${hexOf(valid)}00`]) {
      expect(() => verifyCalendly(`t=${NOW},v1=${v1}`)).not.toThrow();
      expect(verifyCalendly(`t=${NOW},v1=${v1}`)).toEqual({ ok: false, reason: "mismatch" });
    }
  });

  it("accepts upper-case hex, spaces after commas, and any matching v1 (key rotation)", () => {
    const hex = hexOf(valid);
    expect(verifyCalendly(`t=${NOW},v1=${hex.toUpperCase()}`)).toEqual({ ok: true });
    expect(verifyCalendly(`t=${NOW}, v1=${"0".repeat(64)}, v1=${hex}`)).toEqual({ ok: true });
  });

  it("refuses to work with an empty signing key", () => {
    expect(() =>
      verifyCalendlySignature({ rawBody: "{}", header: valid, signingKey: "", nowSeconds: NOW }),
    ).toThrow(/must not be empty/);
  });
  it("fails closed when the clock or the tolerance is not usable: stale, never accepted", () => {
    const header = signCalendly(calendlyBody, KEY, NOW);
    expect(verifyCalendly(header, { nowSeconds: Number.NaN })).toEqual({ ok: false, reason: "stale" });
    expect(
      verifyCalendlySignature({
        rawBody: calendlyBody,
        header,
        signingKey: KEY,
        nowSeconds: NOW,
        toleranceSeconds: -1,
      }),
    ).toEqual({ ok: false, reason: "stale" });
  });
});

describe("verifyCalcomSignature", () => {
  const verify = (header: string | null | undefined, rawBody: string = calcomBody) =>
    verifyCalcomSignature({ rawBody, header, secret: SECRET });

  it("accepts hex HMAC-SHA256 of the raw body", () => {
    expect(verify(signCalcom(calcomBody, SECRET))).toEqual({ ok: true });
  });

  it("rejects a tampered body and a wrong secret as mismatches", () => {
    expect(verify(signCalcom(calcomBody, SECRET), calcomBody.replace("16:00", "17:00"))).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verify(signCalcom(calcomBody, "another-secret"))).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a body that was re-serialized after parsing", () => {
    const reserialized = JSON.stringify(JSON.parse(calcomBody));
    expect(verify(signCalcom(calcomBody, SECRET), reserialized)).toEqual({ ok: false, reason: "mismatch" });
  });

  it.each([undefined, null, "", " "])("reports a missing header (%j)", (header) => {
    expect(verify(header)).toEqual({ ok: false, reason: "missing" });
  });

  it.each([
    ["Cal.com's no-secret placeholder", "no-secret-provided"],
    ["a prefixed value", `sha256=${signCalcom(calcomBody, SECRET)}`],
  ])("reports %s as malformed", (_label, header) => {
    expect(verify(header)).toEqual({ ok: false, reason: "malformed" });
  });

  it("compares signatures of unequal length without throwing", () => {
    expect(() => verify("abcd")).not.toThrow();
    expect(verify("abcd")).toEqual({ ok: false, reason: "mismatch" });
  });
});

describe("bodyHash", () => {
  it("is the hex SHA-256 of the body, the same for a string and its UTF-8 bytes", () => {
    expect(bodyHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(bodyHash(calendlyBody)).toBe(bodyHash(new TextEncoder().encode(calendlyBody)));
    expect(bodyHash(calendlyBody)).not.toBe(bodyHash(`${calendlyBody} `));
  });
});

describe("signature properties", () => {
  const bodyAndIndex = fc
    .uint8Array({ minLength: 1, maxLength: 512 })
    .chain((body) =>
      fc.tuple(fc.constant(body), fc.nat({ max: body.length - 1 }), fc.integer({ min: 1, max: 255 })),
    );
  const key = fc.string({ minLength: 1, maxLength: 64 });

  const changeOneByte = (body: Uint8Array, index: number, delta: number) => {
    const changed = Uint8Array.from(body);
    changed[index] = ((changed[index] ?? 0) + delta) % 256;
    return changed;
  };

  it("Calendly: any body signed with the right key verifies; any single-byte change fails", () => {
    fc.assert(
      fc.property(
        bodyAndIndex,
        key,
        fc.integer({ min: 0, max: 2_000_000_000 }),
        ([body, index, delta], k, t) => {
          const header = signCalendly(body, k, t);
          const check = (rawBody: Uint8Array) =>
            verifyCalendlySignature({ rawBody, header, signingKey: k, nowSeconds: t });
          expect(check(body)).toEqual({ ok: true });
          expect(check(changeOneByte(body, index, delta))).toEqual({ ok: false, reason: "mismatch" });
        },
      ),
    );
  });

  it("Cal.com: any body signed with the right secret verifies; any single-byte change fails", () => {
    fc.assert(
      fc.property(bodyAndIndex, key, ([body, index, delta], secret) => {
        const header = signCalcom(body, secret);
        expect(verifyCalcomSignature({ rawBody: body, header, secret })).toEqual({ ok: true });
        expect(verifyCalcomSignature({ rawBody: changeOneByte(body, index, delta), header, secret })).toEqual(
          {
            ok: false,
            reason: "mismatch",
          },
        );
      }),
    );
  });

  it("a string body verifies the same as its UTF-8 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), key, (text, secret) => {
        const header = signCalcom(text, secret);
        expect(verifyCalcomSignature({ rawBody: new TextEncoder().encode(text), header, secret })).toEqual({
          ok: true,
        });
      }),
    );
  });
});
