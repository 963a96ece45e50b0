// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with the flags that keep it from
// calling out to the network on its own: the same launcher as `npm run report` (loaders/report/chromium.ts).
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {launchChromium} from "../../loaders/report/chromium.js";
import {serveStatic} from "./static-server.js";

export {CHROMIUM, launchChromium} from "../../loaders/report/chromium.js";

/**
 * Chromium and a static server of the built site, started before the tests of the enclosing describe block
 * and closed after them. `open(path)` loads a page and waits until the network is idle.
 */
export function useSiteInBrowser(siteDir: string): {
  readonly browser: Browser;
  readonly url: string;
  open: (path: string) => Promise<Page>;
} {
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await serveStatic(siteDir);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("Chromium is not started: call useSiteInBrowser inside a describe block");
      return browser;
    },
    get url() {
      if (!site) throw new Error("the site server is not started: call useSiteInBrowser inside a describe block");
      return site.url;
    },
    async open(path) {
      const page = await this.browser.newPage();
      await page.goto(`${this.url}${path}`, {waitUntil: "networkidle"});
      return page;
    }
  };
}
