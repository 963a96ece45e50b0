// ROC-AUC (Mann–Whitney) for measuring a scorer: the probability that a random positive scores above a random
// negative, ties counting one half. Kept local to lib/text so it has no dependency outside this folder.

/** AUC of `scores` against boolean `labels` (true = positive). NaN when either class is empty. */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  if (scores.length !== labels.length) throw new Error(`rocAuc: ${scores.length} scores but ${labels.length} labels`);
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSumPos = 0;
  let nPos = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const midRank = (i + j) / 2 + 1; // 1-based average rank of the tie block
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]!]) {
        rankSumPos += midRank;
        nPos++;
      }
    }
    i = j + 1;
  }
  const nNeg = scores.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** AUC from two score lists. */
export function rocAucFromGroups(positives: readonly number[], negatives: readonly number[]): number {
  return rocAuc([...positives, ...negatives], [...positives.map(() => true), ...negatives.map(() => false)]);
}
