export { bodyStillArriving, closeLingering, serveHttp } from "./server.ts";
