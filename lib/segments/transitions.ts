// Segment movement between two snapshots (for a flow / Sankey chart).

export interface TransitionMatrix {
  /** Row labels: the first snapshot's segments, plus `newLabel` for ids absent from the first. */
  sources: string[];
  /** Column labels: the second snapshot's segments, plus `goneLabel` if some ids vanished. */
  targets: string[];
  /** counts[i][j] = number of ids moving from sources[i] to targets[j]. */
  counts: number[][];
  /** Non-zero cells as links. */
  links: {source: string; target: string; value: number}[];
}

export interface TransitionOptions {
  /** Source label for ids present only in the second snapshot (default "new"). */
  newLabel?: string;
  /** Target label for ids present only in the first snapshot (default "gone"). */
  goneLabel?: string;
  /** Preferred label order (e.g. SEGMENT_NAMES); others follow alphabetically. */
  order?: readonly string[];
}

type Snapshot = ReadonlyMap<string, string> | Readonly<Record<string, string>>;
const entries = (s: Snapshot): [string, string][] => (s instanceof Map ? [...s.entries()] : Object.entries(s));

export function segmentTransitions(
  before: Snapshot,
  after: Snapshot,
  options: TransitionOptions = {}
): TransitionMatrix {
  const newLabel = options.newLabel ?? "new";
  const goneLabel = options.goneLabel ?? "gone";
  const a = new Map(entries(before));
  const b = new Map(entries(after));
  const cell = new Map<string, Map<string, number>>();
  const add = (s: string, t: string) => {
    let row = cell.get(s);
    if (!row) cell.set(s, (row = new Map()));
    row.set(t, (row.get(t) ?? 0) + 1);
  };
  for (const [id, seg] of b) add(a.get(id) ?? newLabel, seg);
  for (const [id, seg] of a) if (!b.has(id)) add(seg, goneLabel);
  const order = options.order ?? [];
  const sortLabels = (labels: Set<string>, last: string): string[] =>
    [...labels].sort((x, y) => {
      const rank = (v: string) => (v === last ? Infinity : order.includes(v) ? order.indexOf(v) : order.length);
      return rank(x) - rank(y) || x.localeCompare(y);
    });
  const sourceSet = new Set<string>(a.values());
  if ([...b.keys()].some((id) => !a.has(id))) sourceSet.add(newLabel);
  const targetSet = new Set<string>(b.values());
  if ([...a.keys()].some((id) => !b.has(id))) targetSet.add(goneLabel);
  const sources = sortLabels(sourceSet, newLabel);
  const targets = sortLabels(targetSet, goneLabel);
  const counts = sources.map((s) => targets.map((t) => cell.get(s)?.get(t) ?? 0));
  const links = sources.flatMap((s, i) =>
    targets.flatMap((t, j) => (counts[i]![j]! > 0 ? [{source: s, target: t, value: counts[i]![j]!}] : []))
  );
  return {sources, targets, counts, links};
}
