import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { contractDocument, registerRouterOperations } from "./contract.ts";
import type { App } from "./new-app.ts";

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
  app.openAPIRegistry.registerComponent("securitySchemes", "firebase", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "Firebase ID token",
  });
  registerRouterOperations(app);
  // Built on request, when every route has been registered, and again when the region's boards change.
  let built: { boards: string; document: ReturnType<typeof contractDocument> } | undefined;
  app.get("/openapi.json", async (c) => {
    const boards = await c.get("deps").boards.names();
    const key = JSON.stringify(boards ?? null);
    if (built?.boards !== key) built = { boards: key, document: contractDocument(app, { boards }) };
    return c.json(built.document);
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
