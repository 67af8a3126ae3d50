import { z } from "zod";

/**
 * Every setting the application reads, parsed from an environment-like object. This is the only
 * place that knows environment variable names; the Lambda entry points pass `process.env`, the
 * local stack passes its own values merged over `process.env`.
 */
const envSchema = z.object({
  TABLE_NAME: z.string().min(1).default("coachflow"),
  AWS_REGION: z.string().min(1).default("us-east-1"),
  DYNAMODB_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  SCHEDULER_ENDPOINT: z.url().optional(),
  ADMIN_TOKEN: z.string().min(16, { message: "ADMIN_TOKEN must be at least 16 characters" }).optional(),
  ADMIN_EMAIL: z.email().default("admin@coachflow.example"),
  EMAIL_FROM: z.string().min(3).default("coachflow <no-reply@coachflow.example>"),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  LINK_SIGNING_SECRET: z.string().min(16, { message: "LINK_SIGNING_SECRET must be at least 16 characters" }),
  PROGRAM_NAME: z.string().min(1).default("Tech Lead Coaching Network"),
  PUBLIC_BASE_URL: z.url().default("http://localhost:3000"),
  COACH_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
  DOCS_ASSETS_URL: z.url().default("https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.35.0"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  CALENDLY_SIGNING_KEY: z
    .string()
    .min(16, { message: "CALENDLY_SIGNING_KEY must be at least 16 characters" }),
  CALCOM_WEBHOOK_SECRET: z
    .string()
    .min(16, { message: "CALCOM_WEBHOOK_SECRET must be at least 16 characters" }),
  WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(180),
  SCHEDULE_GROUP: z
    .string()
    .regex(/^[0-9a-zA-Z-_.]{1,64}$/)
    .default("coachflow"),
  DISPATCHER_ARN: z
    .string()
    .startsWith("arn:", { message: "DISPATCHER_ARN must be the dispatcher function's ARN" }),
  SCHEDULER_ROLE_ARN: z
    .string()
    .startsWith("arn:", { message: "SCHEDULER_ROLE_ARN must be an IAM role ARN" }),
  SCHEDULER_DLQ_ARN: z.string().startsWith("arn:").optional(),
  JWT_SECRET: z.string().min(32, { message: "JWT_SECRET must be at least 32 characters" }).optional(),
  JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  tableName: string;
  region: string;
  endpoints: { dynamodb?: string; ses?: string; scheduler?: string };
  adminToken?: string;
  adminEmail: string;
  emailFrom: string;
  sesConfigurationSet?: string;
  linkSecret: string;
  programName: string;
  publicBaseUrl: string;
  coachCacheTtlMs: number;
  docsAssetsUrl: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  webhooks: { calendlySigningKey: string; calcomSecret: string; toleranceSeconds: number };
  schedules: { group: string; dispatcherArn: string; roleArn: string; deadLetterArn?: string };
  tokens: { jwtSecret?: string; jwksUrl?: string; issuer?: string; audience?: string };
}

/** Parses the settings; a bad or missing one fails at start with every problem named. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema
    .refine((e) => !e.JWKS_URL || (e.JWT_ISSUER && e.JWT_AUDIENCE), {
      // Without both, any token the identity provider issues for any app would be accepted.
      message: "JWT_ISSUER and JWT_AUDIENCE are required when JWKS_URL is set",
      path: ["JWT_ISSUER"],
    })
    .safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    endpoints: { dynamodb: e.DYNAMODB_ENDPOINT, ses: e.SES_ENDPOINT, scheduler: e.SCHEDULER_ENDPOINT },
    adminToken: e.ADMIN_TOKEN,
    adminEmail: e.ADMIN_EMAIL,
    emailFrom: e.EMAIL_FROM,
    sesConfigurationSet: e.SES_CONFIGURATION_SET,
    linkSecret: e.LINK_SIGNING_SECRET,
    programName: e.PROGRAM_NAME,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ""),
    coachCacheTtlMs: e.COACH_CACHE_TTL_MS,
    docsAssetsUrl: e.DOCS_ASSETS_URL.replace(/\/$/, ""),
    logLevel: e.LOG_LEVEL,
    webhooks: {
      calendlySigningKey: e.CALENDLY_SIGNING_KEY,
      calcomSecret: e.CALCOM_WEBHOOK_SECRET,
      toleranceSeconds: e.WEBHOOK_TOLERANCE_SECONDS,
    },
    tokens: { jwtSecret: e.JWT_SECRET, jwksUrl: e.JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    schedules: {
      group: e.SCHEDULE_GROUP,
      dispatcherArn: e.DISPATCHER_ARN,
      roleArn: e.SCHEDULER_ROLE_ARN,
      deadLetterArn: e.SCHEDULER_DLQ_ARN,
    },
  };
}
