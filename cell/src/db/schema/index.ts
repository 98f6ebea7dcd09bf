export * from "./events.ts";
export * from "./jobs.ts";
export * from "./resumes.ts";
export * from "./roasts.ts";
export * from "./tenancy.ts";
export * from "./workflows.ts";
