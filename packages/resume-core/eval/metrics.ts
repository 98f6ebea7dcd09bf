/** Matches counted for one field: found and right, found but wrong, and missed. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const none = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function add(into: Counts, more: Counts): void {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
}

export function f1({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/** Case, accents' composition, spacing and dash variants do not count as differences. */
export function fold(value: string): string {
  return value
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s*-\s*/g, " - ")
    .replace(/\s+/g, " ")
    .trim();
}

/** One value expected, one read: right, wrong (a false value and a miss) or missed. */
export function single(
  expected: string,
  found: string | undefined,
  same = (a: string, b: string) => fold(a) === fold(b),
): Counts {
  if (!found) return { tp: 0, fp: 0, fn: expected ? 1 : 0 };
  if (!expected) return { tp: 0, fp: 1, fn: 0 };
  return same(expected, found) ? { tp: 1, fp: 0, fn: 0 } : { tp: 0, fp: 1, fn: 1 };
}

/** Many values expected and read, in any order: each expected value may be matched once. */
export function many(expected: string[], found: string[]): Counts {
  const left = new Map<string, number>();
  for (const value of expected.map(fold)) left.set(value, (left.get(value) ?? 0) + 1);
  let tp = 0;
  for (const value of found.map(fold)) {
    const count = left.get(value) ?? 0;
    if (count > 0) {
      tp++;
      left.set(value, count - 1);
    }
  }
  return { tp, fp: found.length - tp, fn: expected.length - tp };
}
