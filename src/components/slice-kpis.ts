// The KPI cards of a templated page (a state, a category): the overview's KPIs over the slice's orders, with their
// changes over the last complete months (kpi-card-grid.ts). Each card carries data-kpi (the field in states.json /
// categories.json) for tests; text nodes only, never HTML.
import type {Comparison} from "../lib/contracts/changes.js";
import {sliceCards, type RevenueBasis, type SliceWithChanges} from "../lib/contracts/slices.js";
import {kpiCardGrid} from "./kpi-card-grid.js";

export function sliceKpiCards(slice: SliceWithChanges, basis: RevenueBasis, comparison?: Comparison): HTMLElement {
  return kpiCardGrid(sliceCards(basis), {values: slice, changes: slice.changes, comparison});
}
