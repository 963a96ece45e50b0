// A minimal static file server for the built site, as a static host would serve it: /page → page.html, and
// byte ranges (HTTP 206) for the lookup packs.
import {readFile} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/octet-stream"
};

export interface StaticSite {
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Send Access-Control-Allow-Origin: *, as a host must for pages on other sites that import its modules. */
  cors?: boolean;
}

export async function serveStatic(root: string, {cors = false}: ServeOptions = {}): Promise<StaticSite> {
  const server: Server = createServer(async (req, res) => {
    if (cors) res.setHeader("access-control-allow-origin", "*");
    // normalize() resolves "..", and the leading "/" keeps the path inside root.
    let path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname));
    if (path.endsWith("/")) path += "index";
    if (!extname(path)) path += ".html";
    try {
      const body = await readFile(join(root, path));
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      // Range requests, as static hosts answer them: the lookup packs read one shard at a time.
      const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(range[2] ? Number(range[2]) : body.length - 1, body.length - 1);
        if (start > end) {
          res.writeHead(416, {"content-range": `bytes */${body.length}`});
          res.end();
          return;
        }
        res.writeHead(206, {
          "content-type": type,
          "content-range": `bytes ${start}-${end}/${body.length}`,
          "accept-ranges": "bytes"
        });
        res.end(body.subarray(start, end + 1));
        return;
      }
      res.writeHead(200, {"content-type": type, "accept-ranges": "bytes"});
      res.end(body);
    } catch {
      res.writeHead(404, {"content-type": "text/plain"});
      res.end("not found");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const {port} = server.address() as AddressInfo;
  return {url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done()))};
}
