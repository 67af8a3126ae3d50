import type { Node } from "constructs";

/** What one deployment of coachflow is made of: the stage and the few things only the operator knows. */
export interface StageSettings {
  /** `dev`, `prod`, … — part of every resource name; `prod` keeps its data on delete. */
  stage: string;
  /** The verified SES sending domain, e.g. `coaching.example.com`. */
  domain: string;
  /** Where the program's admin alerts go. */
  adminEmail: string;
  /** Who may sign in to the admin console, comma-separated (`ADMIN_EMAILS`); `adminEmail` when absent. */
  adminEmails?: string;
  /** Shown in emails; the code's default when absent. */
  programName?: string;
  /** Who gets the alarms, by email (optional: the alarms exist either way). */
  alarmEmail?: string;
  /** The public URL when a custom domain fronts the API; the API Gateway URL otherwise. */
  publicBaseUrl?: string;
  /** `RATE_LIMIT_IP_PER_HOUR`: emailing requests per client IP and hour; the code's default (60) when absent. */
  rateLimitIpPerHour?: number;
}

const STAGE = /^[a-z][a-z0-9-]{0,15}$/;
const DOMAIN = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;

/** The settings from CDK context (`-c stage=dev -c domain=…`), checked before anything is built. */
export function settingsFromContext(node: Node): StageSettings {
  const get = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const stage = get("stage") ?? "dev";
  const domain = get("domain") ?? "coachflow.example";
  return checkSettings({
    stage,
    domain,
    adminEmail: get("adminEmail") ?? `admin@${domain}`,
    adminEmails: get("adminEmails"),
    programName: get("programName"),
    alarmEmail: get("alarmEmail"),
    publicBaseUrl: get("publicBaseUrl"),
    ...(get("rateLimitIpPerHour") ? { rateLimitIpPerHour: Number(get("rateLimitIpPerHour")) } : {}),
  });
}

export function checkSettings(s: StageSettings): StageSettings {
  if (!STAGE.test(s.stage)) {
    throw new Error(`stage must be 1-16 characters of a-z 0-9 -, starting with a letter (got "${s.stage}")`);
  }
  if (!DOMAIN.test(s.domain))
    throw new Error(`domain must be a DNS name like mail.example.com (got "${s.domain}")`);
  const address = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
  if (s.adminEmails?.split(",").some((a) => !address.test(a.trim())))
    throw new Error(`adminEmails must be email addresses separated by commas (got "${s.adminEmails}")`);
  if (s.publicBaseUrl && !/^https:\/\/[^/]+/.test(s.publicBaseUrl)) {
    throw new Error("publicBaseUrl must start with https://");
  }
  const limit = s.rateLimitIpPerHour;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1_000_000))
    throw new Error(`rateLimitIpPerHour must be a whole number from 1 to 1000000 (got "${limit}")`);
  return s;
}

/** Resource names of a stage: `coachflow-dev-api`, … */
export const nameOf = (stage: string, part: string) => `coachflow-${stage}-${part}`;
