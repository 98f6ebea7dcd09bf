import type { Producer } from "kafkajs";
import { createKafka, createProducer } from "./events/kafka.ts";
import { type OutboxRelay, startOutboxRelay } from "./events/relay.ts";
import { announceTenants } from "./tenancy/announce.ts";
import type { CellDeps } from "./wiring/deps.ts";
import { failWorkflow } from "./workflows/failure.ts";
import { DEAD_STEP_QUEUE, STEP_QUEUE, type StepJobData } from "./workflows/queue.ts";
import { runStepJob } from "./workflows/runner.ts";

/** Parallel step runners per worker process; steps are mostly CPU-bound and short. */
const STEP_CONCURRENCY = 4;

export interface CellWorker {
  relay: OutboxRelay;
  kafkaReady(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The cell's background half: workflow steps from the queue and the outbox relay to Kafka, which
 * counts usage as it publishes. Kafka being down delays events but never blocks workflows.
 */
export async function startWorker(deps: CellDeps): Promise<CellWorker> {
  const { queue, logger } = deps;
  const workerIds: string[] = [];
  for (let i = 0; i < STEP_CONCURRENCY; i++) {
    workerIds.push(
      await queue.work<StepJobData>(
        STEP_QUEUE,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
        async ([job]) => {
          if (job) await runStepJob(deps, job);
        },
      ),
    );
  }
  // A step whose worker died on its last attempt expires into the dead queue: fail it visibly.
  await queue.work<StepJobData>(
    DEAD_STEP_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: 1 },
    async ([job]) => {
      if (!job) return;
      await failWorkflow(
        deps,
        job.data.workflowId,
        job.data.step,
        "step_abandoned",
        "the step did not finish after all retries",
      );
    },
  );

  const kafka = createKafka(`hireloop-${deps.config.cellId}-worker`, deps.config.kafkaBrokers, logger);
  const producer: Producer = createProducer(kafka);
  const relay = startOutboxRelay(deps, producer);
  announceTenants(deps).then(
    (count) => {
      if (count > 0) logger.info({ count }, "announced tenants registered before tenant.registered existed");
    },
    (error: unknown) =>
      logger.warn({ err: error }, "could not announce earlier tenants; the next start retries"),
  );
  logger.info({ concurrency: STEP_CONCURRENCY }, "cell worker started");

  return {
    relay,
    kafkaReady: relay.kafkaReady,
    async stop() {
      for (const id of workerIds) await queue.offWork({ id });
      await relay.stop();
      await producer.disconnect();
    },
  };
}
