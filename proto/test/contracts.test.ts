import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema, MethodOptions_IdempotencyLevel } from "@bufbuild/protobuf/wkt";
import { afterAll, describe, expect, it } from "vitest";
import { retryPolicies } from "../src/retry-policy.ts";

const exec = promisify(execFile);
const protoDir = fileURLToPath(new URL("..", import.meta.url));
const buf = join(protoDir, "..", "node_modules", ".bin", "buf");
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hl-proto-"));
  scratch.push(dir);
  return dir;
}

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, "utf8"));
  }
  return files;
}

/** Runs buf in `cwd`; resolves with its exit code and output instead of throwing. */
async function runBuf(cwd: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec(buf, args, { cwd, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: (failure.stdout ?? "") + (failure.stderr ?? "") };
  }
}

describe("the gRPC contracts", () => {
  it("pass buf lint", async () => {
    expect(await runBuf(protoDir, "lint")).toEqual({ code: 0, output: "" });
  });

  it("have committed TypeScript that matches what `make proto` generates", async () => {
    const out = await scratchDir();
    expect((await runBuf(protoDir, "generate", "--output", out)).code).toBe(0);
    const generated = await filesUnder(join(out, "gen"));
    const committed = await filesUnder(join(protoDir, "gen"));
    expect([...committed.keys()].sort()).toEqual([...generated.keys()].sort());
    for (const [path, text] of generated) {
      expect(committed.get(path), `proto/gen/${path} is stale: run make proto`).toBe(text);
    }
  });

  it("make no breaking change against the released contracts", async () => {
    expect(await runBuf(protoDir, "breaking", "--against", "released.binpb")).toEqual({
      code: 0,
      output: "",
    });
  });

  it("would catch a breaking change: a removed field or a renumbered one", async () => {
    const copy = await scratchDir();
    await cp(protoDir, copy, {
      recursive: true,
      filter: (source) => !source.includes("node_modules") && !source.includes(`${protoDir}gen`),
    });
    const pdfProto = join(copy, "hireloop", "pdf", "v1", "pdf.proto");
    const original = await readFile(pdfProto, "utf8");
    const withoutTemplate = original.replace("  string template = 3;\n", "");
    expect(withoutTemplate).not.toBe(original);
    await writeFile(pdfProto, withoutTemplate);
    const result = await runBuf(copy, "breaking", "--against", "released.binpb");
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/RenderRequest.*template|field "3".*deleted/i);
  });

  it("declare as free of side effects or idempotent exactly the methods clients retry", async () => {
    const dir = await scratchDir();
    const image = join(dir, "image.binpb");
    expect(await runBuf(protoDir, "build", "-o", image)).toMatchObject({ code: 0 });
    const descriptors = fromBinary(FileDescriptorSetSchema, await readFile(image));
    const declared: Record<string, string[]> = {};
    for (const file of descriptors.file) {
      for (const service of file.service) {
        declared[`${file.package}.${service.name}`] = service.method
          .filter(
            (method) =>
              method.options?.idempotencyLevel === MethodOptions_IdempotencyLevel.NO_SIDE_EFFECTS ||
              method.options?.idempotencyLevel === MethodOptions_IdempotencyLevel.IDEMPOTENT,
          )
          .map((method) => method.name);
      }
    }
    expect(retryPolicies()).toEqual(declared);
  });
});
