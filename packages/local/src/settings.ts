import { resolve } from "node:path";

/**
 * The local stack's settings: ports and secrets from the environment, each with a default that
 * `npm start` prints. The local stack then hands these, merged over the environment, to the same
 * `loadConfig` the Lambda functions use.
 */
export interface LocalSettings {
  host: string;
  port: number;
  dynamodbPort: number;
  sesPort: number;
  schedulerPort: number;
  adminToken: string;
  /** Who may sign in to the admin console locally (ADMIN_EMAILS); the first gets the printed link. */
  adminEmails: string;
  linkSecret: string;
  calendlySigningKey: string;
  calcomSecret: string;
  jwtSecret: string;
  dataDir: string;
  fresh: boolean;
  /** Demo coaches are added at start unless this is false. */
  seed: boolean;
}

function port(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name}=${raw} is not a port number: use a whole number from 1 to 65535`);
  }
  return value;
}

export function readSettings(
  env: Record<string, string | undefined>,
  argv: readonly string[],
): LocalSettings {
  return {
    host: env.HOST || "127.0.0.1",
    port: port(env, "PORT", 3000),
    dynamodbPort: port(env, "DYNAMODB_PORT", 8000),
    sesPort: port(env, "SES_PORT", 8005),
    schedulerPort: port(env, "SCHEDULER_PORT", 8010),
    adminToken: env.ADMIN_TOKEN || "local-admin-token-change-me",
    adminEmails: env.ADMIN_EMAILS || "admin@coachflow.local",
    linkSecret: env.LINK_SIGNING_SECRET || "local-link-signing-secret",
    calendlySigningKey: env.CALENDLY_SIGNING_KEY || "local-calendly-signing-key",
    calcomSecret: env.CALCOM_WEBHOOK_SECRET || "local-calcom-webhook-secret",
    jwtSecret: env.JWT_SECRET || "local-jwt-secret-change-me-0123456789abcdef",
    dataDir: resolve(env.COACHFLOW_DATA_DIR || ".data"),
    fresh: argv.includes("--fresh"),
    seed: !argv.includes("--no-seed"),
  };
}
