import { statSync } from "node:fs";
import path from "node:path";
import { type BuildOptions, build, type Plugin } from "esbuild";

/** The repository root: bundles resolve entry points and packages from here. */
export const ROOT = path.resolve(import.meta.dirname, "..");

/** Every Lambda function's entry point; the handler export is always `handler`. */
export const FUNCTION_ENTRIES = {
  api: "packages/functions/src/handlers/api.ts",
  dispatcher: "packages/functions/src/handlers/dispatcher.ts",
  "ses-events": "packages/functions/src/handlers/ses-events.ts",
} as const;

export type FunctionName = keyof typeof FUNCTION_ENTRIES;

/** The file the bundle is written to inside its output directory, and the Lambda handler string. */
export const BUNDLE_FILE = "index.mjs";
export const LAMBDA_HANDLER = "index.handler";

/**
 * The esbuild options of every Lambda bundle: the CDK app and `npm run bench` both build with
 * exactly these, so the measured bundle is the deployed one. ESM for Node 22, minified, with an
 * external source map (Lambda runs with --enable-source-maps). The AWS SDK is bundled, not taken
 * from the runtime, so the deployed code runs the versions the tests ran.
 */
export function esbuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: { index: path.resolve(ROOT, entry) },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node22",
    format: "esm",
    // ESM builds of dependencies first: they tree-shake, CommonJS builds do not.
    mainFields: ["module", "main"],
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: "none",
    metafile: false,
    logLevel: "warning",
    plugins: [zodEnglishOnly, noLocalTemplateEngine, lambdaCredentialsFromEnv],
    // A few CommonJS dependencies call require() for Node built-ins; ESM has no require of its own.
    banner: {
      js: 'import{createRequire as __cjsRequire}from"node:module";const require=__cjsRequire(import.meta.url);',
    },
  };
}

export interface Bundle {
  /** The directory holding `index.mjs` and its source map: the function's code asset. */
  dir: string;
  /** Minified bytes of `index.mjs`. */
  bytes: number;
}

/** Builds one entry point into `outdir` with the shared options. */
export async function buildBundle(entry: string, outdir: string): Promise<Bundle> {
  await build(esbuildOptions(entry, outdir));
  return { dir: outdir, bytes: statSync(path.join(outdir, BUNDLE_FILE)).size };
}

/** Builds every function's bundle into `<outdir>/<name>`, in parallel. */
export async function buildBundles(outdir: string): Promise<Record<FunctionName, Bundle>> {
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];
  const built = await Promise.all(
    names.map((name) => buildBundle(FUNCTION_ENTRIES[name], path.join(outdir, name))),
  );
  return Object.fromEntries(names.map((name, i) => [name, built[i]!])) as Record<FunctionName, Bundle>;
}

/**
 * zod's `z` namespace re-exports every locale (`z.locales`, ~260 KB minified) and, being one
 * namespace object, defeats tree shaking. Nothing here reads `z.locales`; error messages use the
 * English locale, which zod imports directly and which stays. Only the locale index is cut down.
 */
const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: "js",
    }));
  },
};

/**
 * Handlebars (~110 KB with its source-map dependency) is only used by `renderTemplate` in
 * core/email, for local previews and tests: on AWS, SES renders the stored templates. Its module
 * builds an engine at load time, so it cannot be tree-shaken; a Lambda bundle gets a stand-in that
 * fails loudly if local rendering is ever called there.
 */
const noLocalTemplateEngine: Plugin = {
  name: "no-local-template-engine",
  setup(build) {
    build.onResolve({ filter: /^handlebars$/ }, () => ({ path: "handlebars", namespace: "stub" }));
    build.onLoad({ filter: /^handlebars$/, namespace: "stub" }, () => ({
      contents: `const unavailable = () => { throw new Error("local template rendering is not bundled in Lambda functions: SES renders templates"); };
export default { create: () => ({ compile: () => unavailable }) };`,
      loader: "js",
    }));
  },
};

/**
 * The SDK's default credential chain (env, SSO, ini files, process, web identity, IMDS, with their
 * STS/SSO/sign-in clients and a JOSE library: ~100 KB) always ends at the environment on Lambda,
 * which sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN for the function's role.
 * Lambda bundles read exactly those; local runs and tests keep the full chain.
 */
const lambdaCredentialsFromEnv: Plugin = {
  name: "lambda-credentials-from-env",
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, (args) => ({
      path: "credential-provider-node",
      namespace: "stub",
      pluginData: { resolveDir: args.resolveDir },
    }));
    build.onLoad({ filter: /^credential-provider-node$/, namespace: "stub" }, (args) => ({
      contents: 'export { fromEnv as defaultProvider } from "@aws-sdk/credential-provider-env";',
      resolveDir: (args.pluginData as { resolveDir: string }).resolveDir,
      loader: "js",
    }));
  },
};
