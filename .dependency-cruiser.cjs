/**
 * The shape of the import graph, checked by `npm run lint` (docs/adr/0031-the-import-graph.md):
 * no import loops; libraries (`packages/`) never import a deployable (nor, outside their tests, a
 * tool); no workspace's tests or benches import another workspace's tests or benches (what they
 * share is in packages/testkit).
 */
const WORKSPACE = "((?:packages|shared-services|tools)/[^/]+|cell|router|web|proto|infra)";
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
      to: { path: "^(cell|router|shared-services|web)/" },
    },
    {
      name: "libraries-import-no-tool",
      comment:
        "A library's own code never needs the operator CLI or the test kit (its tests may use the kit).",
      severity: "error",
      from: { path: "^packages/[^/]+/src/" },
      to: { path: "^tools/" },
    },
    {
      name: "tests-import-no-other-workspace-tests",
      comment:
        "A test helper two workspaces need belongs in packages/testkit; reaching into another workspace's tests hides a dependency between them.",
      severity: "error",
      from: { path: `^${WORKSPACE}/(test|bench)/` },
      to: { path: `^${WORKSPACE}/(test|bench)/`, pathNot: "^$1/" },
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
