import { watchLaunchers } from "./launcher";
import { readSettings } from "./settings";
import { startLocalStack } from "./stack";

/**
 * `npm start`: the whole product on this machine, no AWS account needed.
 * `npm start -- --fresh` starts with empty data. Ctrl-C stops everything, and so do SIGTERM and
 * SIGHUP, to this process or to the npm process that runs it.
 */
async function main() {
  const settings = readSettings(process.env, process.argv.slice(2));
  const step = (line: string) => console.log(`  ✓ ${line}`);
  console.log("coachflow local stack: starting…");
  const stack = await startLocalStack(settings, step);
  const u = stack.urls;
  console.log(`
coachflow is ready.

  API                 ${u.api}
  Interactive docs    ${u.docs}   (OpenAPI: ${u.openapi})
  Intake form         ${u.intakeForm}
  Coach workspace     ${u.workspace}${u.demoSignIn ? `\n  Sign in as ${stack.demoCoach?.name}  ${u.demoSignIn}   (opens a fresh sign-in link for this browser; the mail viewer shows it too)` : ""}
  Admin console       ${u.admin}${u.adminSignIn ? `\n  Sign in as ${stack.deps.config.adminEmails[0]}  ${u.adminSignIn}   (ADMIN_EMAILS; a fresh sign-in link for this browser)` : ""}
  Mail viewer         ${u.mailViewer}   (every email sent)
  Schedules           ${u.schedules}   (pending reminders; POST /_local/clock moves time)
  DynamoDB Local      ${u.dynamodb}   (table "${stack.deps.config.tableName}")

  Admin token         ${settings.adminToken}   (ADMIN_TOKEN)
  Demo coach token    ${stack.demoCoach ? `${stack.demoCoach.token}\n                      (${stack.demoCoach.name}, ${stack.demoCoach.id}; 12 h; mint more: POST /v1/auth/coach-tokens)` : "(no demo coaches: --no-seed)"}
  Webhooks            POST ${u.api}/v1/webhooks/calendly  (CALENDLY_SIGNING_KEY=${settings.calendlySigningKey})
                      POST ${u.api}/v1/webhooks/calcom    (CALCOM_WEBHOOK_SECRET=${settings.calcomSecret})
  Ports               PORT=${settings.port} DYNAMODB_PORT=${settings.dynamodbPort} SES_PORT=${settings.sesPort} SCHEDULER_PORT=${settings.schedulerPort}

  Try: curl -H "Authorization: Bearer ${settings.adminToken}" ${u.api}/v1/coaches
Press Ctrl-C to stop.
`);
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(
      `\n${reason}: stopping the API, the Scheduler, the SES emulator and DynamoDB Local (pid ${stack.dynamodbPid})…`,
    );
    // Should a part hang, still end: DynamoDB Local then stops with this process (see its 'exit' hook).
    setTimeout(() => process.exit(1), 10_000).unref();
    await stack.stop();
    console.log("stopped.");
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.on(signal, () => void shutdown(signal));
  watchLaunchers(() => void shutdown("npm start has ended"));
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
