// Orders by weekday and hour of purchase.
import * as Plot from "@observablehq/plot";
import type {ChartOptions} from "./chart-options.js";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function weekdayHourHeatmap(
  cells: {weekday: number; hour: number; orders: number}[],
  {width, document}: ChartOptions
) {
  return Plot.plot({
    document,
    width,
    height: 220,
    marginLeft: 40,
    padding: 0.05,
    x: {label: "Hour of purchase", tickFormat: (h: number) => `${h}h`},
    y: {label: null, tickFormat: (d: number) => WEEKDAYS[d - 1], domain: [1, 2, 3, 4, 5, 6, 7]},
    color: {scheme: "blues", label: "Orders", legend: true},
    marks: [Plot.cell(cells, {x: "hour", y: "weekday", fill: "orders", tip: true})]
  });
}
