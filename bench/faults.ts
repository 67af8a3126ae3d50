import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// Types and constants only: the suite's modules import vitest, which runs only under vitest.
import { FAULT_KINDS, type FaultKind } from "../test/faults/fault-proxy";
import type { FaultRunReport } from "../test/faults/run";
import type { BenchResult } from "./result";

/** The seeds of the larger run; `npm run test:faults` (CI) runs 1 and 2. */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * The fault-injection suite (test/faults) over more seeds than CI runs: the same vitest suite, so
 * the same emulators and invariants, each seed's report read back from a directory. A seed meets
 * its target when no invariant was broken (docs/reliability.md).
 */
const injectedOf = (r: FaultRunReport, kind: FaultKind) =>
  Object.values(r.injected).reduce((sum, byKind) => sum + byKind[kind], 0);

export async function benchFaults(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "coachflow-faults-"));
  try {
    spawnSync("npx", ["vitest", "run", "-c", "vitest.faults.config.ts", "test/faults/survived.faults.ts"], {
      cwd: join(import.meta.dirname, ".."),
      env: {
        ...process.env,
        FAULT_SEEDS: SEEDS.join(","),
        FAULT_REPORT_DIR: dir,
        VITE_CONFIG_NATIVE_IGNORE_WARNING: "true",
      },
      // The suite's own failure output would bury the table; the reports say what failed.
      stdio: "ignore",
    });
    const reports = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as FaultRunReport)
      .sort((a, b) => a.seed - b.seed);
    if (reports.length < SEEDS.length)
      throw new Error(
        `the fault suite wrote ${reports.length} of ${SEEDS.length} reports: see npm run test:faults`,
      );
    return reports.map((r) => {
      const v = r.invariants.violations;
      return {
        name: `seed ${r.seed}: 300 deliveries, 200 firings`,
        metrics: {
          "duration s": Math.round(r.durationMs / 100) / 10,
          ...Object.fromEntries(FAULT_KINDS.map((k) => [k, injectedOf(r, k)])),
          "sdk retries": r.dynamoSdkRetries,
          "killed runs": r.firings.killedRuns,
          "dead-lettered": r.firings.deadLettered,
          replayed: r.replays.replayed,
          "sent twice": v.filter((line) => line.startsWith("sent ")).length,
          "ambiguous (unknown)": r.invariants.ambiguous,
          "ambiguous delivered": r.invariants.ambiguousDelivered,
          lost: v.filter((line) => line.includes("(lost")).length,
          violations: v.length,
        },
        target: "no invariant broken",
        pass: r.invariants.violations.length === 0,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
