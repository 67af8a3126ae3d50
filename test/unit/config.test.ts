import { describe, expect, it } from "vitest";
import { loadConfig } from "../../packages/functions/src/config";

const minimal = {
  LINK_SIGNING_SECRET: "link-secret-0123456789",
  CALENDLY_SIGNING_KEY: "calendly-key-0123456789",
  CALCOM_WEBHOOK_SECRET: "calcom-secret-0123456789",
  DISPATCHER_ARN: "arn:aws:lambda:eu-west-1:123456789012:function:coachflow-dev-dispatcher",
  SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/coachflow-dev-scheduler",
};

describe("the application's settings", () => {
  it("fills in defaults around the required settings", () => {
    const config = loadConfig(minimal);
    expect(config).toMatchObject({
      tableName: "coachflow",
      webhooks: { toleranceSeconds: 180 },
      schedules: { group: "coachflow" },
      endpoints: { dynamodb: undefined },
    });
  });

  it.each([
    ["a missing webhook secret", { CALENDLY_SIGNING_KEY: undefined }, "CALENDLY_SIGNING_KEY"],
    ["a short admin token", { ADMIN_TOKEN: "short" }, "ADMIN_TOKEN"],
    [
      "a JWKS URL without issuer and audience",
      { JWKS_URL: "https://idp.example.com/.well-known/jwks.json" },
      "JWT_ISSUER",
    ],
    ["a dispatcher that is not an ARN", { DISPATCHER_ARN: "dispatcher" }, "DISPATCHER_ARN"],
  ])("refuses %s, naming it", (_what, change, name) => {
    expect(() => loadConfig({ ...minimal, ...change })).toThrow(name);
  });

  it("lets a client IP make 60 emailing requests an hour unless RATE_LIMIT_IP_PER_HOUR says otherwise", () => {
    expect(loadConfig(minimal).rateLimits).toEqual({ ipPerHour: 60 });
    expect(loadConfig({ ...minimal, RATE_LIMIT_IP_PER_HOUR: "500" }).rateLimits).toEqual({ ipPerHour: 500 });
    expect(() => loadConfig({ ...minimal, RATE_LIMIT_IP_PER_HOUR: "0" })).toThrow(/RATE_LIMIT_IP_PER_HOUR/);
    expect(() => loadConfig({ ...minimal, RATE_LIMIT_IP_PER_HOUR: "lots" })).toThrow(
      /RATE_LIMIT_IP_PER_HOUR/,
    );
  });

  it("starts the dispatcher without the webhook keys, which its role cannot read, and the API not", () => {
    const { CALENDLY_SIGNING_KEY: _k, CALCOM_WEBHOOK_SECRET: _s, ...jobs } = minimal;

    expect(loadConfig(jobs, "jobs")).toMatchObject({ linkSecret: "link-secret-0123456789" });
    expect(() => loadConfig({ ...jobs, LINK_SIGNING_SECRET: undefined }, "jobs")).toThrow(
      "LINK_SIGNING_SECRET",
    );
    expect(() => loadConfig(jobs)).toThrow(
      /CALENDLY_SIGNING_KEY: is required; CALCOM_WEBHOOK_SECRET: is required/,
    );
  });

  it("re-reads secrets after 5 minutes unless SECRETS_MAX_AGE_SECONDS says otherwise", () => {
    expect(loadConfig(minimal).secretsMaxAgeMs).toBe(300_000);
    expect(loadConfig({ ...minimal, SECRETS_MAX_AGE_SECONDS: "60" }).secretsMaxAgeMs).toBe(60_000);
    expect(() => loadConfig({ ...minimal, SECRETS_MAX_AGE_SECONDS: "0" })).toThrow("SECRETS_MAX_AGE_SECONDS");
  });

  it("takes each rotated secret's previous value, checked like the secret itself", () => {
    const config = loadConfig({
      ...minimal,
      JWT_SECRET: "j".repeat(32),
      CALENDLY_SIGNING_KEY_PREVIOUS: "old-calendly-key-0123",
      CALCOM_WEBHOOK_SECRET_PREVIOUS: "old-calcom-secret-0123",
      LINK_SIGNING_SECRET_PREVIOUS: "old-link-secret-0123",
      JWT_SECRET_PREVIOUS: "p".repeat(32),
    });

    expect(config).toMatchObject({
      linkSecretPrevious: "old-link-secret-0123",
      webhooks: {
        calendlySigningKeyPrevious: "old-calendly-key-0123",
        calcomSecretPrevious: "old-calcom-secret-0123",
      },
      tokens: { jwtSecretPrevious: "p".repeat(32) },
    });
    expect(loadConfig(minimal)).toMatchObject({
      linkSecretPrevious: undefined,
      tokens: { jwtSecretPrevious: undefined },
    });
    expect(() => loadConfig({ ...minimal, JWT_SECRET_PREVIOUS: "short" })).toThrow(
      "JWT_SECRET_PREVIOUS: must be at least 32 characters",
    );
  });

  it("takes a JWKS URL with its issuer and audience", () => {
    const config = loadConfig({
      ...minimal,
      JWKS_URL: "https://idp.example.com/.well-known/jwks.json",
      JWT_ISSUER: "https://idp.example.com",
      JWT_AUDIENCE: "coachflow",
    });
    expect(config.tokens).toMatchObject({ issuer: "https://idp.example.com", audience: "coachflow" });
  });
});
