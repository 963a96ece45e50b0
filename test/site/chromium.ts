// Debian's Chromium for browser tests: tests skip without it on a developer's machine, but CI must have it.
import {existsSync} from "node:fs";
import {CHROMIUM} from "./browser.js";

export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI)
  throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium`);
