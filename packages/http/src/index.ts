export { bodyStillArriving, closeLingering, declaresBody, serveHttp } from "./server.ts";
