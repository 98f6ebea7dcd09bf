import { xxh32 } from "@node-rs/xxhash";
import { describe, expect, it } from "vitest";
import { BUCKET_COUNT, bucketOf } from "../src/index.ts";

/**
 * Computed with the reference xxHash C library (python `xxhash` 3.x, xxh32_intdigest(utf8, seed 0)
 * % 4096), not with this code. If one of these changes, every tenant of every region would move.
 */
const VECTORS: ReadonlyArray<readonly [string, number]> = [
  ["", 3333],
  [" ", 1172],
  ["  ", 2870],
  ["\t", 1731],
  ["\n", 850],
  ["\u0000", 62],
  ["0", 3250],
  ["a", 1110],
  ["A", 2637],
  ["abc", 1023],
  ["null", 3181],
  ["undefined", 3986],
  ["tenant-0", 3737],
  ["tenant-1", 2404],
  ["tenant-999999", 801],
  ["user_2fQ8mZk1pLx9", 1709],
  ["xJ3kq9LmNp0aBcDeFgHiJkLmNoP2", 2938],
  ["org:acme-recruiting", 3181],
  ["alice@example.com", 1885],
  ["Alice@Example.com", 2607],
  ["José", 802],
  ["Jose\u0301", 944],
  ["Zoë Ünal", 2293],
  ["山田太郎", 3384],
  ["Ελένη", 2098],
  ["Ольга", 920],
  ["محمد", 1975],
  ["😀", 188],
  ["👩‍💻 engineer", 1748],
  ["a".repeat(1000), 2950],
];

describe("bucketOf", () => {
  it.each(VECTORS)("maps %j to bucket %i", (tenantKey, bucket) => {
    expect(bucketOf(tenantKey)).toBe(bucket);
  });

  it("is xxHash32 as published (reference values of the xxHash specification)", () => {
    expect(xxh32("", 0)).toBe(0x02cc5d05);
    expect(xxh32("a", 0)).toBe(0x550d7456);
    expect(xxh32("abc", 0)).toBe(0x32d153ff);
  });

  it("hashes the UTF-8 bytes, so a string and its encoding agree", () => {
    for (const [tenantKey] of VECTORS) {
      expect(xxh32(Buffer.from(tenantKey, "utf8"), 0) % BUCKET_COUNT).toBe(bucketOf(tenantKey));
    }
  });

  it("treats keys as opaque: case and Unicode normalisation forms are different tenants", () => {
    expect(bucketOf("José")).not.toBe(bucketOf("José".normalize("NFD")));
    expect(bucketOf("alice@example.com")).not.toBe(bucketOf("Alice@Example.com"));
  });

  it("always lands inside the bucket range", () => {
    const outside = Array.from({ length: 100_000 }, (_, i) => bucketOf(`tenant-${i}`)).filter(
      (bucket) => !Number.isInteger(bucket) || bucket < 0 || bucket >= BUCKET_COUNT,
    );
    expect(outside).toEqual([]);
  });
});
