import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Real resume files (and hostile ones) shared with the resume domain's own tests. */
export function resumeFile(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(
      fileURLToPath(new URL(`../../../packages/resume-core/test/fixtures/files/${name}`, import.meta.url)),
    ),
  );
}

export function textFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), "utf8");
}

export function upload(bytes: Uint8Array, filename: string, type = "application/octet-stream"): RequestInit {
  const form = new FormData();
  form.append("file", new File([bytes], filename, { type }));
  return { method: "POST", body: form };
}
