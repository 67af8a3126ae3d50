import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ensureTable } from "@coachflow/core/adapters/dynamodb/ensure-table";
import { DynamoSuppressions } from "@coachflow/core/adapters/dynamodb/suppression";
import { TEMPLATES } from "@coachflow/core/email/index";
import { Mailer } from "@coachflow/core/notifications/mailer";
import type { EmailSender, Suppressions } from "@coachflow/core/ports";
import type { AppDeps } from "@coachflow/functions/composition";
import { loadConfig } from "@coachflow/functions/config";
import { buildDispatcherDeps } from "@coachflow/functions/dispatcher-deps";
import { createDispatcher } from "@coachflow/functions/handlers/dispatcher";
import { addressesToSuppress, createSesEventHandler } from "@coachflow/functions/handlers/ses-events";
import { lazyScheduler } from "@coachflow/functions/lazy-scheduler";
import { JsonLogger } from "@coachflow/functions/logger";
import { JOB_SECRET_KEYS, SECRET_KEYS, withSecrets } from "@coachflow/functions/secrets";
import { describe, expect, inject, it } from "vitest";
import { cdkArgs } from "../../infra/cli";

const bounce = (bounceType: string, ...emails: string[]) => ({
  source: "aws.ses",
  "detail-type": "Email Bounced",
  detail: {
    eventType: "Bounce",
    bounce: {
      bounceType,
      bounceSubType: "General",
      bouncedRecipients: emails.map((emailAddress) => ({ emailAddress })),
    },
    mail: { tags: { "ses:configuration-set": ["coachflow-dev"] } },
  },
});
const complaint = (...emails: string[]) => ({
  source: "aws.ses",
  "detail-type": "Email Complaint Received",
  detail: {
    eventType: "Complaint",
    complaint: { complainedRecipients: emails.map((emailAddress) => ({ emailAddress })) },
  },
});

function memorySuppressions(): Suppressions & { list: Map<string, string> } {
  const list = new Map<string, string>();
  return {
    list,
    isSuppressed: async (email) => list.has(email.toLowerCase()),
    suppress: async (email, reason) => void list.set(email.toLowerCase(), reason),
  };
}

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: new JsonLogger("info", {}, (line) => lines.push(JSON.parse(line))) };
}

describe("SES bounce and complaint events", () => {
  it("suppresses permanently bouncing and complaining addresses, not transient bounces", () => {
    expect(addressesToSuppress(bounce("Permanent", "a@x.example", "b@x.example"))).toEqual([
      { email: "a@x.example", reason: "bounce" },
      { email: "b@x.example", reason: "bounce" },
    ]);
    expect(addressesToSuppress(bounce("Transient", "a@x.example"))).toEqual([]);
    expect(addressesToSuppress(complaint("c@x.example"))).toEqual([
      { email: "c@x.example", reason: "complaint" },
    ]);
    expect(addressesToSuppress({ detail: "nonsense" })).toEqual([]);
  });

  it("stops further sends to a suppressed address, and logs counts but never the address", async () => {
    const suppressions = memorySuppressions();
    const { lines, logger } = capture();
    await createSesEventHandler(suppressions, logger)(bounce("Permanent", "Gone@X.example"), {
      awsRequestId: "req-1",
    });
    expect(JSON.stringify(lines)).not.toContain("gone@x.example");
    expect(lines[0]).toMatchObject({ suppressed: 1, correlationId: "req-1" });

    const sent: string[] = [];
    const sender: EmailSender = {
      send: async (m) => {
        sent.push(m.to);
        return { messageId: "m-1" };
      },
    };
    const def = TEMPLATES[0];
    const mailer = new Mailer(sender, "Program", suppressions);
    await mailer.send("gone@x.example", def.name, def.sample);
    await mailer.send("here@x.example", def.name, def.sample);
    expect(sent).toEqual(["here@x.example"]);
    // Without a Suppressions store, the Mailer behaves as before.
    await new Mailer(sender, "Program").send("gone@x.example", def.name, def.sample);
    expect(sent).toEqual(["here@x.example", "gone@x.example"]);
  });

  it("stores suppressions in the table under SUPPRESSED#<email>, case-insensitively", async () => {
    const client = new DynamoDBClient({ endpoint: inject("dynamoEndpoint"), region: "us-east-1" });
    const table = `infra-suppressions-${Date.now()}`;
    await ensureTable(client, table);
    const store = new DynamoSuppressions(DynamoDBDocumentClient.from(client), table);
    expect(await store.isSuppressed("someone@x.example")).toBe(false);
    await store.suppress("Someone@X.example ", "complaint");
    await store.suppress("someone@x.example", "complaint");
    expect(await store.isSuppressed("SOMEONE@x.example")).toBe(true);
    expect(await store.isSuppressed("other@x.example")).toBe(false);
  });
});

