// Segment movement between two snapshots as a Sankey-like flow chart, drawn with Plot only: each snapshot is a
// column of stacked nodes (one per segment, height ∝ people) and each move is a ribbon (an area with a bump
// curve) from its place in the source node to its place in the target node.
import * as Plot from "@observablehq/plot";
import {count, percent} from "../lib/format.js";

export interface Flow {
  sources: string[];
  targets: string[];
  links: {source: string; target: string; value: number}[];
}

interface FlowOptions {
  width: number;
  fromLabel: string;
  toLabel: string;
}

// Twelve distinguishable colours (Tableau 10 and two more) that read on light and dark backgrounds.
const PALETTE = [
  "#4e79a7",
  "#f28e2c",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc949",
  "#af7aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ab",
  "#17becf",
  "#6b6ecf"
];
const NODE_WIDTH = 0.035; // in x units: the chart spans x = 0 … 1
const nodeLabel = (n: {label: string; people: number}) => `${n.label} · ${count(n.people)}`;

interface Node {
  label: string;
  side: "from" | "to";
  people: number;
  y0: number;
  y1: number;
}

export function segmentFlow(flow: Flow, {width, fromLabel, toLabel}: FlowOptions): SVGSVGElement | HTMLElement {
  const total = flow.links.reduce((s, l) => s + l.value, 0);
  const gap = total * 0.045;
  const stack = (labels: string[], side: Node["side"], people: (label: string) => number): Node[] => {
    let y = 0;
    return labels.map((label) => {
      const n = people(label);
      const node = {label, side, people: n, y0: y, y1: y + n};
      y += n + gap;
      return node;
    });
  };
  const outOf = (s: string) => flow.links.filter((l) => l.source === s).reduce((a, l) => a + l.value, 0);
  const into = (t: string) => flow.links.filter((l) => l.target === t).reduce((a, l) => a + l.value, 0);
  const left = stack(flow.sources, "from", outOf);
  const right = stack(flow.targets, "to", into);
  // Ribbons leave a source in target order and enter a target in source order, so they do not cross inside nodes.
  const sourceOffset = new Map(left.map((n) => [n.label, n.y0]));
  const targetOffset = new Map(right.map((n) => [n.label, n.y0]));
  const rank = (list: string[]) => new Map(list.map((v, i) => [v, i]));
  const [sr, tr] = [rank(flow.sources), rank(flow.targets)];
  const bySource = [...flow.links].sort(
    (a, b) => sr.get(a.source)! - sr.get(b.source)! || tr.get(a.target)! - tr.get(b.target)!
  );
  const sourceTop = new Map<string, number>();
  for (const l of bySource) {
    const y = sourceOffset.get(l.source)!;
    sourceTop.set(`${l.source}→${l.target}`, y);
    sourceOffset.set(l.source, y + l.value);
  }
  const byTarget = [...flow.links].sort(
    (a, b) => tr.get(a.target)! - tr.get(b.target)! || sr.get(a.source)! - sr.get(b.source)!
  );
  const ribbons = byTarget.flatMap((l, id) => {
    const s = sourceTop.get(`${l.source}→${l.target}`)!;
    const t = targetOffset.get(l.target)!;
    targetOffset.set(l.target, t + l.value);
    const title = `${l.source} → ${l.target}: ${count(l.value)} people (${percent(l.value / outOf(l.source))} of ${l.source})`;
    return [
      {id, source: l.source, x: NODE_WIDTH, y1: s, y2: s + l.value, title},
      {id, source: l.source, x: 1 - NODE_WIDTH, y1: t, y2: t + l.value, title}
    ];
  });
  const nodes = [...left, ...right];
  const height = Math.max(360, 26 * Math.max(left.length, right.length) + 200);
  const labels = [...new Set([...flow.sources, ...flow.targets])];
  return Plot.plot({
    width,
    height,
    marginLeft: Math.min(190, width / 4),
    marginRight: Math.min(190, width / 4),
    marginTop: 40,
    x: {domain: [0, 1], axis: null},
    y: {domain: [Math.max(...nodes.map((n) => n.y1)), 0], axis: null},
    color: {domain: labels, range: PALETTE},
    marks: [
      Plot.areaY(ribbons, {
        x: "x",
        y1: "y1",
        y2: "y2",
        z: "id",
        fill: "source",
        fillOpacity: 0.45,
        curve: "bump-x",
        title: "title",
        tip: true
      }),
      Plot.rectY(nodes, {
        x1: (n: Node) => (n.side === "from" ? 0 : 1 - NODE_WIDTH),
        x2: (n: Node) => (n.side === "from" ? NODE_WIDTH : 1),
        y1: "y0",
        y2: "y1",
        fill: "label",
        title: (n: Node) => `${n.label}: ${count(n.people)} people`
      }),
      Plot.text(left, {
        x: 0,
        y: (n: Node) => (n.y0 + n.y1) / 2,
        text: nodeLabel,
        textAnchor: "end",
        dx: -6,
        fontSize: 11,
        fill: "currentColor"
      }),
      Plot.text(right, {
        x: 1,
        y: (n: Node) => (n.y0 + n.y1) / 2,
        text: nodeLabel,
        textAnchor: "start",
        dx: 6,
        fontSize: 11,
        fill: "currentColor"
      }),
      Plot.text([fromLabel], {
        x: 0,
        frameAnchor: "top",
        dy: -26,
        text: (d: string) => d,
        textAnchor: "end",
        fontWeight: "bold",
        fill: "currentColor"
      }),
      Plot.text([toLabel], {
        x: 1,
        frameAnchor: "top",
        dy: -26,
        text: (d: string) => d,
        textAnchor: "start",
        fontWeight: "bold",
        fill: "currentColor"
      })
    ]
  });
}
