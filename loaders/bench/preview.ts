// The analyst's edit loop in `npm run dev`: Framework's preview server renders a page when it is requested, so an
// edit costs one page, not the whole site. Measured as the time from saving an edit to src/index.md until the
// preview server answers with the edited page (loader outputs come from the cold build's caches).
import {spawn} from "node:child_process";
import {appendFileSync, readFileSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {join} from "node:path";
import {PROJECT_ROOT} from "../config.js";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });

/** Polls `url` until its body contains `text` (or, without text, until it answers 200); seconds taken. */
async function until(url: string, text: string | null, timeoutSeconds: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok && (text === null || (await response.text()).includes(text)))
        return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutSeconds * 1000) throw new Error(`preview: ${url} not ready`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface PreviewEdit {
  first_render_seconds: number;
  edit_visible_seconds: number;
}

export async function benchPreviewEdit(env: NodeJS.ProcessEnv): Promise<PreviewEdit> {
  const port = await freePort();
  const bin = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
  const server = spawn(bin, ["preview", "--no-open", "--port", String(port)], {
    cwd: PROJECT_ROOT,
    env,
    stdio: "ignore"
  });
  const page = join(PROJECT_ROOT, "src", "index.md");
  const before = readFileSync(page);
  try {
    const url = `http://127.0.0.1:${port}/`;
    await until(url, null, 120);
    const started = performance.now();
    await until(url, null, 120);
    const first = (performance.now() - started) / 1000;
    const marker = `bench-edit-${Date.now()}`;
    appendFileSync(page, `\n\n${marker}\n`);
    const visible = await until(url, marker, 120);
    return {first_render_seconds: first, edit_visible_seconds: visible};
  } finally {
    writeFileSync(page, before);
    server.kill("SIGTERM");
  }
}
