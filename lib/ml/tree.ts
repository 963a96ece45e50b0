// One histogram tree learner shared by the GBDT and the random forest.
//
// It fits a regression tree to per-row first/second-order statistics (g, h), the XGBoost way:
//   leaf value  w* = -G / (H + lambda)
//   split gain  = 1/2 [ G_L²/(H_L+λ) + G_R²/(H_R+λ) - G²/(H+λ) ]   (a split needs gain > minSplitGain)
// Sample weights are the caller's job: multiply them into g and h before calling.
// GBDT passes g = w(p - y), h = w p(1-p): the recorded node cover is then the hessian sum.
// The forest passes g = -w y, h = w with λ = 0: leaf values are weighted positive fractions, the gain is the
// weighted squared-error (= Gini, for 0/1 labels) reduction, and the cover is the weighted (bootstrap) sample count.
//
// Histograms hold three interleaved channels per (feature, bin): sum g, sum h, sample count. When a node is split,
// the smaller child's histogram is built from its rows and the larger child's is parent − smaller.
// Missing values sit in their own bin; each candidate split is tried with missing going left and right and the
// better direction is stored as the node's default; when the node saw no missing values the default is the child
// with the larger cover.

import type {BinnedData} from "./bins.js";
import type {Rng} from "../random.js";

export interface TreeParams {
  /** Maximum depth (root = depth 0); default 6. */
  maxDepth?: number;
  /** Maximum number of leaves; 0 = unlimited (default). Required > 0 for leaf-wise growth (default 31 there). */
  maxLeaves?: number;
  /** "depthwise" (level by level) or "leafwise" (best-gain leaf first, LightGBM style). */
  growth?: "depthwise" | "leafwise";
  /** Minimum hessian sum in each child; default 1. */
  minChildWeight?: number;
  /** Minimum number of samples (sum of the count channel) in each child; default 1. */
  minSamplesLeaf?: number;
  /** L2 penalty on leaf values; default 1. */
  lambda?: number;
  /** Minimum gain to split; default 0. */
  minSplitGain?: number;
  /** Number of features examined at each split (sampled from the tree's features); 0 = all. */
  featuresPerSplit?: number;
}

/** A trained tree in flat arrays. Node 0 is the root; leaves have feature = -1 and left = right = -1. */
export interface Tree {
  feature: number[];
  /** Split threshold in original units: x <= threshold goes left. 0 for leaves. */
  threshold: number[];
  left: number[];
  right: number[];
  /** 1 if missing (NaN) goes left. */
  defaultLeft: number[];
  /** Leaf values (0 for internal nodes). */
  value: number[];
  /** Sum of h over the node's training rows (hessian sum for GBDT, weighted sample count for the forest). */
  cover: number[];
  /** Training-only: split bin (x's bin <= binThreshold goes left); -1 for leaves. */
  binThreshold: number[];
  /** Training-only: split gain (0 for leaves). */
  gain: number[];
}

export interface GrowInput {
  data: BinnedData;
  g: Float64Array;
  h: Float64Array;
  /** Per-row sample counts for min-samples checks (forest: bootstrap multiplicities); default 1 per row. */
  counts?: Float64Array;
  /** Rows used for this tree (not modified). Rows with h = 0 should be left out. */
  rows: Uint32Array;
  /** Features this tree may split on (column subsampling per tree); default all. */
  features?: Int32Array;
  params: TreeParams;
  /** Needed only when featuresPerSplit samples features. */
  rng?: Rng;
  /** Buffers reused from tree to tree (boosting grows hundreds of trees on the same data); made if absent. */
  workspace?: TreeWorkspace;
}

/** Row buffers and a pool of histograms for growing trees on one binned data set. */
export interface TreeWorkspace {
  rows: Uint32Array;
  tmp: Uint32Array;
  scratchG: Float64Array;
  scratchH: Float64Array;
  scratchC: Float64Array;
  histograms: Float64Array[];
}

export function treeWorkspace(nRows: number): TreeWorkspace {
  return {
    rows: new Uint32Array(nRows),
    tmp: new Uint32Array(nRows),
    scratchG: new Float64Array(nRows),
    scratchH: new Float64Array(nRows),
    scratchC: new Float64Array(nRows),
    histograms: []
  };
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
  defaultLeft: boolean;
  gl: number;
  hl: number;
  cl: number;
}

interface OpenNode {
  id: number;
  depth: number;
  start: number;
  end: number;
  g: number;
  h: number;
  c: number;
  hist: Float64Array | null;
  split: Split | null;
}

/** Histogram offsets: feature f occupies bins [offset[f], offset[f] + nBins[f] + 1) (last slot = missing). */
export function histogramOffsets(data: BinnedData): {offset: Int32Array; size: number} {
  const offset = new Int32Array(data.nFeatures);
  let size = 0;
  for (let f = 0; f < data.nFeatures; f++) {
    offset[f] = size;
    size += data.mapper.nBins[f]! + 1;
  }
  return {offset, size};
}

