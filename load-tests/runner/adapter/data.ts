import { strictModule } from "./runtime.ts";

/** k6's SharedArray: built once by `build` (k6 shares it between VUs; one VU per worker here). */
export class SharedArray<T> {
  constructor(_name: string, build: () => T[]) {
    // biome-ignore lint/correctness/noConstructorReturn: k6's SharedArray behaves as the array it wraps
    return Object.freeze(build()) as unknown as SharedArray<T>;
  }
}

export default strictModule("k6/data", { SharedArray });
