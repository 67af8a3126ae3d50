import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./bundling";
import { checkSettings } from "./settings";

/**
 * `npm run deploy -- --stage <name> [--domain d] [--admin-email a] [--admin-emails a,b] [--alarm-email a]
 * [--program-name n] [--public-base-url u] [cdk options…]` and the same for `destroy`: maps the
 * `npm run deploy -- --stage <name> [--domain d] [--admin-email a] [--alarm-email a]
 * [--program-name n] [--public-base-url u] [--rate-limit-ip-per-hour n] [cdk options…]` and the same for `destroy`: maps the
 * flags to CDK context and runs the pinned CDK CLI on the stage's stack. Unknown options go to cdk.
 */
const FLAGS: Record<string, string> = {
  "--stage": "stage",
  "--domain": "domain",
  "--admin-email": "adminEmail",
  "--admin-emails": "adminEmails",
  "--alarm-email": "alarmEmail",
  "--program-name": "programName",
  "--public-base-url": "publicBaseUrl",
  "--rate-limit-ip-per-hour": "rateLimitIpPerHour",
};

export function cdkArgs(command: string, argv: readonly string[]): string[] {
  if (command !== "deploy" && command !== "destroy" && command !== "diff" && command !== "synth") {
    throw new Error(`unknown command "${command}": use deploy, destroy, diff or synth`);
  }
  const context: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const key = FLAGS[flag];
    if (!key) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
    context[key] = value;
  }
  if (!context.stage) throw new Error("--stage <name> is required (dev, prod, …)");
  const domain = context.domain ?? "coachflow.example";
  checkSettings({
    stage: context.stage,
    domain,
    adminEmail: context.adminEmail ?? `admin@${domain}`,
    ...(context.adminEmails ? { adminEmails: context.adminEmails } : {}),
    ...(context.rateLimitIpPerHour ? { rateLimitIpPerHour: Number(context.rateLimitIpPerHour) } : {}),
  });
  return [
    command,
    `coachflow-${context.stage}`,
    ...Object.entries(context).flatMap(([k, v]) => ["--context", `${k}=${v}`]),
    "--no-notices",
    ...rest,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const [command = "", ...argv] = process.argv.slice(2);
    const args = cdkArgs(command, argv);
    const cdk = path.join(ROOT, "node_modules", ".bin", "cdk");
    console.log(`> cdk ${args.join(" ")}`);
    const run = spawnSync(cdk, args, { cwd: ROOT, stdio: "inherit" });
    process.exitCode = run.status ?? 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
