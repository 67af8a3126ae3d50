import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
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

/**
 * Where a bundle's AWS SDK comes from. `bundled`: compiled into the bundle (tree-shaken, minified),
 * the versions the tests ran. `runtime`: left out (`@aws-sdk/*` external, what aws-cdk-lib's
 * `NodejsFunction` does by default on Node 18+) and loaded at init from the SDK the Lambda runtime
 * ships. The deployed bundles use `DEPLOYED_SDK`; `BENCH_SDK=runtime npm run bench` measures the
 * other. Why bundled: docs/decisions/0011-lambda-bundles.md.
 */
export type SdkSource = "bundled" | "runtime";
export const DEPLOYED_SDK: SdkSource = "bundled";

/** The file the bundle is written to inside its output directory, and the Lambda handler string. */
export const BUNDLE_FILE = "index.mjs";
export const LAMBDA_HANDLER = "index.handler";

/**
 * The esbuild options of every Lambda bundle: the CDK app and `npm run bench` both build with
 * exactly these, so the measured bundle is the deployed one. ESM for Node 22, minified, with an
 * external source map (Lambda runs with --enable-source-maps), chunks for dynamic imports. The
 * AWS SDK is bundled (`DEPLOYED_SDK`), so the deployed code runs the versions the tests ran.
 */
export function esbuildOptions(
  entry: string,
  outdir: string,
  sdk: SdkSource = DEPLOYED_SDK,
): BuildOptions & { outdir: string } {
  return {
    absWorkingDir: ROOT,
    entryPoints: { index: path.resolve(ROOT, entry) },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node22",
    format: "esm",
    // A dynamic import() becomes a chunk of its own in the same directory, loaded on first use.
    // Without splitting its code is inlined, so compiled at init (and its externals loaded there).
    splitting: true,
    chunkNames: "[name]-[hash]",
    // ESM builds of dependencies first: they tree-shake, CommonJS builds do not.
    mainFields: ["module", "main"],
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: "none",
    // The coach workspace's pages are hono/jsx components (tsconfig.json says the same).
    jsx: "automatic",
    jsxImportSource: "hono/jsx",
    metafile: false,
    logLevel: "warning",
    external: sdk === "runtime" ? ["@aws-sdk/*"] : [],
    plugins: [
      zodEnglishOnly,
      zodJsonSchemaOnDemand,
      noLocalTemplateEngine,
      lambdaCredentialsFromEnv,
      noEventStreams,
    ],
    // No `require` shim banner: no bundled code calls require() (once CommonJS dependencies did; a
    // bundle test fails if esbuild's dynamic-require stub appears, and the banner would come back:
    // 'import{createRequire as __cjsRequire}from"node:module";const require=__cjsRequire(import.meta.url);').
  };
}

export interface Bundle {
  /**
   * The directory holding `index.mjs`, the chunks it imports on demand and their source maps:
   * the function's code asset, deployed as it is.
   */
  dir: string;
  /** Minified bytes of all the code: `index.mjs` and every chunk it can load. */
  bytes: number;
  /** Minified bytes of the chunks `index.mjs` only imports dynamically: code not loaded at init. */
  lazyBytes: number;
  /**
   * For each chunk loaded on demand (a route group, `jose`, the OpenAPI generator, a store, …) by
   * its name without the hash: the bytes it adds to a cold start, with everything it imports
   * statically that init does not hold already (the files and their total). See `coldLoad`.
   */
  onDemand: Record<string, { files: string[]; bytes: number }>;
  /** Minified bytes of each output file, by path relative to the repository. */
  fileBytes: Record<string, number>;
  /** The source files (relative to the repository) in the code loaded at init, and in the rest. */
  inputs: { atInit: string[]; lazy: string[] };
}

/**
 * What each kind of request makes a cold start of the API load, beyond init: its route group and
 * the chunks its handlers load on first use. The program's routes verify JWTs (`jose`) and end web
 * sessions when a coach is deactivated and export or erase a client (the privacy store); the
 * workspace's pages and its sign-in (two groups: a page's cold start does not load sign-in) read
 * their stores; all read the settings. The OpenAPI document, which
 * loads every group to describe them, is left out: it is the docs' request, and `bytes` covers it.
 */
/** What every page of the admin console's own group loads: its code, reads, the session's stores, the settings' defaults. */
const ADMIN_PAGES = [
  "admin-group",
  "admin-store",
  "web-auth-store",
  "workspace-store",
  "defaults",
  "agenda-defaults",
] as const;
/** The same for the console's client pages, a group of their own. */
const CLIENT_PAGES = ["clients-group", ...ADMIN_PAGES.slice(1)] as const;