/**
 * Build a histogram (3 channels: g, h, count, interleaved) over rows[start, end) for the given features into out
 * (which is zeroed first for those features).
 */
export function buildHistogram(
  data: BinnedData,
  offset: Int32Array,
  g: Float64Array,
  h: Float64Array,
  counts: Float64Array | undefined,
  rows: Uint32Array,
  start: number,
  end: number,
  features: Int32Array,
  out: Float64Array,
  scratchG: Float64Array,
  scratchH: Float64Array,
  scratchC: Float64Array
): void {
  const n = end - start;
  // gather the node's gradients once ("ordered gradients"), so the per-feature loops read them sequentially
  for (let i = 0; i < n; i++) {
    const r = rows[start + i]!;
    scratchG[i] = g[r]!;
    scratchH[i] = h[r]!;
    scratchC[i] = counts ? counts[r]! : 1;
  }
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const o = offset[f]!;
    out.fill(0, 3 * o, 3 * (o + data.mapper.nBins[f]! + 1));
  }
  // four features per pass over the rows: the row index and its gradients are loaded once for all four
  let k = 0;
  for (; k + 4 <= features.length; k += 4) {
    const f0 = features[k]!,
      f1 = features[k + 1]!,
      f2 = features[k + 2]!,
      f3 = features[k + 3]!;
    const c0 = data.bins[f0]!,
      c1 = data.bins[f1]!,
      c2 = data.bins[f2]!,
      c3 = data.bins[f3]!;
    const b0 = 3 * offset[f0]!,
      b1 = 3 * offset[f1]!,
      b2 = 3 * offset[f2]!,
      b3 = 3 * offset[f3]!;
    for (let i = 0; i < n; i++) {
      const r = rows[start + i]!;
      const gi = scratchG[i]!,
        hi = scratchH[i]!,
        ci = scratchC[i]!;
      let j = b0 + 3 * c0[r]!;
      out[j] += gi;
      out[j + 1] += hi;
      out[j + 2] += ci;
      j = b1 + 3 * c1[r]!;
      out[j] += gi;
      out[j + 1] += hi;
      out[j + 2] += ci;
      j = b2 + 3 * c2[r]!;
      out[j] += gi;
      out[j + 1] += hi;
      out[j + 2] += ci;
      j = b3 + 3 * c3[r]!;
      out[j] += gi;
      out[j + 1] += hi;
      out[j + 2] += ci;
    }
  }
  for (; k < features.length; k++) {
    const f = features[k]!;
    const col = data.bins[f]!;
    const base = 3 * offset[f]!;
    for (let i = 0; i < n; i++) {
      const j = base + 3 * col[rows[start + i]!]!;
      out[j] += scratchG[i]!;
      out[j + 1] += scratchH[i]!;
      out[j + 2] += scratchC[i]!;
    }
  }
}

/** out = parent − child over the given features' slots. */
export function subtractHistogram(
  parent: Float64Array,
  child: Float64Array,
  out: Float64Array,
  data: BinnedData,
  offset: Int32Array,
  features: Int32Array
): void {
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const a = 3 * offset[f]!;
    const b = 3 * (offset[f]! + data.mapper.nBins[f]! + 1);
    for (let j = a; j < b; j++) out[j] = parent[j]! - child[j]!;
  }
}

/** Leaf weight −G/(H+λ). */
export function leafValue(G: number, H: number, lambda: number): number {
  const v = -G / (H + lambda);
  return v === 0 ? 0 : v;
}

