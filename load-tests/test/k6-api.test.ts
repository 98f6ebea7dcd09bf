import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { scriptGlobals } from "../runner/adapter/globals.ts";
import { adapterModules, loadTestsRoot } from "../runner/bundle.ts";

const sourceDir = join(loadTestsRoot, "src");

/**
 * Every k6 member the scripts use, as "module.member": named imports, and the members read off a
 * default or namespace import (`http.request`), plus the k6 globals they call (`open`, `__ENV`).
 */
function k6MembersUsed(): Set<string> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(loadTestsRoot, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("load-tests/tsconfig.json cannot be read");
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const used = new Set<string>();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(sourceDir)) continue;
    const wholeModules = new Map<string, string>();
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const module = statement.moduleSpecifier.text;
      if (!/^k6(\/|$)/.test(module)) continue;
      const clause = statement.importClause;
      if (clause?.name) wholeModules.set(clause.name.text, module);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) wholeModules.set(bindings.name.text, module);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (!element.isTypeOnly && !clause?.isTypeOnly)
            used.add(`${module}.${(element.propertyName ?? element.name).text}`);
        }
      }
    }
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
        const module = wholeModules.get(node.expression.text);
        if (module) used.add(`${module}.${node.name.text}`);
      }
      const isMemberName =
        node.parent !== undefined && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node;
      if (ts.isIdentifier(node) && !isMemberName) {
        const declaration = checker.getSymbolAtLocation(node)?.declarations?.[0];
        if (declaration?.getSourceFile().fileName.endsWith("@types/k6/global.d.ts"))
          used.add(`global.${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return used;
}

describe("the k6 adapter", () => {
  it("provides every k6 module member and global the scripts use", async () => {
    const used = k6MembersUsed();
    expect(used).toContain("k6/http.request");
    expect(used).toContain("global.open");
    const missing: string[] = [];
    for (const member of used) {
      const dot = member.lastIndexOf(".");
      const [module, name] = [member.slice(0, dot), member.slice(dot + 1)];
      if (module === "global") {
        if (!(name in scriptGlobals({}, 1, "/"))) missing.push(member);
        continue;
      }
      const file = adapterModules[module];
      if (!file) {
        missing.push(member);
        continue;
      }
      const provided = (await import(file)) as Record<string, unknown> & { default: object };
      if (!(name in provided) && !Reflect.has(provided.default, name)) missing.push(member);
    }
    expect(missing).toEqual([]);
  });

  it("refuses by name a member it does not provide, so such a script fails its smoke run loudly", async () => {
    const http = (await import("../runner/adapter/http.ts")).default as unknown as Record<string, unknown>;
    expect(() => http.patch).toThrow("k6/http.patch is not provided by the load-tests k6 adapter");
  });
});
