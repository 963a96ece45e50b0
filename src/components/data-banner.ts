// The banner that says which data a page shows, its date range and the analysis date.
export interface BannerData {
  data_source: string;
  first_purchase: string;
  last_purchase: string;
  analysis_date: string;
  analysis_date_rule: string;
}

export function dataBanner(kpis: BannerData): HTMLElement {
  const div = document.createElement("div");
  const synthetic = kpis.data_source === "synthetic";
  div.className = `banner${synthetic ? " banner--synthetic" : ""}`;
  div.dataset.source = kpis.data_source;
  const strong = div.appendChild(document.createElement("strong"));
  strong.textContent = synthetic ? "Synthetic data" : `Data: ${kpis.data_source}`;
  div.append(
    synthetic ? " — generated to look like Olist's; the figures are not Olist's. " : ". ",
    `Purchases from ${kpis.first_purchase.slice(0, 10)} to ${kpis.last_purchase.slice(0, 10)}; `,
    `analysis date ${kpis.analysis_date} (${kpis.analysis_date_rule}).`
  );
  return div;
}
