// Usage: npx tsx loaders/synth/cli.ts [--scale 1] [--seed 42] [--out DIR]
// Writes the nine Olist CSVs (+ truth_orders.csv) to DIR; progress goes to stderr, a JSON summary to stdout.
import {generateOlist} from "./generate.js";

function parseArgs(argv: string[]): {scale: number; seed: number; out: string} {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-h" || a === "--help") {
      process.stderr.write("usage: cli.ts [--scale 1] [--seed 42] [--out data/synth]\n");
      process.exit(0);
    }
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument: ${a}`);
    args[m[1]!] = m[2] ?? argv[++i] ?? "";
  }
  for (const k of Object.keys(args))
    if (!["scale", "seed", "out"].includes(k)) throw new Error(`unknown option --${k}`);
  const scale = Number(args.scale ?? 1);
  const seed = Number(args.seed ?? 42);
  if (!(scale > 0)) throw new Error(`--scale must be > 0 (got ${args.scale})`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer (got ${args.seed})`);
  return {scale, seed, out: args.out ?? "data/synth"};
}

try {
  const {scale, seed, out} = parseArgs(process.argv.slice(2));
  const summary = await generateOlist({scale, seed, outDir: out});
  process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
} catch (e) {
  process.stderr.write(`synth: ${(e as Error).message}\n`);
  process.exit(1);
}
