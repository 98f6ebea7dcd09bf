import { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "./env.ts";
import { handleError, validationHook } from "./errors.ts";

export type App = OpenAPIHono<HonoEnv>;

export function newApp(): App {
  const app = new OpenAPIHono<HonoEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  return app;
}
