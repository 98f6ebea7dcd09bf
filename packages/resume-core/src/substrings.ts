/**
 * Which of many strings occur in a text, in one pass over the text (Aho–Corasick). Asking
 * `text.includes` once per string costs the text's length each time, which is quadratic when the
 * strings are the text's own lines and bullets.
 */
export function substringsIn(text: string, candidates: Iterable<string>): Set<string> {
  const automaton = buildAutomaton([...candidates]);
  const found = new Set<string>();
  const empty = automaton.ends.get(0);
  if (empty !== undefined) found.add(empty);
  const reported = new Uint8Array(automaton.output.length);
  let state = 0;
  for (let index = 0; index < text.length; index++) {
    state = automaton.step(state, text.charCodeAt(index));
    // Every candidate ending here sits on the output chain; a chain already reported was reported whole.
    for (let node = automaton.output[state] ?? -1; node > 0 && reported[node] === 0; ) {
      reported[node] = 1;
      found.add(automaton.ends.get(node) as string);
      node = automaton.output[automaton.fail[node] ?? 0] ?? -1;
    }
  }
  return found;
}

interface Automaton {
  /** The candidate spelled by the path to a node, for the nodes where one ends. */
  ends: Map<number, string>;
  /** The longest proper suffix of a node's path that is also a path from the root. */
  fail: Int32Array;
  /** The nearest node (itself or down its failure links) where a candidate ends, or -1. */
  output: Int32Array;
  step(state: number, code: number): number;
}

function buildAutomaton(candidates: string[]): Automaton {
  const size = 1 + candidates.reduce((total, candidate) => total + candidate.length, 0);
  // Most nodes of a trie of long strings have one child: it is kept in typed arrays, and only
  // the others get a map of their children.
  const firstCode = new Int32Array(size).fill(-1);
  const firstChild = new Int32Array(size);
  const otherChildren = new Map<number, Map<number, number>>();
  const edge = (node: number, code: number) =>
    firstCode[node] === code ? firstChild[node] : otherChildren.get(node)?.get(code);
  const ends = new Map<number, string>();

  let nodes = 1;
  for (const candidate of candidates) {
    let node = 0;
    for (let index = 0; index < candidate.length; index++) {
      const code = candidate.charCodeAt(index);
      let child = edge(node, code);
      if (child === undefined) {
        child = nodes++;
        if (firstCode[node] === -1) {
          firstCode[node] = code;
          firstChild[node] = child;
        } else {
          const others = otherChildren.get(node) ?? new Map<number, number>();
          others.set(code, child);
          otherChildren.set(node, others);
        }
      }
      node = child;
    }
    ends.set(node, candidate);
  }

  const fail = new Int32Array(nodes);
  const output = new Int32Array(nodes).fill(-1);
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
  const queue = new Int32Array(nodes);
  let queued = 1;
  const link = (node: number, code: number, child: number) => {
    fail[child] = node === 0 ? 0 : step(fail[node] ?? 0, code);
    output[child] = ends.has(child) ? child : (output[fail[child] ?? 0] ?? -1);
    queue[queued++] = child;
  };
  for (let head = 0; head < queued; head++) {
    const node = queue[head] ?? 0;
    const code = firstCode[node] ?? -1;
    if (code !== -1) link(node, code, firstChild[node] ?? 0);
    for (const [otherCode, child] of otherChildren.get(node) ?? []) link(node, otherCode, child);
  }
  return { ends, fail, output, step };
}
