import type { Sample } from "../runner/adapter/runtime.ts";
import type { VirtualUser } from "../runner/virtual-users.ts";

export interface ArrivalRun {
  samples: Sample[];
  started: number;
  /** Arrivals that found every VU busy: the rate was more than the VUs could carry (k6's dropped_iterations). */
  dropped: number;
  errors: string[];
}

/**
 * k6's constant-arrival-rate executor over a pool of VUs: iteration i starts at i / rate seconds,
 * on whichever VU is free, however long earlier iterations take (open loop). Resolves when every
 * started iteration has finished.
 */
export async function constantArrivalRate(
  vus: readonly VirtualUser[],
  options: { rate: number; seconds: number; data?: unknown; firstIteration?: number },
): Promise<ArrivalRun> {
  const idle = [...vus];
  const run: ArrivalRun = { samples: [], started: 0, dropped: 0, errors: [] };
  const inFlight: Promise<void>[] = [];
  const total = Math.round(options.rate * options.seconds);
  const startedAt = performance.now();
  for (let i = 0; i < total; i++) {
    const due = startedAt + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const vu = idle.pop();
    if (!vu) {
      run.dropped += 1;
      continue;
    }
    run.started += 1;
    inFlight.push(
      vu.iterate((options.firstIteration ?? 0) + i, options.data).then((outcome) => {
        run.samples.push(...outcome.samples);
        if (outcome.error) run.errors.push(outcome.error);
        idle.push(vu);
      }),
    );
  }
  await Promise.all(inFlight);
  return run;
}