describe("secrets", () => {
  const secret = JSON.stringify({
    CALENDLY_SIGNING_KEY: "calendly-key-0123456789",
    CALCOM_WEBHOOK_SECRET: "",
    LINK_SIGNING_SECRET: "link-secret-0123456789",
    TABLE_NAME: "not-from-a-secret",
  });

  it("merges the known keys of the secret over the environment, leaving empty ones unset", async () => {
    const env = await withSecrets(
      { SECRETS_ARN: "arn:aws:secretsmanager:x", TABLE_NAME: "t" },
      async () => secret,
    );
    expect(env).toMatchObject({ TABLE_NAME: "t", CALENDLY_SIGNING_KEY: "calendly-key-0123456789" });
    expect(env).not.toHaveProperty("CALCOM_WEBHOOK_SECRET");
    expect(SECRET_KEYS).toContain("JWT_SECRET");
  });

  it("reads every secret SECRETS_ARN names, merging them in order, and takes only the keys a function reads", async () => {
    // The stage's shared secret still holds an API key (a stage made before decision 0031 split
    // them); the API's own secret has the current one.
    const secrets: Record<string, string> = {
      "arn:shared": JSON.stringify({
        LINK_SIGNING_SECRET: "link-secret-0123456789",
        ADMIN_TOKEN: "old-admin-token-0123",
      }),
      "arn:api": JSON.stringify({
        ADMIN_TOKEN: "new-admin-token-0123",
        JWT_SECRET: "",
        CALENDLY_SIGNING_KEY: "calendly-key-0123456789",
      }),
    };
    const read: string[] = [];
    const fetch = async (arn: string) => {
      read.push(arn);
      return secrets[arn];
    };

    const api = await withSecrets({ SECRETS_ARN: "arn:shared,arn:api" }, fetch);
    const jobs = await withSecrets({ SECRETS_ARN: "arn:shared" }, fetch, JOB_SECRET_KEYS);

    expect(api).toMatchObject({
      LINK_SIGNING_SECRET: "link-secret-0123456789",
      ADMIN_TOKEN: "new-admin-token-0123",
      CALENDLY_SIGNING_KEY: "calendly-key-0123456789",
    });
    expect(api).not.toHaveProperty("JWT_SECRET");
    expect(jobs).toEqual({ SECRETS_ARN: "arn:shared", LINK_SIGNING_SECRET: "link-secret-0123456789" });
    expect(read).toEqual(["arn:shared", "arn:api", "arn:shared"]);
  });

  it("reads nothing without SECRETS_ARN, and never puts a value in an error", async () => {
    const env = { TABLE_NAME: "t" };
    expect(await withSecrets(env, async () => Promise.reject(new Error("must not be called")))).toBe(env);
    const error = await withSecrets({ SECRETS_ARN: "arn" }, async () => "not json: hunter2").catch((e) => e);
    expect(String(error)).not.toContain("hunter2");
  });
});

describe("the dispatcher's logs", () => {
  it("carry one correlation id per schedule firing", async () => {
    const { lines, logger } = capture();
    const dispatch = createDispatcher({ logger } as unknown as AppDeps);
    // Refused inputs are thrown (so they reach the dead-letter queue), after being logged.
    await expect(dispatch({ v: 1, sessionId: "" }, { correlationId: "firing-1" })).rejects.toThrow();
    await expect(dispatch("not json")).rejects.toThrow();
    expect(lines[0]).toMatchObject({ msg: "schedule input refused", correlationId: "firing-1" });
    expect(lines[1]!.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the dispatcher's own composition", () => {
  const config = (env: Record<string, string> = {}) =>
    loadConfig({
      LINK_SIGNING_SECRET: "link-secret-0123456789",
      CALENDLY_SIGNING_KEY: "calendly-key-0123456789",
      CALCOM_WEBHOOK_SECRET: "calcom-secret-0123456789",
      DISPATCHER_ARN: "arn:aws:lambda:us-east-1:000000000000:function:d",
      SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/r",
      ...env,
    });

  it("builds every dependency a job uses, with the same settings as the full composition", () => {
    const deps = buildDispatcherDeps(config({ PUBLIC_BASE_URL: "https://coach.example" }));
    for (const key of [
      "bookings",
      "followups",
      "clients",
      "coaches",
      "ledger",
      "mailer",
      "scheduler",
    ] as const)
      expect(deps.bookings[key], key).toBeDefined();
    expect(deps.bookings.settings).toMatchObject({
      publicBaseUrl: "https://coach.example",
      linkSecret: "link-secret-0123456789",
    });
    expect(deps.bookings.logger).toBe(deps.logger);
  });

  it("loads the Scheduler only on first use, then behaves as the real one, and retries a failed load", async () => {
    // A bad group name fails the real scheduler's constructor: nothing is built before the first call.
    const good = config();
    const broken = lazyScheduler({ ...good, schedules: { ...good.schedules, group: "bad group!" } });
    await expect(broken.remove("ses_1-prework-reminder")).rejects.toThrow(/schedule group name/);
    await expect(broken.list("ses_1")).rejects.toThrow(/schedule group name/);
    // With a good one, calls reach the real scheduler, which refuses a bad name before any request.
    await expect(lazyScheduler(good).remove("not a name!")).rejects.toThrow(/^schedule name must be/);
  });
});

describe("npm run deploy / destroy", () => {
  it("maps --stage and the settings to CDK context on the stage's stack, passing other options on", () => {
    expect(
      cdkArgs("deploy", ["--stage", "prod", "--domain=mail.example.com", "--require-approval", "never"]),
    ).toEqual([
      "deploy",
      "coachflow-prod",
      "--context",
      "stage=prod",
      "--context",
      "domain=mail.example.com",
      "--no-notices",
      "--require-approval",
      "never",
    ]);
    expect(() => cdkArgs("destroy", [])).toThrow(/--stage/);
    expect(() => cdkArgs("deploy", ["--stage", "Prod!"])).toThrow(/stage must be/);
    expect(() => cdkArgs("deploy", ["--stage", "dev", "--rate-limit-ip-per-hour", "lots"])).toThrow(
      /rateLimitIpPerHour must be a whole number/,
    );
    expect(cdkArgs("deploy", ["--stage", "dev", "--rate-limit-ip-per-hour=120"])).toContain(
      "rateLimitIpPerHour=120",
    );
    expect(() => cdkArgs("bootstrap", ["--stage", "dev"])).toThrow(/unknown command/);
  });
});
