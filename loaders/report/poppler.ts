// Poppler's command-line tools (Debian package poppler-utils): page counts and joining PDFs.
import {execFileSync} from "node:child_process";

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, {encoding: "utf8", stdio: ["ignore", "pipe", "pipe"]});
  } catch (error) {
    const e = error as NodeJS.ErrnoException & {stderr?: string};
    if (e.code === "ENOENT")
      throw new Error(`${tool} not found: install Debian's poppler-utils (apt-get install poppler-utils)`);
    throw new Error(`${tool} ${args.join(" ")} failed: ${e.stderr?.trim() || e.message}`);
  }
}

export function pageCount(pdf: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(run("pdfinfo", [pdf]));
  if (!match) throw new Error(`pdfinfo ${pdf}: no page count in its output`);
  return Number(match[1]);
}

/** Joins `parts` in order into `out`. */
export function unite(parts: string[], out: string): void {
  run("pdfunite", [...parts, out]);
}