/** Split gain 1/2 [G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)]. */
export function splitGain(gl: number, hl: number, gr: number, hr: number, lambda: number): number {
  const G = gl + gr;
  const H = hl + hr;
  return 0.5 * ((gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - (G * G) / (H + lambda));
}

/** Best split of one node over the given features. */
export function findBestSplit(
  hist: Float64Array,
  data: BinnedData,
  offset: Int32Array,
  features: ArrayLike<number>,
  G: number,
  H: number,
  C: number,
  lambda: number,
  minChildWeight: number,
  minSamplesLeaf: number
): Split | null {
  let best: Split | null = null;
  let bestGain = 0;
  const parentScore = (G * G) / (H + lambda);
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const nb = data.mapper.nBins[f]!;
    const base = 3 * offset[f]!;
    const mj = base + 3 * nb;
    const gm = hist[mj]!;
    const hm = hist[mj + 1]!;
    const cm = hist[mj + 2]!;
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let b = 0; b + 1 < nb; b++) {
      const j = base + 3 * b;
      gl += hist[j]!;
      hl += hist[j + 1]!;
      cl += hist[j + 2]!;
      // missing goes right
      {
        const gr = G - gl;
        const hr = H - hl;
        const cr = C - cl;
        if (
          hl >= minChildWeight &&
          hr >= minChildWeight &&
          cl >= minSamplesLeaf &&
          cr >= minSamplesLeaf &&
          cl > 0 &&
          cr > 0
        ) {
          const gain = 0.5 * ((gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore);
          if (gain > bestGain) {
            bestGain = gain;
            // with no missing values in the node, default to the heavier child
            best = {gain, feature: f, bin: b, defaultLeft: cm > 0 ? false : hl >= hr, gl, hl, cl};
          }
        }
      }
      if (cm > 0) {
        const gl2 = gl + gm;
        const hl2 = hl + hm;
        const cl2 = cl + cm;
        const gr = G - gl2;
        const hr = H - hl2;
        const cr = C - cl2;
        if (hl2 >= minChildWeight && hr >= minChildWeight && cl2 >= minSamplesLeaf && cr >= minSamplesLeaf && cr > 0) {
          const gain = 0.5 * ((gl2 * gl2) / (hl2 + lambda) + (gr * gr) / (hr + lambda) - parentScore);
          if (gain > bestGain) {
            bestGain = gain;
            best = {gain, feature: f, bin: b, defaultLeft: true, gl: gl2, hl: hl2, cl: cl2};
          }
        }
      }
    }
  }
  return best;
}

