// A cross-process "build once" guard: the first process to create `target` does the work; the others wait
// for it to appear. Framework runs several loaders in parallel, and each may find the warehouse missing.
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync} from "node:fs";
import {dirname} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Runs `build` unless `target` exists, holding `${target}.lock` meanwhile. `build` must create `target`
 * atomically (write elsewhere, then rename) so that waiting processes never see a partial file.
 */
export async function buildOnce(target: string, build: () => Promise<void>, timeoutMs = 60 * 60 * 1000): Promise<void> {
  const lock = `${target}.lock`;
  const started = Date.now();
  mkdirSync(dirname(target), {recursive: true});
  while (!existsSync(target)) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, String(process.pid));
        closeSync(fd);
        if (!existsSync(target)) await build();
      } finally {
        rmSync(lock, {force: true});
      }
      return;
    }
    // Someone else holds the lock: take it over if its process died, else wait for the target.
    const holder = Number(readFileSafe(lock));
    if (holder && !alive(holder)) rmSync(lock, {force: true});
    else if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${lock} (held by pid ${holder})`);
    else await sleep(200);
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
