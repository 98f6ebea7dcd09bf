import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";

/**
 * The k6 globals a script may use, for a VU whose bundle would run from `scriptDir`: __ENV, __VU,
 * __ITER (kept current by the VU worker) and open(), which reads files relative to the script as
 * k6 does, in the init context.
 */
export function scriptGlobals(env: Record<string, string>, vu: number, scriptDir: string) {
  return {
    __ENV: env,
    __VU: vu,
    __ITER: 0,
    open(path: string, mode?: "b"): string | ArrayBuffer {
      const bytes = readFileSync(isAbsolute(path) ? path : resolve(scriptDir, path));
      return mode === "b"
        ? bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
        : bytes.toString("utf8");
    },
  };
}
