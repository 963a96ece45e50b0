// The data of a key chart as JSON, for its iframe page and exported module (src/embed/); not a stable public
// path: Framework builds it to _file/charts/NAME.<hash>.json when an embed references it.
import {chartFile} from "./chart-file.js";

process.stdout.write(await chartFile("json"));
