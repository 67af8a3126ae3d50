import { describe, expect, it } from "vitest";
import * as z from "../../packages/core/src/shared/zod";

/**
 * The schema modules a Lambda reaches, imported here for the first time in this file (each test
 * file has its own module graph), so their top-level code runs while the constructions are counted.
 */
const SCHEMA_MODULES = [
  "../../packages/core/src/shared/validators",
  "../../packages/core/src/coaches/schema",
  "../../packages/core/src/intake/schema",
  "../../packages/core/src/followups/schema",
  "../../packages/core/src/email/schemas",
  "../../packages/core/src/email/contract-registry",
  "../../packages/core/src/webhooks/index",
  "../../packages/core/src/links/signed-links",
  "../../packages/functions/src/config",
];

/** What a schema of one of these kinds costs to build: objects, unions, pipes hold many others. */
const COMPOSITE = new Set(["object", "union", "pipe", "array", "record", "transform", "default", "nullable"]);

const defineProperty = Object.defineProperty;

/**
 * The kind (`def.type`, or `check:<name>` for a check) of every zod instance constructed while
 * `run` runs. Every zod constructor installs the instance's internals with
 * `Object.defineProperty(instance, "_zod", …)`, which is what is counted.
 */
async function constructedDuring(run: () => Promise<unknown> | unknown): Promise<string[]> {
  const kinds: string[] = [];
  Object.defineProperty = ((target: object, key: PropertyKey, descriptor: PropertyDescriptor) => {
    if (key === "_zod") {
      const def = (descriptor.value as { def?: { type?: string; check?: string } } | undefined)?.def;
      kinds.push(def?.type ?? `check:${def?.check ?? "?"}`);
    }
    return defineProperty(target, key, descriptor);
  }) as typeof Object.defineProperty;
  try {
    await run();
  } finally {
    Object.defineProperty = defineProperty;
  }
  return kinds;
}

describe("schema modules", () => {
  it("build no schemas at import, only z.lazy wrappers and a few small leaves", async () => {
    // The probe sees constructions: an object of one string is two.
    expect(await constructedDuring(() => z.object({ a: z.string() }))).toEqual(["string", "object"]);

    const kinds = await constructedDuring(async () => {
      for (const module of SCHEMA_MODULES) await import(module);
    });
    const built = kinds.filter((k) => k !== "lazy");
    // Before schemas were deferred, these imports built 600 zod instances; now a few enums and
    // string formats (one instance each) next to the wrappers.
    expect(kinds.filter((k) => k === "lazy").length).toBeGreaterThan(30);
    expect(built.filter((k) => COMPOSITE.has(k) || k.startsWith("check:"))).toEqual([]);
    expect(built.length).toBeLessThanOrEqual(15);

    // And a lazy schema builds its schema on its first parse, once.
    const { intakeInputSchema } = await import("../../packages/core/src/intake/schema");
    const first = await constructedDuring(() => z.safeParse(intakeInputSchema, {}));
    expect(first.filter((k) => k === "object").length).toBeGreaterThan(1);
    expect(await constructedDuring(() => z.safeParse(intakeInputSchema, {}))).toEqual([]);
  });
});
