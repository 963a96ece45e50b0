// The "Share" section at the end of a page: a link to the page and how to print it; then, for each key chart of
// the page (lib/contracts/charts.ts), its files for wikis (SVG, PNG, and the CSV of its data), an iframe snippet and
// an ES module snippet, as text to copy. Text only (textContent), so nothing here is ever parsed as HTML.
import {pageCharts, type ChartEntry} from "../lib/contracts/charts.js";

const STYLE = `
.share-list pre { margin: 0.25rem 0 0.5rem; padding: 0.5rem; max-width: 760px; overflow-x: auto; font-size: 12px;
  background: var(--theme-background-alt); border-radius: 4px; white-space: pre; }
.share-list .share-note { font: 13px/1.4 var(--sans-serif); color: var(--theme-foreground-muted); max-width: 760px; }
.share-list details { margin: -0.5rem 0 1rem; }
.share-list button { font: 12px var(--sans-serif); }
@media print { .share-list { display: none !important; } }`;

/** The site's root, relative to a page at `page` ("/", "/cohorts", "/states/SP"…): "./" or "../"… */
function rootOf(page: string): string {
  return "../".repeat(Math.max(0, page.split("/").length - 2)) || "./";
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {}
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** A button that copies `text()` (read when clicked); where the clipboard is not allowed, it selects `target`. */
function copyButton(label: string, text: () => string, target?: Element): HTMLButtonElement {
  const button = element("button", label, {type: "button"});
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = "Copied";
    } catch {
      if (target) getSelection()?.selectAllChildren(target);
      button.textContent = "Selected: press Ctrl+C or ⌘C";
    }
    setTimeout(() => (button.textContent = label), 2000);
  });
  return button;
}

function snippet(kind: "iframe" | "module", text: string): HTMLElement[] {
  const pre = element("pre");
  pre.append(element("code", text, {"data-share-snippet": kind}));
  return [pre, copyButton(kind === "iframe" ? "Copy the iframe" : "Copy the module snippet", () => text, pre)];
}

/** The share items of one key chart; `site` is the site's absolute address, ending with "/". */
function chartShare(chart: ChartEntry, root: string, site: string): HTMLElement {
  const item = element("div", undefined, {"data-share-chart": chart.name});
  const files = item.appendChild(element("p"));
  files.append(element("strong", chart.title), ": ");
  const formats = [
    ["svg", "SVG picture"],
    ["png", "PNG picture"],
    ["csv", "CSV of the data"]
  ];
  formats.forEach(([ext, label], i) => {
    if (i) files.append(" · ");
    files.append(element("a", label, {href: `${root}charts/${chart.name}.${ext}`, "data-share-file": ext!}));
  });
  const embed = item.appendChild(element("details"));
  embed.append(element("summary", "Embed it: iframe or ES module"));
  embed.append(element("p", "Iframe:", {class: "share-note"}));
  embed.append(
    ...snippet(
      "iframe",
      `<iframe src="${site}embed/${chart.name}" width="100%" height="${chart.frameHeight}" style="border: 0" title="${chart.title}"></iframe>`
    )
  );
  const id = `olist-${chart.name}`;
  embed.append(
    element("p", `ES module (${chart.exportName}({width}) returns the chart as an element):`, {class: "share-note"})
  );
  embed.append(
    ...snippet(
      "module",
      `<div id="${id}"></div>\n<script type="module">\n  import {${chart.exportName}} from "${site}embed/${chart.name}.js";\n` +
        `  document.getElementById("${id}").append(await ${chart.exportName}({width: 640}));\n</script>`
    )
  );
  return item;
}

/** The Share section of the page at `page` (its path as in the sidebar: "/", "/cohorts"…). */
export function shareList(page: string): HTMLElement {
  const root = rootOf(page);
  const site = new URL(root, document.baseURI).href;
  const section = element("section", undefined, {class: "share-list", "data-share-list": page});
  section.append(element("style", STYLE));
  section.append(element("h2", "Share", {id: "share"}));
  const address = new URL(page.slice(1), site).href;
  const link = element("p", "This page: ");
  link.append(
    element("a", address, {href: address, "data-share-page": ""}),
    " ",
    copyButton("Copy the link", () => location.href)
  );
  section.append(link);
  section.append(
    element(
      "p",
      "To print it or save it as PDF, use the browser's Print (Ctrl+P or ⌘P): the print stylesheet leaves out the sidebar " +
        "and the controls and keeps each chart on one sheet. The command npm run report writes a dated PDF of the overview and the key pages.",
      {class: "share-note"}
    )
  );
  const charts = pageCharts(page);
  if (charts.length) {
    section.append(
      element(
        "p",
        "The key charts of this page, for wikis and other sites. The files keep their address from build to build. " +
          "The iframe shows the chart alone, without the sidebar, header or footer. The ES module loads its code and data " +
          "from this site: for a page on another domain, this site's host must send the header Access-Control-Allow-Origin " +
          "(CORS); without it, use the iframe or the files.",
        {class: "share-note"}
      )
    );
  }
  for (const chart of charts) section.append(chartShare(chart, root, site));
  return section;
}
