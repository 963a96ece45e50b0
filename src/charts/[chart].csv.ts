// dist/charts/NAME.csv: the data behind the chart.
import {chartFile} from "./chart-file.js";

process.stdout.write(await chartFile("csv"));
