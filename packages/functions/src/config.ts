import * as z from "@coachflow/core/shared/zod";

const logLevels = ["debug", "info", "warn", "error", "silent"] as const;
const nonEmpty = () => z.string().check(z.minLength(1));
/** A secret of at least `min` characters; the problem names it by its path. */
const secret = (min = 16) =>
  z.string().check(z.minLength(min, { message: `must be at least ${min} characters` }));
const whole = (min: number, max: number) => z.coerce.number().check(z.int(), z.gte(min), z.lte(max));
/** Comma-separated addresses (spaces around them allowed), each a valid email; "" is none. */
const adminAddresses = () =>
  z
    .string()
    .check(
      z.regex(/^(\s*[^\s@,]+@[^\s@,]+\.[^\s@,]+\s*(,|$))*$/, "must be email addresses separated by commas"),
    );
const splitAddresses = (v: string) =>
  v
    .split(",")
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
const arn = (message?: string) => z.string().check(z.startsWith("arn:", message ? { message } : undefined));

/**
 * Every setting the application reads, parsed from an environment-like object. This is the only
 * place that knows environment variable names; the Lambda entry points pass `process.env`, the
 * local stack passes its own values merged over `process.env`.
 */
const envSchema = z
  .object({
    TABLE_NAME: z._default(nonEmpty(), "coachflow"),
    AWS_REGION: z._default(nonEmpty(), "us-east-1"),
    DYNAMODB_ENDPOINT: z.optional(z.url()),
    SES_ENDPOINT: z.optional(z.url()),
    SCHEDULER_ENDPOINT: z.optional(z.url()),
    ADMIN_TOKEN: z.optional(secret()),
    ADMIN_TOKEN_PREVIOUS: z.optional(secret()),
    ADMIN_EMAIL: z._default(z.email(), "admin@coachflow.example"),
    ADMIN_EMAILS: z._default(adminAddresses(), ""),
    EMAIL_FROM: z._default(z.string().check(z.minLength(3)), "coachflow <no-reply@coachflow.example>"),
    SES_CONFIGURATION_SET: z.optional(nonEmpty()),
    LINK_SIGNING_SECRET: secret(),
    LINK_SIGNING_SECRET_PREVIOUS: z.optional(secret()),
    PROGRAM_NAME: z._default(nonEmpty(), "Tech Lead Coaching Network"),
    PUBLIC_BASE_URL: z._default(z.url(), "http://localhost:3000"),
    COACH_CACHE_TTL_MS: z._default(z.coerce.number().check(z.int(), z.gte(0)), 30_000),
    LOG_LEVEL: z._default(z.enum(logLevels), "info"),
    // Required by the API (loadConfig checks); the dispatcher never has them (decision 0031).
    CALENDLY_SIGNING_KEY: z.optional(secret()),
    CALENDLY_SIGNING_KEY_PREVIOUS: z.optional(secret()),
    CALCOM_WEBHOOK_SECRET: z.optional(secret()),
    CALCOM_WEBHOOK_SECRET_PREVIOUS: z.optional(secret()),
    WEBHOOK_TOLERANCE_SECONDS: z._default(whole(1, 3600), 180),
    SCHEDULE_GROUP: z._default(z.string().check(z.regex(/^[0-9a-zA-Z-_.]{1,64}$/)), "coachflow"),
    DISPATCHER_ARN: arn("must be the dispatcher function's ARN"),
    SCHEDULER_ROLE_ARN: arn("must be an IAM role ARN"),
    SCHEDULER_DLQ_ARN: z.optional(arn()),
    // The same queue's URL: the API counts its messages for the admin dashboard (decision 0036).
    SCHEDULER_DLQ_URL: z.optional(z.url()),
    JWT_SECRET: z.optional(secret(32)),
    JWT_SECRET_PREVIOUS: z.optional(secret(32)),
    SECRETS_MAX_AGE_SECONDS: z._default(whole(1, 86_400), 300),
    JWKS_URL: z.optional(z.url()),
    JWT_ISSUER: z.optional(nonEmpty()),
    JWT_AUDIENCE: z.optional(nonEmpty()),
    RETENTION_UNBOOKED_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(1)), 365),
    RETENTION_AFTER_END_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(1)), 730),
    RATE_LIMIT_IP_PER_HOUR: z._default(whole(1, 1_000_000), 60),
  })
  .check(
    z.refine((e) => !e.JWKS_URL || (e.JWT_ISSUER && e.JWT_AUDIENCE), {
      // Without both, any token the identity provider issues for any app would be accepted.
      message: "JWT_ISSUER and JWT_AUDIENCE are required when JWKS_URL is set",
      path: ["JWT_ISSUER"],
    }),
  );

export type Env = z.input<typeof envSchema>;

