import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { App } from "./app-type.ts";

const assetsDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

/** Started from a file rather than an inline script, so the edge's policy can forbid inline scripts. */
const start = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#api" });\n`;

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hireloop API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/start.js"></script></body></html>`;

/** The OpenAPI document and a docs page served from local assets (works offline). */
export function registerDocs(app: App) {
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Hireloop API",
      version: "1.0.0",
      description:
        "Resume parsing, job analysis, ATS match scoring and honest tailoring. Every /v1 request needs `Authorization: Bearer <Firebase ID token>`. Errors share one shape: `{code, message, requestId}`.",
    },
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "firebase", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "Firebase ID token",
  });
  app.get("/docs", (c) => c.html(page));
  app.get("/docs/assets/start.js", (c) =>
    c.body(start, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
    }),
  );
  app.get("/docs/assets/:name", async (c) => {
    const name = c.req.param("name");
    const type = ASSETS[name];
    if (!type) return c.notFound();
    return c.body(await readFile(join(assetsDir, name)), 200, {
      "Content-Type": type,
      "Cache-Control": "public, max-age=86400",
    });
  });
}
