// Progress lines for long loaders, on stderr (stdout is the loader's artifact): Framework shows them in the
// terminal during `npm run build` and `npm run dev`. One line per step: loader, step, rows, elapsed seconds.
export type Step = (step: string, rows?: number) => void;

export function progress(
  loader: string,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now = () => performance.now()
): Step {
  const started = now();
  return (step, rows) => {
    const count = rows === undefined ? "" : ` · ${rows.toLocaleString("en-US")} rows`;
    write(`${loader}: ${step}${count} · ${((now() - started) / 1000).toFixed(1)} s`);
  };
}
