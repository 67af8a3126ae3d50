import os from "node:os";
import { benchAdmin } from "./admin";
import { benchBundles } from "./bundles";
import { benchColdStart } from "./cold-start";
import { benchFaults } from "./faults";
import { benchMatching } from "./matching";
import type { BenchResult } from "./result";
import { benchWebhooks } from "./webhooks";
import { benchWorkspace } from "./workspace";

/**
 * Every benchmark suite `npm run bench` runs; add a line here for a new one. Arguments pick
 * suites by a part of their name: `npm run bench -- cold` runs the two cold-start ones.
 */
const SUITES: { name: string; run: () => Promise<BenchResult[]> }[] = [
  { name: "matching", run: benchMatching },
  { name: "bundles and cold start", run: benchBundles },
  { name: "cold start, whole", run: benchColdStart },
  { name: "webhooks", run: benchWebhooks },
  { name: "faults survived (test/faults)", run: benchFaults },
  { name: "coach workspace pages", run: benchWorkspace },
  { name: "admin console pages", run: benchAdmin },
];

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" │ ");
  const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

async function main() {
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus[0]?.model ?? "unknown cpu"} × ${cpus.length} cores, ${os.platform()} ${os.arch()}`,
  );
  console.log(`node:    ${process.version}\n`);
  let failed = 0;
  const wanted = process.argv.slice(2);
  const suites = wanted.length ? SUITES.filter((s) => wanted.some((w) => s.name.includes(w))) : SUITES;
  for (const suite of suites) {
    const results = await suite.run();
    const metricNames = [...new Set(results.flatMap((r) => Object.keys(r.metrics)))];
    const rows = [
      ["benchmark", ...metricNames, "target", "met"],
      ...results.map((r) => [
        r.name,
        ...metricNames.map((m) => String(r.metrics[m] ?? "")),
        r.target ?? "",
        r.pass === undefined ? "" : r.pass ? "yes" : "NO",
      ]),
    ];
    console.log(`## ${suite.name}\n${table(rows)}\n`);
    failed += results.filter((r) => r.pass === false).length;
  }
  if (failed > 0) {
    console.log(`${failed} target(s) missed`);
    process.exitCode = 1;
  }
}

await main();
