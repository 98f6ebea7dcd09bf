/**
 * Which of many strings occur in a text, in one pass over the text (Aho–Corasick). Asking
 * `text.includes` once per string costs the text's length each time, which is quadratic when the
 * strings are the text's own lines and bullets.
 */
export function substringsIn(text: string, candidates: Iterable<string>): Set<string> {
  const automaton = buildAutomaton(candidates);
  const found = new Set<string>();
  if (automaton.ends[0] !== undefined) found.add("");
  const reported = new Uint8Array(automaton.ends.length);
  let state = 0;
  for (let index = 0; index < text.length; index++) {
    state = automaton.step(state, text.charCodeAt(index));
    // Every candidate ending here sits on the output chain; a chain already reported was reported whole.
    for (let node = automaton.output[state] ?? -1; node > 0 && reported[node] === 0; ) {
      reported[node] = 1;
      found.add(automaton.ends[node] as string);
      node = automaton.output[automaton.fail[node] ?? 0] ?? -1;
    }
  }
  return found;
}

interface Automaton {
  /** The candidate spelled by the path to each node, when one ends there. */
  ends: (string | undefined)[];
  /** The longest proper suffix of a node's path that is also a path from the root. */
  fail: Int32Array;
  /** The nearest node (itself or down its failure links) where a candidate ends, or -1. */
  output: Int32Array;
  step(state: number, code: number): number;
}

function buildAutomaton(candidates: Iterable<string>): Automaton {
  // Edges by character code, then by parent node: small-integer keys keep the lookups fast.
  const edges = new Map<number, Map<number, number>>();
  const edge = (node: number, code: number) => edges.get(code)?.get(node);
  const childCodes: number[][] = [[]];
  const ends: (string | undefined)[] = [undefined];

  for (const candidate of candidates) {
    let node = 0;
    for (let index = 0; index < candidate.length; index++) {
      const code = candidate.charCodeAt(index);
      let child = edge(node, code);
      if (child === undefined) {
        child = ends.length;
        ends.push(undefined);
        childCodes.push([]);
        childCodes[node]?.push(code);
        const byParent = edges.get(code) ?? new Map<number, number>();
        byParent.set(node, child);
        edges.set(code, byParent);
      }
      node = child;
    }
    ends[node] = candidate;
  }

  const fail = new Int32Array(ends.length);
  const output = new Int32Array(ends.length).fill(-1);
  const step = (state: number, code: number): number => {
    let from = state;
    for (;;) {
      const next = edge(from, code);
      if (next !== undefined) return next;
      if (from === 0) return 0;
      from = fail[from] ?? 0;
    }
  };
  // Breadth first, so a node's failure link points at a shallower node that is already complete.
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] ?? 0;
    for (const code of childCodes[node] ?? []) {
      const child = edge(node, code) ?? 0;
      fail[child] = node === 0 ? 0 : step(fail[node] ?? 0, code);
      output[child] = ends[child] !== undefined ? child : (output[fail[child] ?? 0] ?? -1);
      queue.push(child);
    }
  }
  return { ends, fail, output, step };
}
