/**
 * Single requests answered in groups, one statement per group: while a group's statement is in
 * flight, the requests that arrive wait and all go in the next (at most `max`, the rest in the one
 * after). Under load many requests share a statement, its round trip and its work in Postgres;
 * alone, a request waits for no one. `run` answers every request of its group, in order, with its
 * value or the Error it fails with; if `run` throws, every request of the group fails with it.
 */
export function grouped<T, R>(
  run: (group: T[]) => Promise<(R | Error)[]>,
  max: number,
): (request: T) => Promise<R> {
  let waiting: { request: T; resolve: (value: R) => void; reject: (error: Error) => void }[] = [];
  let running = false;

  async function runWaiting(): Promise<void> {
    running = true;
    while (waiting.length > 0) {
      const group = waiting.slice(0, max);
      waiting = waiting.slice(max);
      try {
        const answers = await run(group.map((entry) => entry.request));
        group.forEach((entry, index) => {
          const answer = answers[index];
          if (answer instanceof Error) entry.reject(answer);
          else entry.resolve(answer as R);
        });
      } catch (error) {
        for (const entry of group) entry.reject(error as Error);
      }
    }
    running = false;
  }

  return (request) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ request, resolve, reject });
      if (!running) void runWaiting();
    });
}