export const API_COLD_LOADS: Record<string, readonly string[]> = {
  // Every request that reads the program settings loads their defaults while none are stored, and
  // the agenda templates' defaults where an agenda is built or shown (decision 0024).
  // Changed answers from a known email load their store too (decision 0029); the intake and
  // sign-in count what they email against the limits (decision 0032).
  // Every email it sends is in the client's email log (email-log, decision 0036).
  // Saving a client loads its writes and the console's counters (client-writes, figures: decision
  // 0035); `figures` is named for the SES events handler's suppressions, which import it alone.
  intake: ["intake", "defaults", "pending-answers", "email-limiter", "email-log", "client-writes", "figures"],
  // A chain's first booking writes the client profile it creates (profile-items, decision 0030).
  // and a new session's client moves to the console's "booked" list (booked-clients, 0033).
  webhooks: ["webhooks", "delivery-log", "defaults", "agenda-defaults", "profile-items", "booked-clients"],
  // An admin's choice of coaches saves the client; finishing a session may change an engagement
  // (client-writes, engagement-writes: counted, decision 0035). A client's export and erasure
  // (routes/privacy.ts, the only program routes that use the privacy store) load that store and
  // none of those writes: one request of the group loads one of the two sets, as in the console.
  program: [
    "program",
    "jwt",
    "web-auth-store",
    "defaults",
    "agenda-defaults",
    "email-log",
    "client-writes",
    "engagement-writes",
  ],
  "program export or erase": [
    "program",
    "jwt",
    "web-auth-store",
    "privacy-store",
    "defaults",
    "agenda-defaults",
  ],
  // The workspace's pages: home and the client pages, and (a group of their own) the session pages.
  workspace: ["routes", "web-auth-store", "workspace-store", "defaults", "agenda-defaults"],
  // Finishing a session may change an engagement (engagement-writes, counted: decision 0035).
  "workspace sessions": [
    "session-pages",
    "web-auth-store",
    "workspace-store",
    "defaults",
    "agenda-defaults",
    "engagement-writes",
  ],
  // Signing in to either area (decision 0033): a signed-in visitor's sign-in page reads their
  // session; asking for a link counts it against the email limits (0032).
  "sign-in": [
    "sign-in-group",
    "web-auth-store",
    "workspace-store",
    "defaults",
    "agenda-defaults",
    "email-limiter",
  ],
  // The admin console's pages, in six groups (0033); a replay loads the webhooks' chunk. One
  // request of the console's own groups loads one of three chunks at most (decision 0036): the
  // dashboard the dead-letter queue's counter (dead-letters, on AWS), an export or erasure the
  // privacy store, an override or rematch the email log of the emails it sends.
  // (Counted together with the delivery pages' log, which the dashboard does not load.)
  admin: [...ADMIN_PAGES, "dead-letters", "delivery-log"],
  "admin clients": CLIENT_PAGES,
  // A client's export and erasure: a group of their own (admin/client-data-group.tsx).
  "admin export or erase": ["client-data-group", ...ADMIN_PAGES.slice(1), "privacy-store"],
  "admin override or rematch": [...CLIENT_PAGES, "email-log", "client-writes"],
  "admin replay": [
    "webhooks",
    "delivery-log",
    "profile-items",
    "booked-clients",
    "admin-store",
    "web-auth-store",
    "workspace-store",
    "defaults",
    "agenda-defaults",
  ],
  settings: [
    "settings-group",
    "admin-store",
    "web-auth-store",
    "workspace-store",
    "defaults",
    "agenda-defaults",
  ],
  // Unverified bookings (decision 0030): the admin's list and decisions (with the webhooks, whose
  // group they are in).
  "unverified-decisions": ["webhooks", "jwt", "unverified-bookings", "booked-clients"],
  // The signed links clients open (a group of their own): the session-7 choice, "is this you?"
  // (decision 0030) and their data (export and erase: the privacy store).
  // The session-7 choice may change an engagement (engagement-writes, counted: decision 0035).
  links: [
    "link-group",
    "unverified-bookings",
    "privacy-store",
    "defaults",
    "agenda-defaults",
    "engagement-writes",
  ],
  // The same decisions from a client's console page (decision 0036): the webhooks' group too.
  "admin unverified decision": [
    "webhooks",
    "unverified-bookings",
    "admin-store",
    "web-auth-store",
    "workspace-store",
    "defaults",
    "agenda-defaults",
  ],
};

