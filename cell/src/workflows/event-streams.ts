import type { Logger } from "@hireloop/observability";
import type { Redis } from "ioredis";
import { progressChannel } from "./progress.ts";

export interface EventStreamLimits {
  /** Open streams one user may hold at once. */
  perUser: number;
  /** Open streams this API process holds at once: each holds one of the router's connections to the cell. */
  perCell: number;
}

export type StreamSlot = { release(): void } | { refused: "user" | "cell" };

export interface EventStreams {
  /** A slot for one more open stream of this user, or which limit refuses it. */
  open(tenantId: string): StreamSlot;
  /** Calls `wake` whenever the workflow changes; returns the function that stops listening. */
  listen(workflowId: string, wake: () => void): () => void;
  /** Open streams, for metrics. */
  count(): number;
  close(): void;
}

/**
 * What every workflow event stream of an API process shares: the counts behind the per-user and
 * per-cell limits, and one Redis subscriber for all of them (a stream used to hold a connection of
 * its own). Redis only wakes streams early: a stream still reads the database on its own schedule.
 */
export function createEventStreams(redis: Redis, limits: EventStreamLimits, logger: Logger): EventStreams {
  const perUser = new Map<string, number>();
  let open = 0;
  const listeners = new Map<string, Set<() => void>>();
  let subscriber: Redis | undefined;

  function connection(): Redis {
    if (subscriber) return subscriber;
    subscriber = redis.duplicate({ lazyConnect: false, maxRetriesPerRequest: 1 });
    subscriber.on("error", (error) => logger.debug({ err: error }, "progress subscriber error"));
    subscriber.on("message", (channel: string) => {
      for (const wake of listeners.get(channel) ?? []) wake();
    });
    return subscriber;
  }

  return {
    open(tenantId) {
      const mine = perUser.get(tenantId) ?? 0;
      if (mine >= limits.perUser) return { refused: "user" };
      if (open >= limits.perCell) return { refused: "cell" };
      perUser.set(tenantId, mine + 1);
      open += 1;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          open -= 1;
          const left = (perUser.get(tenantId) ?? 1) - 1;
          if (left === 0) perUser.delete(tenantId);
          else perUser.set(tenantId, left);
        },
      };
    },
    listen(workflowId, wake) {
      const channel = progressChannel(workflowId);
      let wakes = listeners.get(channel);
      if (!wakes) {
        wakes = new Set();
        listeners.set(channel, wakes);
        connection()
          .subscribe(channel)
          .catch(() => {});
      }
      wakes.add(wake);
      return () => {
        wakes.delete(wake);
        if (wakes.size > 0) return;
        listeners.delete(channel);
        subscriber?.unsubscribe(channel).catch(() => {});
      };
    },
    count: () => open,
    close() {
      subscriber?.disconnect();
      listeners.clear();
    },
  };
}
