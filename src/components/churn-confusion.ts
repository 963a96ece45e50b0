// The confusion matrix of a retention campaign: who is offered (churn probability ≥ threshold) against what
// happened in the evaluation window. Built with DOM text nodes only.
import type {TargetingOutcome} from "../lib/churn/decision.js";

const fmt = new Intl.NumberFormat("en-US");

export function confusionTable(o: TargetingOutcome): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "churn-confusion";
  const rows: [string, string, string][] = [
    ["", "Churned (no order in the horizon)", "Came back"],
    ["Offered", `${fmt.format(o.tp)} (offer can save them)`, `${fmt.format(o.fp)} (offer wasted)`],
    ["Not offered", `${fmt.format(o.fn)} (lost)`, `${fmt.format(o.tn)} (came back anyway)`]
  ];
  rows.forEach((cells, r) => {
    const tr = table.insertRow();
    cells.forEach((text, c) => {
      const cell = document.createElement(r === 0 || c === 0 ? "th" : "td");
      cell.textContent = text;
      tr.appendChild(cell);
    });
  });
  table.dataset.tp = String(o.tp);
  table.dataset.fp = String(o.fp);
  return table;
}
