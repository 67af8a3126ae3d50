import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  BUNDLE_FILE,
  type Bundle,
  buildAndMeasure,
  buildBundles,
  DEPLOYED_SDK,
  esbuildOptions,
  type FunctionName,
  linkRuntimeModules,
  ROOT,
  type SdkSource,
} from "../infra/bundling";
import { type BenchResult, quantile } from "./result";

/** Fresh `node` processes per bundle; each measures one `await import()` of its bundle. */
const RUNS = 25;
const MAX_IMPORT_RATIO = 1.3;
const SIZE_TARGETS_KB: Partial<Record<FunctionName, number>> = { api: 450, dispatcher: 350 };

/**
 * The yardstick: a Hono hello-world with a DynamoDB client, bundled with the same options as the
 * functions, including where the SDK comes from (a reference Lambda follows the same convention).
 */
const REFERENCE = `
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
const db = new DynamoDBClient({});
const app = new Hono();
app.get("/", (c) => c.json({ hello: "world", client: typeof db.send }));
export const handler = handle(app);
`;

function buildReference(outdir: string, sdk: SdkSource): Promise<Bundle> {
  const { entryPoints: _entry, ...options } = esbuildOptions("", outdir, sdk);
  return buildAndMeasure({
    ...options,
    outdir,
    stdin: {
      contents: REFERENCE,
      resolveDir: path.join(ROOT, "packages/functions"),
      sourcefile: "reference.ts",
      loader: "ts",
    },
    entryNames: "index",
  });
}

/** Milliseconds one fresh process spends in `await import(file)`, measured inside that process. */
function coldImport(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    env: {
      PATH: process.env.PATH,
      NODE_OPTIONS: "",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return Number(out);
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Each Lambda bundle's minified size (all its code, chunks loaded on demand included) and cold
 * import time (median of fresh processes) as a ratio to the reference bundle, all built in this run
 * with the options the CDK app deploys with. The import loads what Lambda loads at init: the bundle
 * and the chunks it imports statically (with `BENCH_SDK=runtime`, also the SDK packages, from
 * node_modules); not the chunks it imports on demand.
 */
export async function benchBundles(): Promise<BenchResult[]> {
  // `BENCH_SDK=runtime` measures the alternative of 0011: the SDK left to the Lambda runtime.
  const sdk: SdkSource = process.env.BENCH_SDK === "runtime" ? "runtime" : DEPLOYED_SDK;
  const outdir = mkdtempSync(path.join(os.tmpdir(), "coachflow-bench-bundles-"));
  // Then the SDK resolves from the repository's node_modules, as from the runtime's on Lambda.
  if (sdk === "runtime") linkRuntimeModules(outdir);
  const bundles = await buildBundles(outdir, sdk);
  const built: Record<string, Bundle> = {
    reference: await buildReference(path.join(outdir, "reference"), sdk),
    ...bundles,
  };
  const files = Object.fromEntries(
    Object.entries(built).map(([name, bundle]) => [name, path.join(bundle.dir, BUNDLE_FILE)]),
  );

  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(files).map((n) => [n, []]));
  for (const file of Object.values(files)) coldImport(file); // warm the OS file cache once
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so that a noisy moment on the machine hits every bundle alike.
    for (const [name, file] of Object.entries(files)) samples[name]!.push(coldImport(file));
  }
  const median = (name: string) =>
    quantile(
      [...samples[name]!].sort((a, b) => a - b),
      0.5,
    );
  const reference = median("reference");

  return Object.keys(files).map((name) => {
    const { bytes, lazyBytes } = built[name]!;
    const ratio = median(name) / reference;
    const metrics = {
      "minified KB": kb(bytes),
      "of which lazy KB": kb(lazyBytes),
      "import p50 ms": round(median(name)),
      "× reference": name === "reference" ? 1 : round(ratio),
    };
    if (name === "reference") return { name: `reference (Hono + DynamoDB client), SDK ${sdk}`, metrics };
    const sizeTarget = SIZE_TARGETS_KB[name as FunctionName];
    const sizeOk = sizeTarget === undefined || bytes <= sizeTarget * 1024;
    return {
      name: `${name} bundle`,
      metrics,
      target: `${sizeTarget ? `≤ ${sizeTarget} KB, ` : ""}import ≤ ${MAX_IMPORT_RATIO}× reference`,
      pass: sizeOk && ratio <= MAX_IMPORT_RATIO,
    };
  });
}
