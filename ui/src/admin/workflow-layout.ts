/**
 * A layered layout of a workflow graph for the diagram: states in columns by their distance from
 * the initial state (breadth-first), ordered inside a column by the mean position of their
 * predecessors (two barycentre sweeps), transitions as curves — forward ones left to right,
 * backward and same-column ones as arcs above the boxes. DOM-free so it can be tested.
 */
export interface LayoutInput {
  initialState: string;
  states: Record<string, { final?: boolean }>;
  transitions: Record<string, { from: string[]; to: string; branches?: { to: string }[] | undefined; system?: boolean | undefined }>;
}

export interface LayoutNode {
  id: string;
  layer: number;
  order: number;
  x: number;
  y: number;
  missing: boolean;
}

export interface LayoutEdge {
  transition: string;
  from: string;
  to: string;
  branch: boolean;
  back: boolean;
  path: string;
  labelX: number;
  labelY: number;
}

export interface Layout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  width: number;
  height: number;
}

export const NODE_W = 148;
export const NODE_H = 44;
const COL_GAP = 118;
const ROW_GAP = 34;
const MARGIN = 24;
const TOP = 56;

export function layoutWorkflow(wf: LayoutInput): Layout {
  const raw: { transition: string; from: string; to: string; branch: boolean }[] = [];
  for (const [id, t] of Object.entries(wf.transitions)) {
    for (const f of t.from ?? []) {
      raw.push({ transition: id, from: f, to: t.to, branch: false });
      for (const b of t.branches ?? []) if (b.to !== t.to) raw.push({ transition: id, from: f, to: b.to, branch: true });
    }
  }
  // states referenced but not declared are drawn too (in red): that is what the admin must fix
  const ids = [...Object.keys(wf.states)];
  for (const e of raw) for (const s of [e.from, e.to]) if (s && !ids.includes(s)) ids.push(s);
  if (wf.initialState && !ids.includes(wf.initialState)) ids.unshift(wf.initialState);

  const out = new Map<string, string[]>();
  for (const e of raw) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const layer = new Map<string, number>();
  const discovered: string[] = [];
  if (ids.includes(wf.initialState)) {
    layer.set(wf.initialState, 0);
    discovered.push(wf.initialState);
    for (let i = 0; i < discovered.length; i++) {
      const s = discovered[i]!;
      for (const n of out.get(s) ?? []) {
        if (!layer.has(n)) {
          layer.set(n, layer.get(s)! + 1);
          discovered.push(n);
        }
      }
    }
  }
  const maxLayer = Math.max(0, ...layer.values());
  for (const s of ids) {
    if (!layer.has(s)) {
      layer.set(s, maxLayer + 1);
      discovered.push(s);
    }
  }

  const layers: string[][] = [];
  for (const s of discovered) (layers[layer.get(s)!] ??= []).push(s);
  const position = () => {
    const pos = new Map<string, number>();
    layers.forEach((col) => col.forEach((s, i) => pos.set(s, i - (col.length - 1) / 2)));
    return pos;
  };
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let l = 1; l < layers.length; l++) {
      const pos = position();
      const col = layers[l] ?? [];
      const bary = new Map<string, number>();
      for (const s of col) {
        const preds = raw.filter((e) => e.to === s && (layer.get(e.from) ?? 0) < l).map((e) => pos.get(e.from) ?? 0);
        bary.set(s, preds.length ? preds.reduce((a, b) => a + b, 0) / preds.length : pos.get(s) ?? 0);
      }
      layers[l] = [...col].sort((a, b) => bary.get(a)! - bary.get(b)! || col.indexOf(a) - col.indexOf(b));
    }
  }

  const tallest = Math.max(1, ...layers.map((c) => c?.length ?? 0));
  const colHeight = (n: number) => n * NODE_H + (n - 1) * ROW_GAP;
  const nodes = new Map<string, LayoutNode>();
  layers.forEach((col, l) => {
    const offset = (colHeight(tallest) - colHeight(col.length)) / 2;
    col.forEach((s, i) => nodes.set(s, {
      id: s, layer: l, order: i, missing: !(s in wf.states),
      x: MARGIN + l * (NODE_W + COL_GAP), y: TOP + offset + i * (NODE_H + ROW_GAP),
    }));
  });

  const pairCount = new Map<string, number>();
  let arcs = 0;
  const edges: LayoutEdge[] = raw.filter((e) => nodes.has(e.from) && nodes.has(e.to)).map((e) => {
    const a = nodes.get(e.from)!;
    const b = nodes.get(e.to)!;
    const key = `${e.from}>${e.to}`;
    const k = pairCount.get(key) ?? 0;
    pairCount.set(key, k + 1);
    if (b.layer > a.layer) {
      const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2 + (k ? k * 6 : 0);
      const x2 = b.x, y2 = b.y + NODE_H / 2 + (k ? k * 6 : 0);
      const dx = Math.max(40, (x2 - x1) / 2);
      const path = `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`;
      return { ...e, back: false, path, labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2 - 4 };
    }
    if (e.from === e.to) {
      const x = a.x + NODE_W - 20, y = a.y;
      return { ...e, back: true, path: `M${x},${y} c0,-26 30,-26 30,0`, labelX: x + 15, labelY: y - 24 };
    }
    if (b.layer === a.layer) {
      // same column: a bow on the right-hand side, wider for the upward direction
      const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2 + (b.y > a.y ? 6 : -6);
      const x2 = b.x + NODE_W, y2 = b.y + NODE_H / 2 + (b.y > a.y ? -6 : 6);
      const bow = (b.y > a.y ? 26 : 44) + k * 8;
      return { ...e, back: true, path: `M${x1},${y1} C${x1 + bow},${y1} ${x2 + bow},${y2} ${x2},${y2}`, labelX: x1 + bow, labelY: (y1 + y2) / 2 };
    }
    // backward: an arc above the boxes, higher for longer jumps
    arcs++;
    const x1 = a.x + NODE_W / 2 - 10, y1 = a.y;
    const x2 = b.x + NODE_W / 2 + 10, y2 = b.y;
    const lift = 26 + Math.abs(a.layer - b.layer) * 10 + (arcs % 3) * 6 + k * 8;
    const top = Math.min(y1, y2) - lift;
    const path = `M${x1},${y1} C${x1},${top} ${x2},${top} ${x2},${y2}`;
    return { ...e, back: true, path, labelX: (x1 + x2) / 2, labelY: top + lift * 0.25 };
  });

  const all = [...nodes.values()];
  const width = MARGIN * 2 + Math.max(1, layers.length) * NODE_W + Math.max(0, layers.length - 1) * COL_GAP;
  const height = TOP + colHeight(tallest) + MARGIN;
  return { nodes: all, edges, width, height };
}

