// The report's first page: title, date, which data, the headline KPIs (formatted as the overview's cards, with the
// same changes, colours and sparklines), the "what changed" sentences and the contents with page numbers. Built
// with DOM text nodes in Chromium: data is never parsed as HTML.
import type {Browser} from "playwright-core";
import {KPI_CARDS, type Kpis} from "../../lib/contracts/kpis.js";
import {cardChangeText, TONE_STYLE} from "../../lib/kpi-change.js";
import {sparklineGeometry} from "../../lib/sparkline.js";
import {PAPER} from "./print-page.js";

export interface CoverData {
  siteTitle: string;
  date: string;
  kpis: Kpis;
  sections: {title: string; firstPage: number}[];
}

/** An element to create in the page: its text is set with textContent. */
interface CoverNode {
  tag: string;
  /** An SVG element (the sparklines), with its children. */
  svg?: boolean;
  className?: string;
  text?: string;
  attributes?: Record<string, string>;
  children?: CoverNode[];
}

const STYLE = `
  body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; margin: 0; }
  h1 { font-size: 30pt; line-height: 1.1; margin: 14mm 0 3mm; }
  .subtitle { font: 14pt sans-serif; color: #444; margin-bottom: 6mm; }
  .data { font: 10pt/1.5 sans-serif; border-left: 3px solid #d08c00; padding: 2mm 4mm; background: #f6f6f6; margin-bottom: 6mm; }
  .data p { margin: 0; }
  h2 { font: 600 13pt sans-serif; margin: 8mm 0 3mm; }
  .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; }
  .card { border: 1px solid #bbb; border-radius: 2mm; padding: 2.5mm 3mm; font-family: sans-serif; }
  .card .label { font-size: 9pt; }
  .card .value { font: 600 17pt/1.2 sans-serif; margin: 1mm 0; }
  .card .note { font-size: 7.5pt; color: #555; }
  .card .change { border-top: 1px solid #ddd; margin-top: 1.5mm; padding-top: 1mm; font-size: 7.5pt; line-height: 1.6; }
  .card .delta { color: white; font-weight: 600; border-radius: 1.5mm; padding: 0 1mm; }
  .card .against { color: #555; }
  .card svg { display: block; margin-top: 0.8mm; }
  .what-changed { font: 9.5pt/1.45 sans-serif; margin: 0; }
  ol { font: 11pt/1.9 sans-serif; padding: 0; list-style: none; }
  ol li { display: flex; }
  ol li .dots { flex: 1; border-bottom: 1px dotted #999; margin: 0 2mm 1.6mm; }
`;

/** The cover as a tree of elements (a plain structure: it crosses into the browser page). */
export function coverTree({siteTitle, date, kpis, sections}: CoverData): CoverNode[] {
  const synthetic = kpis.data_source === "synthetic";
  return [
    {tag: "h1", text: siteTitle},
    {tag: "div", className: "subtitle", text: `Report of ${date}`},
    {
      tag: "div",
      className: "data",
      children: [
        {
          tag: "p",
          text: synthetic
            ? "Synthetic data, generated to look like Olist's: the figures are not Olist's."
            : `Data: ${kpis.data_source}.`
        },
        {
          tag: "p",
          text: `Purchases from ${kpis.first_purchase.slice(0, 10)} to ${kpis.last_purchase.slice(0, 10)}; analysis date ${kpis.analysis_date} (${kpis.analysis_date_rule}).`
        }
      ]
    },
    {tag: "h2", text: "Headline figures"},
    {
      tag: "div",
      className: "cards",
      children: KPI_CARDS.map((card) => {
        const value = kpis[card.field];
        return {
          tag: "div",
          className: "card",
          attributes: {"data-kpi": card.field},
          children: [
            {tag: "div", className: "label", text: card.label},
            {tag: "div", className: "value", text: value === null ? "–" : card.format(value)},
            {tag: "div", className: "note", text: value === null ? (card.none ?? "") : card.note},
            ...changeNodes(card, kpis)
          ]
        };
      })
    },
    ...(kpis.what_changed?.length
      ? [
          {tag: "h2", text: "What changed"},
          {tag: "p", className: "what-changed", text: kpis.what_changed.join(" ")}
        ]
      : []),
    {tag: "h2", text: "Contents"},
    {
      tag: "ol",
      children: sections.map((s) => ({
        tag: "li",
        children: [
          {tag: "span", text: s.title},
          {tag: "span", className: "dots"},
          {tag: "span", text: String(s.firstPage)}
        ]
      }))
    }
  ];
}

/** A card's figure over the compared months, its two changes (coloured as on the overview) and its sparkline. */
function changeNodes(card: (typeof KPI_CARDS)[number], kpis: Kpis): CoverNode[] {
  const change = kpis.changes?.[card.field];
  const text = cardChangeText(card, change, kpis.comparison);
  if (!change || text.period === null) return [];
  const geometry = sparklineGeometry(change.monthly, {width: 150, height: 18, pad: 2});
  return [
    {
      tag: "div",
      className: "change",
      children: [
        {tag: "div", text: text.period},
        ...text.sides.map((side) => ({
          tag: "div",
          attributes: {"data-side": side.side, "data-tone": side.tone ?? ""},
          children: [
            ...(side.change === null
              ? []
              : [
                  {
                    tag: "span",
                    className: "delta",
                    text: side.change,
                    attributes: {style: `background: ${TONE_STYLE[side.tone ?? "flat"].background}`}
                  },
                  {tag: "span", text: " "}
                ]),
            {tag: "span", className: "against", text: side.against}
          ]
        })),
        {
          tag: "svg",
          svg: true,
          attributes: {width: "150", height: "18", viewBox: "0 0 150 18"},
          children: [
            {
              tag: "path",
              svg: true,
              attributes: {d: geometry.path || "M0,0", fill: "none", stroke: "#6d6d6d", "stroke-width": "1.2"}
            },
            ...(geometry.last
              ? [
                  {
                    tag: "circle",
                    svg: true,
                    attributes: {cx: String(geometry.last.x), cy: String(geometry.last.y), r: "2", fill: "#111"}
                  }
                ]
              : [])
          ]
        }
      ]
    }
  ];
}

export async function printCover(browser: Browser, out: string, data: CoverData): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${STYLE}</style></head><body></body></html>`
    );
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    await page.evaluate((tree: CoverNode[]) => {
      const todo: [Element, CoverNode[]][] = [[document.body, tree]];
      for (let next = todo.pop(); next; next = todo.pop()) {
        const [parent, nodes] = next;
        for (const node of nodes) {
          const el = parent.appendChild(
            node.svg
              ? document.createElementNS("http://www.w3.org/2000/svg", node.tag)
              : document.createElement(node.tag)
          );
          if (node.className) el.setAttribute("class", node.className);
          if (node.text !== undefined) el.textContent = node.text;
          for (const [name, value] of Object.entries(node.attributes ?? {})) el.setAttribute(name, value);
          if (node.children) todo.push([el, node.children]);
        }
      }
    }, coverTree(data));
    await page.pdf({path: out, ...PAPER, printBackground: true});
  } finally {
    await page.close();
  }
}
