import path from "node:path";
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { buildBundles, ROOT } from "./bundling";
import { settingsFromContext } from "./settings";
import { CoachflowStack } from "./stack";

/**
 * The CDK app: one stack per stage, `coachflow-<stage>`. The stage and the operator's settings
 * come from context (`npm run deploy -- --stage dev --domain mail.example.com`, see
 * scripts in infra/cli.ts). The functions are bundled with esbuild first, then synthesized, then
 * checked by cdk-nag's AwsSolutions pack; any unacknowledged finding fails the synth.
 */
export async function createApp(app = new App()): Promise<{ app: App; stack: CoachflowStack }> {
  const settings = settingsFromContext(app.node);
  const bundles = await buildBundles(path.join(ROOT, "cdk.out", ".bundles", settings.stage));
  const stack = new CoachflowStack(app, `coachflow-${settings.stage}`, {
    settings,
    bundles,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: `coachflow, stage ${settings.stage}: API, dispatcher, table, schedules, email`,
    tags: { app: "coachflow", stage: settings.stage },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { app } = await createApp();
  app.synth();
}
