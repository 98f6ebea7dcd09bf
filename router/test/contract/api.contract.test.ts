import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RoutedRegion, startRoutedRegion } from "@hireloop/testkit/routed-region";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeRun, fuzz, headlinesOf } from "./schemathesis.ts";
import { seededParameters, seedResources } from "./seed.ts";

/**
 * The contract fuzzer: schemathesis runs every phase (examples, coverage, fuzzing, stateful) and
 * every check against the API document the router serves, through a real router in front of a real
 * cell, as a signed-in user (alice) who already has one of each resource. It fails on any server
 * error, any response that breaks the document (status, content type, headers, body, event stream),
 * any undocumented status, and on a second user (bob) reading what alice made. A fixed seed and a
 * bounded number of examples keep it to about two minutes.
 *
 * One cell: alice and bob then share a database, so bob's reads of alice's ids test the cell's own
 * tenant checks (in different cells they would simply not be found).
 */
const SEED = 20_260_412;
const MAX_EXAMPLES = 100;
const REQUEST_TIMEOUT_SECONDS = 10;
const FUZZ_DEADLINE_MS = 8 * 60_000;

let world: RoutedRegion;
const run = randomBytes(4).toString("hex");

beforeAll(async () => {
  world = await startRoutedRegion(1, {
    // The fuzzer sends thousands of requests a minute from one address as one user.
    routerEnv: { HL_RATE_LIMIT_ADDRESS_POINTS: "1000000", HL_RATE_LIMIT_USER_POINTS: "1000000" },
  });
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

describe("the API contract, fuzzed through the router", () => {
  it(
    "answers every generated request as its OpenAPI document says",
    async () => {
      const reportDir = await mkdtemp(join(tmpdir(), "hl-contract-"));
      const alice = await world.region.token(`contract-${run}-alice`);
      const seeded = await seedResources(world.router.url, alice);
      const result = await fuzz({
        url: world.router.url,
        tokens: { alice, bob: await world.region.token(`contract-${run}-bob`) },
        extraConfig: seededParameters(seeded),
        seed: SEED,
        maxExamples: MAX_EXAMPLES,
        requestTimeoutSeconds: REQUEST_TIMEOUT_SECONDS,
        reportDir,
        deadlineMs: FUZZ_DEADLINE_MS,
      });
      console.log(describeRun(result));
      const headlines = `the contract fuzzer found (details above):\n${headlinesOf(result)}`;

      // The run itself worked: it finished, tested every operation and generated cases.
      expect(result.summary.complete, headlines).toBe(true);
      expect(result.summary.operations?.tested, headlines).toBe(result.summary.operations?.total);
      expect(result.summary.test_cases.generated, headlines).toBeGreaterThan(0);
      // And found nothing.
      expect(result.errors.length + result.failures.length, headlines).toBe(0);
      expect(result.exitCode, headlines).toBe(0);
      await rm(reportDir, { recursive: true, force: true });
    },
    FUZZ_DEADLINE_MS + 60_000,
  );
});
