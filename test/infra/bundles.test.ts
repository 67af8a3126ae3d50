import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_FILE, type Bundle, buildBundles, type FunctionName } from "../../infra/bundling";

let bundles: Record<FunctionName, Bundle>;

beforeAll(async () => {
  bundles = await buildBundles(mkdtempSync(path.join(os.tmpdir(), "coachflow-bundles-")));
}, 60_000);

describe("the Lambda bundles", () => {
  it("are minified ESM with an external source map, exporting `handler`", async () => {
    for (const [name, bundle] of Object.entries(bundles)) {
      const code = readFileSync(path.join(bundle.dir, BUNDLE_FILE), "utf8");
      expect(code, name).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      expect(
        JSON.parse(readFileSync(path.join(bundle.dir, `${BUNDLE_FILE}.map`), "utf8")).sources.length,
      ).toBeGreaterThan(10);
      // Importing a bundle has no side effect that needs configuration: the handlers start lazily.
      const mod = await import(pathToFileURL(path.join(bundle.dir, BUNDLE_FILE)).href);
      expect(typeof mod.handler, name).toBe("function");
    }
  });

  it("leave out what Lambda never runs: zod's other locales, Handlebars, the SDK's non-env credential chain", () => {
    for (const bundle of Object.values(bundles)) {
      const code = readFileSync(path.join(bundle.dir, BUNDLE_FILE), "utf8");
      expect(code).not.toContain("You must pass a string or Handlebars AST");
      expect(code).not.toContain("Ungültige Eingabe"); // zod's German locale
      expect(code).not.toContain("sso_start_url");
    }
  });
});
