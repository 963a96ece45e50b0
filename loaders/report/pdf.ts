// npm run report [-- --out FILE]: a dated PDF of the overview and the key pages, from the built site in SITE_OUTPUT
// (default dist/; built first if missing). Default output: reports/olist-report-YYYY-MM-DD.pdf (today, UTC).
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {PROJECT_ROOT} from "../config.js";
import {writeReport} from "./report.js";
import {ensureBuilt, siteDir} from "./site.js";

const log = (line: string) => process.stderr.write(`${line}\n`);
const {values} = parseArgs({options: {out: {type: "string"}}});
const date = new Date().toISOString().slice(0, 10);
const out = resolve(values.out ?? join(PROJECT_ROOT, "reports", `olist-report-${date}.pdf`));
const site = siteDir();
const started = Date.now();

ensureBuilt(site, log);
const {pages, sections} = await writeReport({site, out, date, log});
log(
  `report: ${out}: ${pages} pages (cover and ${sections.length} sections) in ${((Date.now() - started) / 1000).toFixed(1)} s`
);