/** The bytes a cold start holds once it has loaded these on-demand chunks: init plus their code. */
export function coldLoad(
  bundle: Pick<Bundle, "bytes" | "lazyBytes" | "onDemand" | "fileBytes">,
  chunks: readonly string[],
): number {
  const files = new Set(
    chunks.flatMap((chunk) => {
      const found = bundle.onDemand[chunk];
      if (!found) throw new Error(`no chunk loaded on demand is named ${chunk}`);
      return found.files;
    }),
  );
  return bundle.bytes - bundle.lazyBytes + [...files].reduce((sum, f) => sum + bundle.fileBytes[f]!, 0);
}

/** The largest cold load of a bundle: for the API over `API_COLD_LOADS`, otherwise any one chunk. */
export function largestColdLoad(
  name: string,
  bundle: Pick<Bundle, "bytes" | "lazyBytes" | "onDemand" | "fileBytes">,
): number {
  const sets = name === "api" ? Object.values(API_COLD_LOADS) : Object.keys(bundle.onDemand).map((c) => [c]);
  return Math.max(bundle.bytes - bundle.lazyBytes, ...sets.map((set) => coldLoad(bundle, set)));
}

/** Builds one entry point into `outdir` with the shared options. */
export function buildBundle(entry: string, outdir: string, sdk: SdkSource = DEPLOYED_SDK): Promise<Bundle> {
  return buildAndMeasure(esbuildOptions(entry, outdir, sdk));
}

/**
 * Runs one esbuild build whose entry is written to `<outdir>/index.mjs`, and measures its output.
 * `outdir` is emptied first: chunk names change with their content, and the directory is the
 * deployed asset, so a previous build's chunks must not linger in it.
 */
export async function buildAndMeasure(options: BuildOptions & { outdir: string }): Promise<Bundle> {
  const outdir = options.outdir;
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({ ...options, metafile: true });
  const outputs = metafile!.outputs;
  const rel = (file: string) => path.relative(ROOT, path.join(outdir, file));
  // What `index.mjs` imports statically, transitively, is loaded at init; what it can reach through
  // a dynamic import() only on demand.
  const reachable = (kinds: readonly string[], from: string) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of outputs[file]?.imports ?? []) if (!i.external && kinds.includes(i.kind)) visit(i.path);
    };
    visit(from);
    return seen;
  };
  const atInit = reachable(["import-statement"], rel(BUNDLE_FILE));
  const used = reachable(["import-statement", "dynamic-import"], rel(BUNDLE_FILE));
  let bytes = 0;
  let lazyBytes = 0;
  const inputs = { atInit: new Set<string>(), lazy: new Set<string>() };
  for (const [file, output] of Object.entries(outputs)) {
    if (!file.endsWith(".mjs")) continue;
    // esbuild emits a chunk for every dynamic import() it meets, also when tree shaking then drops
    // the only code that imports it (the SDK's browser user-agent parser, for one): nothing can
    // ever load such a chunk, so it is neither deployed nor counted.
    if (!used.has(file)) {
      rmSync(path.join(ROOT, file));
      rmSync(path.join(ROOT, `${file}.map`), { force: true });
      continue;
    }
    bytes += output.bytes;
    if (!atInit.has(file)) lazyBytes += output.bytes;
    for (const input of Object.keys(output.inputs)) inputs[atInit.has(file) ? "atInit" : "lazy"].add(input);
  }
  const sizeOf = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + outputs[f]!.bytes, 0);
  const onDemand: Record<string, { files: string[]; bytes: number }> = {};
  const fileBytes: Record<string, number> = {};
  for (const file of used) fileBytes[file] = outputs[file]!.bytes;
  for (const file of used) {
    if (atInit.has(file)) continue;
    const isTarget = Object.values(outputs).some((o) =>
      o.imports.some((i) => i.kind === "dynamic-import" && i.path === file),
    );
    if (!isTarget) continue;
    const files = [...reachable(["import-statement"], file)].filter((f) => !atInit.has(f)).sort();
    onDemand[path.basename(file).replace(/-[A-Z0-9]{8}\.mjs$/, "")] = { files, bytes: sizeOf(files) };
  }
  return {
    dir: outdir,
    bytes,
    lazyBytes,
    onDemand,
    fileBytes,
    inputs: { atInit: [...inputs.atInit].sort(), lazy: [...inputs.lazy].sort() },
  };
}

/** Builds every function's bundle into `<outdir>/<name>`, in parallel, with the API's static files. */
export async function buildBundles(
  outdir: string,
  sdk: SdkSource = DEPLOYED_SDK,
): Promise<Record<FunctionName, Bundle>> {
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];
  const built = await Promise.all(
    names.map((name) => buildBundle(FUNCTION_ENTRIES[name], path.join(outdir, name), sdk)),
  );
  copyDocsFiles(built[names.indexOf("api")]!.dir);
  return Object.fromEntries(names.map((name, i) => [name, built[i]!])) as Record<FunctionName, Bundle>;
}