export interface Config {
  tableName: string;
  region: string;
  endpoints: { dynamodb?: string; ses?: string; scheduler?: string };
  adminToken?: string;
  /** During a rotation, the admin token being replaced, still accepted (docs/deploy.md). */
  adminTokenPrevious?: string;
  adminEmail: string;
  /** Who may sign in to the admin console (`/admin`), normalized (trimmed, lower case); decision 0033. */
  adminEmails: readonly string[];
  emailFrom: string;
  sesConfigurationSet?: string;
  linkSecret: string;
  /** Each `*Previous`: the value a secret replaces, still accepted during a rotation (decision 0018). */
  linkSecretPrevious?: string;
  programName: string;
  publicBaseUrl: string;
  coachCacheTtlMs: number;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  webhooks: {
    calendlySigningKey: string;
    calendlySigningKeyPrevious?: string;
    calcomSecret: string;
    calcomSecretPrevious?: string;
    toleranceSeconds: number;
  };
  schedules: {
    group: string;
    dispatcherArn: string;
    roleArn: string;
    deadLetterArn?: string;
    /**
     * The dead-letter queue's URL, whose depth the admin dashboard shows (on AWS; the local stack
     * counts its Scheduler's). Its origin is the queue's regional endpoint.
     */
    deadLetterUrl?: string;
  };
  tokens: {
    jwtSecret?: string;
    jwtSecretPrevious?: string;
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
  };
  /** How long the secrets read from Secrets Manager are used before they are read again. */
  secretsMaxAgeMs: number;
  /** Data protection: when the retention sweep erases a client (decision 0026). */
  retention: { unbookedDays: number; afterEndDays: number };
  /** Emails an unauthenticated request can cause, per client IP and hour (decision 0032). */
  rateLimits: { ipPerHour: number };
}

/** The settings of a function that runs jobs only: no webhook keys (the dispatcher cannot read them). */
export type JobConfig = Omit<Config, "webhooks">;

/**
 * Parses the settings; a bad or missing one fails at start with every problem named. The API's
 * (the default) need the webhook keys; `"jobs"`, the dispatcher's, go without them.
 */
export function loadConfig(env: Record<string, string | undefined>): Config;
export function loadConfig(env: Record<string, string | undefined>, reads: "jobs"): JobConfig;
export function loadConfig(env: Record<string, string | undefined>, reads?: "jobs"): Config | JobConfig {
  const parsed = z.safeParse(envSchema, env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (!reads) {
    for (const key of ["CALENDLY_SIGNING_KEY", "CALCOM_WEBHOOK_SECRET"]) {
      if (!env[key]) problems.push(`${key}: is required`);
    }
  }
  if (!parsed.success || problems.length > 0)
    throw new Error(`invalid configuration: ${problems.join("; ")}`);
  const e = parsed.data;
  return {
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    endpoints: { dynamodb: e.DYNAMODB_ENDPOINT, ses: e.SES_ENDPOINT, scheduler: e.SCHEDULER_ENDPOINT },
    adminToken: e.ADMIN_TOKEN,
    adminTokenPrevious: e.ADMIN_TOKEN_PREVIOUS,
    adminEmail: e.ADMIN_EMAIL,
    adminEmails: [...new Set(splitAddresses(e.ADMIN_EMAILS))],
    emailFrom: e.EMAIL_FROM,
    sesConfigurationSet: e.SES_CONFIGURATION_SET,
    linkSecret: e.LINK_SIGNING_SECRET,
    linkSecretPrevious: e.LINK_SIGNING_SECRET_PREVIOUS,
    programName: e.PROGRAM_NAME,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ""),
    coachCacheTtlMs: e.COACH_CACHE_TTL_MS,
    logLevel: e.LOG_LEVEL,
    webhooks: {
      calendlySigningKey: e.CALENDLY_SIGNING_KEY!,
      calendlySigningKeyPrevious: e.CALENDLY_SIGNING_KEY_PREVIOUS,
      calcomSecret: e.CALCOM_WEBHOOK_SECRET!,
      calcomSecretPrevious: e.CALCOM_WEBHOOK_SECRET_PREVIOUS,
      toleranceSeconds: e.WEBHOOK_TOLERANCE_SECONDS,
    },
    tokens: {
      jwtSecret: e.JWT_SECRET,
      jwtSecretPrevious: e.JWT_SECRET_PREVIOUS,
      jwksUrl: e.JWKS_URL,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
    },
    secretsMaxAgeMs: e.SECRETS_MAX_AGE_SECONDS * 1000,
    retention: { unbookedDays: e.RETENTION_UNBOOKED_DAYS, afterEndDays: e.RETENTION_AFTER_END_DAYS },
    rateLimits: { ipPerHour: e.RATE_LIMIT_IP_PER_HOUR },
    schedules: {
      group: e.SCHEDULE_GROUP,
      dispatcherArn: e.DISPATCHER_ARN,
      roleArn: e.SCHEDULER_ROLE_ARN,
      deadLetterArn: e.SCHEDULER_DLQ_ARN,
      deadLetterUrl: e.SCHEDULER_DLQ_URL,
    },
  };
}
