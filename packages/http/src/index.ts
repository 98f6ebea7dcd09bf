export type { ErrorBody } from "./error-body.ts";
export { bodyStillArriving, closeLingering, declaresBody, serveHttp } from "./server.ts";
