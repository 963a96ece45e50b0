// dist/charts/NAME.svg: a key chart as a standalone SVG (see registry.ts).
import {chartFile} from "./chart-file.js";

process.stdout.write(await chartFile("svg"));
