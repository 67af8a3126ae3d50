import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
// Only core modules here: classic zod, if loaded, would configure the English locale by itself.
import { intakeInputSchema } from "../../packages/core/src/intake/schema";
import * as z from "../../packages/core/src/shared/zod";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Code that ends up in Lambda bundles, where zod must be zod/mini (classic zod is ~190 KB of every
 * bundle and does not tree-shake).
 */
const LAMBDA_SOURCE_DIRS = ["packages/core/src", "packages/functions/src"];

/** The one module that imports zod itself; everything else takes `z` from it. */
const ZOD_MODULE = "packages/core/src/shared/zod.ts";

/** Classic zod: `"zod"`, `"zod/v4"` (and their `/index` forms), in static or dynamic imports. */
const CLASSIC_ZOD = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']zod(?:\/v4)?(?:\/index(?:\.js)?)?["']/;
const ANY_ZOD = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']zod(?:\/[^"']*)?["']/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.[cm]?tsx?$/.test(f))
    .map((f) => path.join(dir, f).split(path.sep).join("/"));
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("zod in Lambda code", () => {
  it.each(LAMBDA_SOURCE_DIRS)("%s never imports classic zod", (dir) => {
    const files = sourceFiles(dir);
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => CLASSIC_ZOD.test(read(f)))).toEqual([]);
  });

  it("core takes zod only from its one zod module, which is zod/mini", () => {
    const direct = sourceFiles("packages/core/src").filter((f) => ANY_ZOD.test(read(f)));
    expect(direct).toEqual([ZOD_MODULE]);
    expect(read(ZOD_MODULE)).toMatch(/from "zod\/mini"/);
  });

  it("core imports its zod module as a namespace, so bundles keep only the zod functions they call", () => {
    const imports = sourceFiles("packages/core/src").flatMap((f) =>
      [...read(f).matchAll(/^import [^;]*["'][./]*(?:shared\/)?zod["'];/gm)].map((m) => `${f}: ${m[0]}`),
    );
    expect(imports.length).toBeGreaterThan(20);
    expect(imports.filter((i) => !/: import (type )?\* as z from /.test(i))).toEqual([]);
  });

  it("bundles core's schemas without the parts of zod they never use", async () => {
    const modules = [
      "intake/schema",
      "coaches/schema",
      "followups/schema",
      "webhooks/calcom",
      "webhooks/calendly",
      "links/signed-links",
      "email/template-data",
    ];
    const { metafile } = await build({
      stdin: {
        contents: modules.map((m) => `export * from "./packages/core/src/${m}";`).join("\n"),
        resolveDir: ROOT,
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    // What ends up in the output (every module gets parsed; tree shaking drops what is not used).
    const kept = Object.values(metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([file]) => file),
    );
    const zodInputs = kept.filter((i) => i.includes("node_modules/zod/"));
    expect(zodInputs.some((i) => i.includes("/v4/mini/"))).toBe(true);
    // Classic zod, zod's JSON Schema generator and its schema compiler, and other languages.
    expect(
      zodInputs.filter((i) => /\/v4\/classic\/|to-json-schema|compile\.js|locales\/(?!en\.js)/.test(i)),
    ).toEqual([]);
  });

  it("the scan recognizes classic imports and lets zod/mini and the English locale through", () => {
    for (const line of [
      'import { z } from "zod";',
      "import type { z } from 'zod';",
      'import * as z from "zod/v4";',
      'const { z } = await import("zod");',
    ])
      expect(CLASSIC_ZOD.test(line), line).toBe(true);
    for (const line of [
      'import * as z from "zod/mini";',
      'import en from "zod/v4/locales/en.js";',
      'import { z } from "../shared/zod";',
    ])
      expect(CLASSIC_ZOD.test(line), line).toBe(false);
  });

  it("words zod's own issue messages in plain words (shared/issue-messages.ts), not zod's English", () => {
    expect(z.string().safeParse(1).error?.issues[0]?.message).toBe("This input must be text");
    const result = intakeInputSchema.safeParse({ name: "", preferences: { topics: [] } });
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]),
    );
    // Without labels, a field is named by its last name in words.
    expect(messages).toMatchObject({
      name: "Enter name",
      email: "Enter email",
      "preferences.topics": "Choose at least one of the topics",
      "preferences.cadence": "Choose cadence: weekly, biweekly, monthly or ad-hoc",
      consent: "Tick the box to give consent",
    });
  });
});
