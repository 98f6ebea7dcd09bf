import { describe, expect, it } from "vitest";
import { grouped } from "../../src/db/grouped.ts";

/** A statement that answers when told to, and shows the groups it was given. */
function statement() {
  const groups: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (group: number[]) => {
    groups.push(group);
    return new Promise<(string | Error)[]>((resolve, reject) => {
      pending.push(() => {
        if (group.includes(-1)) reject(new Error("the statement failed"));
        else resolve(group.map((n) => (n === 13 ? new Error("thirteen is refused") : `answer ${n}`)));
      });
    });
  };
  const answerNext = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { groups, run, answerNext };
}

describe("grouped", () => {
  it("runs a request alone at once, and those arriving meanwhile together next, at most `max` a statement", async () => {
    const { groups, run, answerNext } = statement();
    const ask = grouped(run, 3);
    const first = ask(1);
    const rest = [2, 3, 4, 5].map((n) => ask(n));
    expect(groups).toEqual([[1]]);
    await answerNext();
    expect(await first).toBe("answer 1");
    expect(groups).toEqual([[1], [2, 3, 4]]);
    await answerNext();
    expect(groups).toEqual([[1], [2, 3, 4], [5]]);
    await answerNext();
    expect(await Promise.all(rest)).toEqual(["answer 2", "answer 3", "answer 4", "answer 5"]);
  });

  it("fails only the request whose answer is an error, and the whole group when the statement fails; then goes on", async () => {
    const { groups, run, answerNext } = statement();
    const ask = grouped(run, 2);
    const settled = Promise.allSettled([ask(1), ask(13), ask(2)]);
    const failed = Promise.allSettled([ask(-1), ask(3)]);
    await answerNext();
    await answerNext();
    expect((await settled).map((s) => (s.status === "fulfilled" ? s.value : s.reason.message))).toEqual([
      "answer 1",
      "thirteen is refused",
      "answer 2",
    ]);
    await answerNext();
    expect((await failed).map((s) => (s.status === "rejected" ? s.reason.message : s.value))).toEqual([
      "the statement failed",
      "the statement failed",
    ]);
    const later = ask(4);
    await answerNext();
    expect(await later).toBe("answer 4");
    expect(groups).toEqual([[1], [13, 2], [-1, 3], [4]]);
  });
});
