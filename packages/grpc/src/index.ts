export { status } from "@grpc/grpc-js";
export * from "./client.ts";
export * from "./errors.ts";
export * from "./health.ts";
export * from "./metrics-http.ts";
export * from "./server.ts";