/**
 * A likely path through the workflow for the dry run: the shortest chain of main (`to`)
 * transitions from the initial state to the final state most transitions lead to.
 */
export function likelyPath(wf: LayoutInput): string[] {
  const finals = Object.entries(wf.states).filter(([, s]) => s.final).map(([id]) => id);
  if (!finals.length) return [];
  const incoming = (s: string) => Object.values(wf.transitions).filter((t) => t.to === s || t.branches?.some((b) => b.to === s)).length;
  const goal = [...finals].sort((a, b) => incoming(b) - incoming(a))[0]!;
  const prev = new Map<string, { state: string; transition: string }>();
  const queue = [wf.initialState];
  const seen = new Set(queue);
  while (queue.length) {
    const s = queue.shift()!;
    if (s === goal) break;
    for (const [id, t] of Object.entries(wf.transitions)) {
      if (!t.from.includes(s) || seen.has(t.to)) continue;
      seen.add(t.to);
      prev.set(t.to, { state: s, transition: id });
      queue.push(t.to);
    }
  }
  if (!prev.has(goal)) return [];
  const path: string[] = [];
  for (let s = goal; s !== wf.initialState;) {
    const p = prev.get(s)!;
    path.unshift(p.transition);
    s = p.state;
  }
  return path;
}
