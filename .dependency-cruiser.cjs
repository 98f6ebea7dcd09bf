/**
 * The shape of the import graph, checked by `npm run lint` (docs/adr/0031-the-import-graph.md):
 * no import loops, and libraries (`packages/`) never import a deployable or a tool.
 */
module.exports = {
  forbidden: [
    {
      name: "no-import-loops",
      comment: "A loop makes every module in it depend on every other: move the shared part to its owner.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "libraries-import-no-deployable",
      comment:
        "packages/ are libraries: cells, routers, shared services, the web app and tools build on them.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^(cell|router|shared-services|web|tools)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|gen)/|\\.d\\.ts$" },
    // Type-only imports count: a type is part of what a module depends on.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
  },
};
