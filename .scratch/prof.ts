// Summarizes V8 CPU profiles of bundle children: self time by source (via the bundles' maps).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { SourceMapConsumer } from "source-map-js";

const dir = process.argv[2]!;
const filter = process.argv[3] ?? "";
const consumers = new Map<string, SourceMapConsumer | null>();
function consumer(url: string) {
  if (!consumers.has(url)) {
    const file = url.replace(/^file:\/\//, "");
    const map = `${file}.map`;
    consumers.set(url, existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, "utf8"))) : null);
  }
  return consumers.get(url)!;
}
const byKey = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
let profiles = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
  const p = JSON.parse(readFileSync(path.join(dir, f), "utf8"));
  const urls = new Set(p.nodes.map((n: any) => n.callFrame.url));
  if (filter && ![...urls].some((u: any) => new RegExp(filter).test(String(u)))) continue;
  profiles++;
  const dt = new Map<number, number>();
  p.samples.forEach((id: number, i: number) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  for (const n of p.nodes) {
    const us = dt.get(n.id) ?? 0;
    if (!us) continue;
    total += us;
    const { url, functionName, lineNumber, columnNumber } = n.callFrame;
    let src = url || functionName;
    if (url.endsWith(".mjs")) {
      const c = consumer(url);
      const pos = c?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      src = pos?.source ?? url;
    }
    src = String(src).replace(/^.*node_modules\//, "nm:").replace(/^.*\/packages\//, "pk:");
    const pkg = src.startsWith("nm:") ? src.split("/").slice(0, src.startsWith("nm:@") ? 2 : 1).join("/") : src.startsWith("pk:") ? src.split("/").slice(0, 3).join("/") : src;
    byKey.set(pkg, (byKey.get(pkg) ?? 0) + us);
    byFile.set(src, (byFile.get(src) ?? 0) + us);
  }
}
const show = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000 / profiles).toFixed(2).padStart(8)} ms  ${k}`).join("\n");
console.log(`profiles ${profiles}, mean total ${(total / 1000 / profiles).toFixed(1)} ms`);
console.log(show(byKey, 30));
console.log("--- files");
console.log(show(byFile, 40));