/**
 * Swagger UI's files as the pinned `swagger-ui-dist` ships them, with its licence, in the API's
 * asset next to the code (`swagger-ui/`): `/docs` serves them from there, read on its first
 * request (functions/src/routes/docs.ts). Files, not code: no cold start loads them, and the code
 * size pins do not count them (decision 0031).
 */
export const DOCS_FILES = [
  "swagger-ui-bundle.js",
  "swagger-ui.css",
  "swagger-ui-bundle.js.LICENSE.txt",
  "LICENSE",
  "NOTICE",
] as const;
export const DOCS_DIR = "swagger-ui";

function copyDocsFiles(bundleDir: string): void {
  const from = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  mkdirSync(path.join(bundleDir, DOCS_DIR));
  for (const file of DOCS_FILES) copyFileSync(path.join(from, file), path.join(bundleDir, DOCS_DIR, file));
}

/**
 * For bundles built with `sdk: "runtime"`: makes the SDK importable from bundles built into
 * subdirectories of `dir`, as the Lambda runtime makes its own copy importable: a `node_modules`
 * link next to (never inside) the bundle directories, to the repository's installed packages. The
 * SDK is then loaded at import from its own unminified files, as on Lambda. Bench only.
 */
export function linkRuntimeModules(dir: string): void {
  const link = path.join(dir, "node_modules");
  if (!existsSync(link)) symlinkSync(path.join(ROOT, "node_modules"), link, "dir");
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
 * zod's JSON Schema converter (~21 KB) is used only to build the OpenAPI document, in a chunk loaded
 * on the first `/openapi.json` request. But zod's core index and zod/mini re-export it, and esbuild
 * places a module in the chunks of every entry that reaches its file through imports, live or not:
 * so it sat in the API's init code. Here those two re-exports are cut, and the one module that
 * imports the converter (`functions/src/http/json-schema.ts`) gets it from its own file, which then
 * only the OpenAPI chunk reaches. A test serves `/openapi.json` from the built API bundle.
 */
/** zod's converter module, wherever npm installed zod (its exports map does not name the file). */
const ZOD_JSON_SCHEMA_FILE = path.join(
  path.dirname(createRequire(import.meta.url).resolve("zod/package.json")),
  "v4/core/json-schema-processors.js",
);

const zodJsonSchemaOnDemand: Plugin = {
  name: "zod-json-schema-on-demand",
  setup(build) {
    const reexport =
      /^export .* from "\.\.?\/(core\/)?(to-json-schema|json-schema-processors|json-schema-generator|json-schema)\.js";$/gm;
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/](core[\\/]index|mini[\\/]external)\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, "utf8")).replace(reexport, ""),
      loader: "js",
    }));
    build.onResolve({ filter: /^zod\/v4\/core$/ }, (args) =>
      /[\\/]http[\\/]json-schema\.ts$/.test(args.importer)
        ? { path: "zod-json-schema", namespace: "stub", pluginData: { resolveDir: args.resolveDir } }
        : undefined,
    );
    build.onLoad({ filter: /^zod-json-schema$/, namespace: "stub" }, (args) => ({
      contents: `export { toJSONSchema } from ${JSON.stringify(ZOD_JSON_SCHEMA_FILE)};`,
      resolveDir: (args.pluginData as { resolveDir: string }).resolveDir,
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
 * Lambda bundles read exactly those; local runs and tests keep the full chain. (With
 * `sdk: "runtime"` the SDK is not bundled and this never applies.)
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

/**
 * The SDK's HTTP protocols load the event-stream codec (~15 KB) with a dynamic import when an
 * operation's schema has an event stream (Bedrock, Transcribe, S3 Select, …). No DynamoDB operation
 * has one, so the chunk could never load; a stand-in that fails loudly takes its place.
 */
const noEventStreams: Plugin = {
  name: "no-event-streams",
  setup(build) {
    build.onResolve({ filter: /^@smithy\/core\/event-streams$/ }, () => ({
      path: "event-streams",
      namespace: "stub",
    }));
    build.onLoad({ filter: /^event-streams$/, namespace: "stub" }, () => ({
      contents: `const unavailable = () => { throw new Error("event streams are not bundled in Lambda functions: no operation used here has one"); };
export const EventStreamSerde = unavailable;
export const eventStreamSerdeProvider = unavailable;`,
      loader: "js",
    }));
  },
};
