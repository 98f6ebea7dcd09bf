export { status } from "@grpc/grpc-js";
export * from "./client.ts";
export * from "./errors.ts";
export * from "./health-client.ts";
export * from "./metrics-http.ts";
export * from "./server.ts";
