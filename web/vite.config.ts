import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

/**
 * `npm run dev -w @hireloop/web` serves the app with hot reload and sends the API, the config and
 * dev sign-in to the running platform's router (HL_ROUTER_URL, default the local us-east router),
 * so the app talks to the same origin in development as it does when the router serves it.
 */
const router = process.env.HL_ROUTER_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  // Brotli and gzip copies beside each file: the router sends the one the browser takes.
  plugins: [react(), compression({ algorithms: ["brotliCompress", "gzip"] })],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: {
    proxy: Object.fromEntries(["/v1", "/ops/v1", "/dev", "/config.json"].map((path) => [path, router])),
  },
});
