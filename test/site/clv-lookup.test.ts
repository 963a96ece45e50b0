// The CLV page's customer lookup in Chromium (site built on synthetic data, scale 0.02): a looked-up person's P(alive)
// and CLV at the built default horizon and rate are their row of clv-customers.parquet (read here with DuckDB, the
// page never loads it), fetched from one shard of clv-lookup.pack; an unknown id says so.
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, inject, test} from "vitest";
import {useSiteInBrowser} from "./browser.js";
import {builtFile} from "./build.js";
import {haveChromium} from "./chromium.js";

const siteDir = inject("siteDir");

type Published = {customer_unique_id: string; x: number; p_alive: number; clv: number};

async function publishedRows(): Promise<Published[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const file = builtFile(siteDir, "clv-customers", "parquet").replace(/'/g, "''");
    return (
      await db.runAndReadAll(
        `SELECT customer_unique_id, x, p_alive, clv FROM read_parquet('${file}') ORDER BY customer_unique_id`
      )
    ).getRowObjectsJS() as unknown as Published[];
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

describe.skipIf(!haveChromium)("the CLV customer lookup", () => {
  const site = useSiteInBrowser(siteDir);

  test("a looked-up customer's P(alive) and CLV are their published row, read from one shard", async () => {
    const rows = await publishedRows();
    expect(rows.length).toBeGreaterThan(100);
    // People with and without repeat purchases, from the start, the middle and the end of the id order.
    const repeaters = rows.filter((r) => r.x > 0);
    const sample = [rows[0]!, rows[Math.floor(rows.length / 2)]!, rows.at(-1)!, repeaters[0]!, repeaters.at(-1)!];
    const page = await site.browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.url}/clv`, {waitUntil: "networkidle"});
    const form = page.locator("form").filter({hasText: "Customer id"});
    for (const r of sample) {
      await form.locator("input[type=text]").fill(r.customer_unique_id);
      await form.getByRole("button", {name: "Look up"}).click();
      const card = page.locator(`#clv-lookup[data-customer="${r.customer_unique_id}"]`);
      await card.waitFor({timeout: 20_000});
      // The file rounds CLV to cents and P(alive) to 5 significant digits; the page computes them unrounded.
      expect(Math.abs(Number(await card.getAttribute("data-clv")) - r.clv), r.customer_unique_id).toBeLessThanOrEqual(
        0.005 + 1e-9
      );
      expect(Math.abs(Number(await card.getAttribute("data-p-alive")) - r.p_alive)).toBeLessThanOrEqual(
        r.p_alive * 1e-4
      );
    }
    await form.locator("input[type=text]").fill("no-such-customer");
    await form.getByRole("button", {name: "Look up"}).click();
    await page.locator("#clv-lookup[data-customer='']").waitFor({timeout: 20_000});
    expect(await page.locator("#clv-lookup").textContent()).toContain("No customer with id no-such-customer");
    expect(errors).toEqual([]);
    expect(requests.some((r) => /\/clv-lookup\.[0-9a-f]+\.pack$/.test(r))).toBe(true);
    expect(requests.filter((r) => /\/clv-customers\.[0-9a-f]+\.parquet$/.test(r))).toEqual([]);
    await page.close();
  }, 120_000);
});
