// dist/charts/NAME.png: the same chart as a PNG, for wikis that show only pictures.
import {svgToPng} from "../../loaders/charts/render.js";
import {chartFile} from "./chart-file.js";

process.stdout.write(svgToPng(await chartFile("svg")));
