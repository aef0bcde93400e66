/**
 * Summarises a V8 .cpuprofile (from BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" npm run bench:write):
 * the functions with the most self time, and the most inclusive time, as "share of all samples".
 *
 *   tsx test/bench/write-path-profile.ts <file.cpuprofile> [top=40] [filter] [lastSeconds]
 * lastSeconds: only the samples of the profile's last seconds (the measured round, not the start-up)
 */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const [file, topArg, filter, lastArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, 'utf8')) as Profile;
const top = Number(topArg ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(node_modules|main)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let idle = 0;
const times: number[] = [];
let t = 0;
for (const d of profile.timeDeltas) times.push((t += d));
const from = lastArg ? t - Number(lastArg) * 1e6 : -Infinity;
for (const [i, id] of profile.samples.entries()) {
  if (times[i]! < from) continue;
  const n = byId.get(id)!;
  if (n.callFrame.functionName === '(idle)') { idle++; continue; }
  total++;
  self.set(label(n), (self.get(label(n)) ?? 0) + 1);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + 1);
  }
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (${total} busy samples, ${idle} idle)`);
  for (const [l, c] of [...m].filter(([l]) => !filter || l.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((c / total) * 100).toFixed(1).padStart(5)} %  ${l}`);
};
show('self', self);
show('inclusive', inclusive);
