// Input forms of the A/B testing page. Each field is named by the library's input name (the `field` of an
// AbInputError), so an error thrown by lib/ab is shown next to the field it concerns. Values live in the page URL
// (`?form.field=value`, history.replaceState) so a calculation can be linked and reopens with the same numbers.
// Everything is built with DOM nodes and textContent: nothing typed or uploaded is parsed as HTML.
import {AbInputError} from "../lib/ab/index.js";

export interface FieldSpec {
  /** The library's input name, e.g. "baseline" or "control.visitors". */
  key: string;
  label: string;
  /** Default value (a number, or an option value for a select). */
  value: number | string;
  /** Options make the field a select; otherwise it is a number box. */
  options?: {value: string; label: string}[];
  /** A short reading of the typed number, e.g. 0.027 → "2.7%". */
  hint?: (value: number) => string;
  step?: string;
}

export type FormValue = Record<string, number | string>;

export interface AbForm extends HTMLFormElement {
  readonly value: FormValue;
  /**
   * Run `compute` on `value` (the form's value as the page's reactive variable, so that the calling cell re-runs on
   * every input), showing any AbInputError next to its field, or under the form when no field has its name.
   */
  check<T>(value: FormValue, compute: (value: FormValue) => T): {ok: true; value: T} | {ok: false; message: string};
}

const urlKey = (form: string, key: string) => `${form}.${key}`;

function writeUrl(form: string, fields: Map<string, HTMLInputElement | HTMLSelectElement>): void {
  const url = new URL(window.location.href);
  for (const [key, input] of fields) url.searchParams.set(urlKey(form, key), input.value);
  window.history.replaceState(window.history.state, "", url);
}

/** A form whose fields start from the URL when it names them, else from their defaults. */
export function abForm(name: string, specs: FieldSpec[]): AbForm {
  const params = new URLSearchParams(window.location.search);
  const form = document.createElement("form") as AbForm;
  form.className = "ab-form";
  form.dataset.form = name;
  form.addEventListener("submit", (event) => event.preventDefault());
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const messages = new Map<string, HTMLElement>();
  const numeric = new Set<string>();
  for (const spec of specs) {
    const row = form.appendChild(document.createElement("div"));
    row.className = "ab-field";
    row.dataset.field = spec.key;
    const label = row.appendChild(document.createElement("label"));
    const id = `ab-${name}-${spec.key.replace(/\W/g, "-")}`;
    label.htmlFor = id;
    label.textContent = spec.label;
    const initial = params.get(urlKey(name, spec.key)) ?? String(spec.value);
    let input: HTMLInputElement | HTMLSelectElement;
    if (spec.options) {
      const select = document.createElement("select");
      for (const o of spec.options) select.append(new Option(o.label, o.value));
      select.value = spec.options.some((o) => o.value === initial) ? initial : String(spec.value);
      input = select;
    } else {
      const box = document.createElement("input");
      box.type = "text";
      box.inputMode = "decimal";
      box.autocomplete = "off";
      box.value = initial;
      input = box;
      numeric.add(spec.key);
    }
    input.id = id;
    input.name = spec.key;
    row.append(input);
    inputs.set(spec.key, input);
    const hint = row.appendChild(document.createElement("span"));
    hint.className = "ab-hint";
    if (spec.hint) {
      const show = () => {
        const v = parseNumber(input.value);
        hint.textContent = Number.isFinite(v) ? spec.hint!(v) : "";
      };
      input.addEventListener("input", show);
      show();
    }
    const message = row.appendChild(document.createElement("div"));
    message.className = "ab-error";
    message.setAttribute("role", "alert");
    messages.set(spec.key, message);
  }
  const formMessage = form.appendChild(document.createElement("div"));
  formMessage.className = "ab-error";
  formMessage.setAttribute("role", "alert");
  form.addEventListener("input", () => writeUrl(name, inputs));

  Object.defineProperty(form, "value", {
    get(): FormValue {
      const value: FormValue = {};
      for (const [key, input] of inputs) value[key] = numeric.has(key) ? parseNumber(input.value) : input.value;
      return value;
    }
  });

  form.check = <T>(value: FormValue, compute: (value: FormValue) => T) => {
    for (const m of [...messages.values(), formMessage]) m.textContent = "";
    for (const input of inputs.values()) input.removeAttribute("aria-invalid");
    try {
      for (const key of numeric) {
        if (!Number.isFinite(value[key] as number)) {
          throw new AbInputError(key, `Enter a number (got "${inputs.get(key)!.value}")`);
        }
      }
      return {ok: true, value: compute(value)};
    } catch (error) {
      if (!(error instanceof AbInputError)) throw error;
      const target = messages.get(error.field) ?? formMessage;
      target.textContent = error.message;
      inputs.get(error.field)?.setAttribute("aria-invalid", "true");
      return {ok: false, message: error.message};
    }
  };
  return form;
}

/** "1,234.5" and " 0.05 " are numbers; "", "abc" and "1.2.3" are not (NaN). */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/,/g, "");
  return t === "" ? NaN : Number(t);
}

/** A placeholder shown instead of a chart or a result while an input is invalid. */
export function fixInputs(message = "Fix the input marked above to see this result."): HTMLElement {
  const p = document.createElement("p");
  p.className = "ab-blocked";
  p.textContent = message;
  return p;
}