/** Grow one tree. Deterministic given its inputs (and rng state when featuresPerSplit samples features). */
export function growTree(input: GrowInput): Tree {
  const {data, g, h, counts, params} = input;
  const maxDepth = params.maxDepth ?? 6;
  const growth = params.growth ?? "depthwise";
  const maxLeaves = params.maxLeaves ?? (growth === "leafwise" ? 31 : 0);
  const minChildWeight = params.minChildWeight ?? 1;
  const minSamplesLeaf = Math.max(1, params.minSamplesLeaf ?? 1);
  const lambda = params.lambda ?? 1;
  const minSplitGain = Math.max(0, params.minSplitGain ?? 0);
  const features = input.features ?? Int32Array.from({length: data.nFeatures}, (_, i) => i);
  const perSplit = params.featuresPerSplit && params.featuresPerSplit < features.length ? params.featuresPerSplit : 0;
  if (perSplit && !input.rng) throw new Error("growTree: featuresPerSplit needs an rng");
  const {offset, size} = histogramOffsets(data);

  const nRows = input.rows.length;
  const ws = input.workspace && input.workspace.rows.length >= nRows ? input.workspace : treeWorkspace(nRows);
  const rows = ws.rows.subarray(0, nRows);
  rows.set(input.rows);
  const {tmp, scratchG, scratchH, scratchC} = ws;
  const pool = ws.histograms;
  if (pool.length && pool[0]!.length !== 3 * size) pool.length = 0; // a workspace last used on other data
  const getHist = () => pool.pop() ?? new Float64Array(3 * size);
  const release = (a: Float64Array | null) => {
    if (a) pool.push(a);
  };

  const tree: Tree = {
    feature: [],
    threshold: [],
    left: [],
    right: [],
    defaultLeft: [],
    value: [],
    cover: [],
    binThreshold: [],
    gain: []
  };
  const addNode = (G: number, H: number): number => {
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.defaultLeft.push(0);
    tree.value.push(leafValue(G, H, lambda));
    tree.cover.push(H);
    tree.binThreshold.push(-1);
    tree.gain.push(0);
    return tree.feature.length - 1;
  };

  const canSplit = (depth: number, H: number, C: number) =>
    depth < maxDepth && C >= 2 * minSamplesLeaf && H >= 2 * minChildWeight;

  const nodeFeatures = new Int32Array(features.length);
  const pickFeatures = (): ArrayLike<number> => {
    if (!perSplit) return features;
    nodeFeatures.set(features);
    for (let i = 0; i < perSplit; i++) {
      const j = i + Math.floor(input.rng!.next() * (features.length - i));
      const t = nodeFeatures[i]!;
      nodeFeatures[i] = nodeFeatures[j]!;
      nodeFeatures[j] = t;
    }
    return nodeFeatures.subarray(0, perSplit).slice().sort();
  };
  const evaluate = (node: OpenNode) => {
    if (node.hist && canSplit(node.depth, node.h, node.c)) {
      const s = findBestSplit(
        node.hist,
        data,
        offset,
        pickFeatures(),
        node.g,
        node.h,
        node.c,
        lambda,
        minChildWeight,
        minSamplesLeaf
      );
      node.split = s && s.gain > minSplitGain ? s : null;
    }
    if (!node.split) {
      release(node.hist);
      node.hist = null;
    }
  };

  // root
  let G0 = 0;
  let H0 = 0;
  let C0 = 0;
  for (let i = 0; i < nRows; i++) {
    const r = rows[i]!;
    G0 += g[r]!;
    H0 += h[r]!;
    C0 += counts ? counts[r]! : 1;
  }
  const root: OpenNode = {
    id: addNode(G0, H0),
    depth: 0,
    start: 0,
    end: nRows,
    g: G0,
    h: H0,
    c: C0,
    hist: null,
    split: null
  };
  if (canSplit(0, H0, C0)) {
    root.hist = getHist();
    buildHistogram(data, offset, g, h, counts, rows, 0, nRows, features, root.hist, scratchG, scratchH, scratchC);
  }
  evaluate(root);

  const open: OpenNode[] = root.split ? [root] : [];
  let nLeaves = 1;
  // Without a leaf cap, depth-wise and depth-first give the same tree; depth-first (LIFO) keeps few histograms alive.
  const order: "lifo" | "fifo" | "best" = growth === "leafwise" ? "best" : maxLeaves > 0 ? "fifo" : "lifo";
  while (open.length && (maxLeaves <= 0 || nLeaves < maxLeaves)) {
    let node: OpenNode;
    if (order === "lifo") node = open.pop()!;
    else if (order === "fifo") node = open.shift()!;
    else {
      let bi = 0;
      for (let i = 1; i < open.length; i++) if (open[i]!.split!.gain > open[bi]!.split!.gain) bi = i;
      node = open.splice(bi, 1)[0]!;
    }
    const s = node.split!;
    const f = s.feature;
    const col = data.bins[f]!;
    const missingBin = data.mapper.nBins[f]!;
    // stable partition of rows[start, end)
    let nl = node.start;
    let nr = 0;
    for (let i = node.start; i < node.end; i++) {
      const r = rows[i]!;
      const b = col[r]!;
      const goLeft = b === missingBin ? s.defaultLeft : b <= s.bin;
      if (goLeft) rows[nl++] = r;
      else tmp[nr++] = r;
    }
    rows.set(tmp.subarray(0, nr), nl);
    const lG = s.gl,
      lH = s.hl,
      lC = s.cl;
    const rG = node.g - lG,
      rH = node.h - lH,
      rC = node.c - lC;
    const li = addNode(lG, lH);
    const ri = addNode(rG, rH);
    const id = node.id;
    tree.feature[id] = f;
    tree.threshold[id] = data.mapper.edges[f]![s.bin]!;
    tree.binThreshold[id] = s.bin;
    tree.left[id] = li;
    tree.right[id] = ri;
    tree.defaultLeft[id] = s.defaultLeft ? 1 : 0;
    tree.value[id] = 0;
    tree.gain[id] = s.gain;
    nLeaves++;
    const L: OpenNode = {
      id: li,
      depth: node.depth + 1,
      start: node.start,
      end: nl,
      g: lG,
      h: lH,
      c: lC,
      hist: null,
      split: null
    };
    const R: OpenNode = {
      id: ri,
      depth: node.depth + 1,
      start: nl,
      end: node.end,
      g: rG,
      h: rH,
      c: rC,
      hist: null,
      split: null
    };
    if (canSplit(L.depth, lH, lC) || canSplit(R.depth, rH, rC)) {
      const [small, large] = L.end - L.start <= R.end - R.start ? [L, R] : [R, L];
      small.hist = getHist();
      buildHistogram(
        data,
        offset,
        g,
        h,
        counts,
        rows,
        small.start,
        small.end,
        features,
        small.hist,
        scratchG,
        scratchH,
        scratchC
      );
      large.hist = node.hist!; // reuse the parent's buffer: parent − small, in place
      subtractHistogram(large.hist, small.hist, large.hist, data, offset, features);
      node.hist = null;
    } else {
      release(node.hist);
      node.hist = null;
    }
    evaluate(L);
    evaluate(R);
    // push right first so LIFO visits left first
    if (R.split) open.push(R);
    if (L.split) open.push(L);
    if (order === "fifo" && R.split && L.split) {
      // keep left-before-right order for FIFO
      open[open.length - 2] = L;
      open[open.length - 1] = R;
    }
  }
  for (const n of open) release(n.hist);
  return tree;
}

/** Leaf index reached by binned row i (training-time routing, identical to threshold routing on raw values). */
export function leafOfBinnedRow(tree: Tree, data: BinnedData, i: number): number {
  let n = 0;
  while (tree.left[n]! >= 0) {
    const f = tree.feature[n]!;
    const b = data.bins[f]![i]!;
    const goLeft = b === data.mapper.nBins[f]! ? tree.defaultLeft[n] === 1 : b <= tree.binThreshold[n]!;
    n = goLeft ? tree.left[n]! : tree.right[n]!;
  }
  return n;
}
