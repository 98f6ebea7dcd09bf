export * from "./bucket.ts";
export * from "./build-table.ts";
export * from "./convergence.ts";
export * from "./errors.ts";
export * from "./lookup.ts";
export { migrateControlPlane, PLACEMENT_CHANNEL } from "./store/schema.ts";
export * from "./store/store.ts";
export * from "./types.ts";
export * from "./watch.ts";
