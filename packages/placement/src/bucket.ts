import { xxh32 } from "@node-rs/xxhash";
import { BUCKET_COUNT } from "./types.ts";

/**
 * The bucket of a tenant: xxHash32 (seed 0) of the key's UTF-8 bytes, mod BUCKET_COUNT.
 *
 * xxHash32 is a published, platform-independent algorithm (the same bits from the reference C
 * library, this Rust binding, or any other port), so every router process agrees; the committed
 * test vectors pin it. Keys are opaque: no trimming or Unicode normalisation, because a tenant key
 * is an identifier, not text typed by a person. Changing this function re-homes every tenant.
 */
export function bucketOf(tenantKey: string): number {
  return xxh32(tenantKey, 0) % BUCKET_COUNT;
}
