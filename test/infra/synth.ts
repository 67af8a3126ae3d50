import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { App, Validations } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { FUNCTION_ENTRIES, type FunctionName } from "../../infra/bundling";
import { checkSettings, type StageSettings } from "../../infra/settings";
import { CoachflowStack } from "../../infra/stack";

/** Stand-in bundles: the template tests are about the infrastructure, bundles.test.ts about the code. */
function fakeBundles(): Record<FunctionName, { dir: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), "coachflow-infra-"));
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];
  return Object.fromEntries(
    names.map((name) => {
      const dir = path.join(root, name);
      mkdirSync(dir);
      writeFileSync(path.join(dir, "index.mjs"), `export const handler = async () => "${name}";\n`);
      return [name, { dir }];
    }),
  ) as Record<FunctionName, { dir: string }>;
}

export interface Synthesized {
  stack: CoachflowStack;
  template: Template;
  json: { Resources: Record<string, { Type: string; Properties?: any; DeletionPolicy?: string }> };
  /** The cdk-nag report CDK wrote next to the templates. */
  validationReport: { pluginReports: { violations?: unknown[] }[] };
}

/** Synthesizes one stage the way infra/app.ts does, with cdk-nag's AwsSolutions checks on. */
export function synthesize(
  overrides: Partial<StageSettings> = {},
  extend?: (stack: CoachflowStack) => void,
): Synthesized {
  const outdir = mkdtempSync(path.join(os.tmpdir(), "coachflow-cdk-out-"));
  const app = new App({ outdir });
  const settings = checkSettings({
    stage: "dev",
    domain: "mail.coaching.example",
    adminEmail: "admin@coaching.example",
    ...overrides,
  });
  const stack = new CoachflowStack(app, `coachflow-${settings.stage}`, {
    settings,
    bundles: fakeBundles(),
    env: { account: "123456789012", region: "eu-west-1" },
  });
  extend?.(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template);
  const validationReport = JSON.parse(
    readFileSync(path.join(assembly.directory, "validation-report.json"), "utf8"),
  );
  return { stack, template, json: template.toJSON() as Synthesized["json"], validationReport };
}

/** The logical id of the only resource of `type` whose properties contain `match` (by JSON text). */
export function logicalId(s: Synthesized, type: string, match: (props: any) => boolean): string {
  const ids = Object.entries(s.json.Resources)
    .filter(([, r]) => r.Type === type && match(r.Properties ?? {}))
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return ids[0]!;
}

/** Every IAM policy statement in the template, with the logical id of the policy and its roles. */
export function statements(s: Synthesized): { policy: string; roles: string[]; statement: any }[] {
  const out: { policy: string; roles: string[]; statement: any }[] = [];
  for (const [id, r] of Object.entries(s.json.Resources)) {
    if (r.Type === "AWS::IAM::Policy") {
      const roles = (r.Properties.Roles ?? []).map((ref: any) => ref.Ref);
      for (const statement of r.Properties.PolicyDocument.Statement)
        out.push({ policy: id, roles, statement });
    }
    if (r.Type === "AWS::IAM::Role") {
      for (const p of r.Properties.Policies ?? [])
        for (const statement of p.PolicyDocument.Statement) out.push({ policy: id, roles: [id], statement });
    }
  }
  return out;
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
