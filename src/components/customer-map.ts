// Customers on a map of Brazil drawn from the geolocation points themselves (no external map files): one dot
// per 0.25° cell, sized by customers and coloured by revenue per customer.
import * as Plot from "@observablehq/plot";
import type {ChartOptions} from "./chart-options.js";

export interface MapCell {
  lat: number;
  lng: number;
  customers: number;
  revenue: number;
}

export function customerMap(cells: MapCell[], {width, document}: ChartOptions) {
  const data = cells.map((c) => ({...c, revenue_per_customer: c.revenue / c.customers}));
  return Plot.plot({
    document,
    width,
    height: Math.round(width * 0.95),
    projection: {type: "mercator", domain: {type: "MultiPoint", coordinates: data.map((d) => [d.lng, d.lat])}},
    r: {range: [0.5, 14], label: "Customers"},
    color: {
      type: "quantile",
      n: 4,
      scheme: "viridis",
      label: "Revenue per customer (R$)",
      legend: true,
      tickFormat: ".0f"
    },
    marks: [
      Plot.dot(data, {
        x: "lng",
        y: "lat",
        r: "customers",
        fill: "revenue_per_customer",
        fillOpacity: 0.75,
        tip: true,
        title: (d) =>
          `${d.customers.toLocaleString("en-US")} customers\nR$${Math.round(d.revenue).toLocaleString("en-US")}`
      })
    ]
  });
}
