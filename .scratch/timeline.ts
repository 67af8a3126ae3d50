// A timeline of one CPU profile: runs of samples by kind (idle, gc, compile, a package), in order.
import { readFileSync, existsSync } from "node:fs";
import { SourceMapConsumer } from "source-map-js";
const p = JSON.parse(readFileSync(process.argv[2]!, "utf8"));
const byId = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const maps = new Map<string, SourceMapConsumer | null>();
const map = (url: string) => {
  if (!maps.has(url)) { const f = url.replace("file://", "") + ".map"; maps.set(url, existsSync(f) ? new SourceMapConsumer(JSON.parse(readFileSync(f, "utf8"))) : null); }
  return maps.get(url);
};
function kind(id: number): string {
  const n = byId.get(id);
  const f = n.callFrame;
  if (f.functionName === "(idle)") return "idle";
  if (f.functionName === "(garbage collector)") return "gc";
  if (f.functionName === "(program)") return "program";
  // walk up to the first bundle frame
  let cur: number | undefined = id;
  while (cur !== undefined) {
    const c = byId.get(cur).callFrame;
    if (String(c.url).endsWith(".mjs")) {
      const pos = map(c.url)?.originalPositionFor({ line: c.lineNumber + 1, column: c.columnNumber });
      const src = String(pos?.source ?? c.url).replace(/^.*node_modules\//, "").replace(/^.*\/packages\//, "");
      const parts = src.split("/");
      return (src.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, src.includes("/src/") ? 3 : 1)).join("/") + (f.url.endsWith(".mjs") ? "" : "*");
    }
    cur = parent.get(cur);
  }
  return f.url ? f.url.replace(/^node:internal\//, "") : f.functionName;
}
let t = 0;
const segs: { k: string; start: number; dur: number }[] = [];
p.samples.forEach((id: number, i: number) => {
  const dt = p.timeDeltas[i] / 1000; t += dt;
  const k = kind(id);
  const last = segs[segs.length - 1];
  if (last && last.k === k) last.dur += dt; else segs.push({ k, start: t, dur: dt });
});
// merge tiny segments into a rolling summary per 2 ms window
let line: Record<string, number> = {}; let lineStart = 0;
const flush = (end: number) => {
  const top = Object.entries(line).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ");
  if (top) console.log(`${lineStart.toFixed(1).padStart(7)}-${end.toFixed(1).padStart(7)}  ${top}`);
  line = {}; 
};
const W = Number(process.argv[3] ?? 5);
for (const s of segs) {
  if (s.start - lineStart > W) { flush(s.start); lineStart = s.start; }
  line[s.k] = (line[s.k] ?? 0) + s.dur;
}
flush(t);
