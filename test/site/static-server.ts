// The tests serve the built site with the same static server as `npm run report` (loaders/report/).
export {serveStatic, type ServeOptions, type StaticSite} from "../../loaders/report/static-server.js";
