// Short executive descriptions of clusters from their feature means: z-score each mean against the overall
// mean and sd, keep the features with the largest |z| (above a threshold) and phrase them with
// caller-supplied words, e.g. "recent, high-spending one-time buyers" or "frequent buyers with late deliveries".

export interface FeatureLabel {
  feature: string;
  /** Words for a cluster mean well above the overall mean (z > 0), e.g. "high-spending". */
  high: string;
  /** Words for a cluster mean well below it (z < 0), e.g. "low-spending". */
  low: string;
  /**
   * How the words fit the phrase: "adjective" before the noun ("recent"), "noun" as the head
   * ("one-time buyers"; the first selected noun wins, else "customers"), "with" after it ("late deliveries").
   */
  role?: "adjective" | "noun" | "with";
}

export interface DescribeOptions {
  /** Features with |z| below this are "typical" and not mentioned (default 0.5). */
  threshold?: number;
  /** At most this many features are mentioned (default 3). */
  maxFeatures?: number;
  /** Head noun when no noun feature is selected (default "customers"). */
  defaultNoun?: string;
}

/** z = (cluster mean − overall mean) / overall sd for each feature in `overall` (0 when sd = 0). */
export function clusterZScores(
  profile: Readonly<Record<string, number>>,
  overall: Readonly<Record<string, {mean: number; sd: number}>>
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [f, {mean, sd}] of Object.entries(overall)) out[f] = sd > 0 ? ((profile[f] ?? mean) - mean) / sd : 0;
  return out;
}

export function describeCluster(
  profile: Readonly<Record<string, number>>,
  overall: Readonly<Record<string, {mean: number; sd: number}>>,
  labels: readonly FeatureLabel[],
  options: DescribeOptions = {}
): string {
  const {threshold = 0.5, maxFeatures = 3, defaultNoun = "customers"} = options;
  const z = clusterZScores(profile, overall);
  const picked = labels
    .filter((l) => Math.abs(z[l.feature] ?? 0) >= threshold)
    .sort((a, b) => Math.abs(z[b.feature]!) - Math.abs(z[a.feature]!))
    .slice(0, maxFeatures);
  if (picked.length === 0) return `typical ${defaultNoun}`;
  const words = (l: FeatureLabel) => (z[l.feature]! > 0 ? l.high : l.low);
  const nouns = picked.filter((l) => l.role === "noun");
  const head = nouns.length > 0 ? words(nouns[0]!) : defaultNoun;
  const adjectives = picked.filter((l) => (l.role ?? "adjective") === "adjective").map(words);
  const withs = picked.filter((l) => l.role === "with").map(words); // extra noun features beyond the head are dropped
  let phrase = adjectives.length > 0 ? `${adjectives.join(", ")} ${head}` : head;
  if (withs.length > 0) phrase += ` with ${withs.join(" and ")}`;
  return phrase;
}
