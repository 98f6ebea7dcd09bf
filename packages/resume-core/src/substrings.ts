/**
 * Which of many strings occur in a text, in one pass over the text (Aho–Corasick). Asking
 * `text.includes` once per string costs the text's length each time, which is quadratic when the
 * strings are the text's own lines and bullets.
 */
export function substringsIn(text: string, candidates: Iterable<string>): Set<string> {
  const list = [...candidates];
  if (isSmall(text.length, list)) return new Set(list.filter((candidate) => text.includes(candidate)));
  const occurs = sequencesIn(codeUnits(text), list.map(codeUnits));
  return new Set(list.filter((_, index) => occurs[index]));
}

/**
 * Below this many text characters times candidates, searching for each candidate in turn costs
 * less than building an automaton: the few lines of a resume that no field holds as it stands.
 */
const SMALL_SEARCH = 1 << 16;

function isSmall(textLength: number, candidates: string[]): boolean {
  return textLength * candidates.length <= SMALL_SEARCH;
}

/** coveredShares by searching for each candidate in turn (see SMALL_SEARCH). */
function coveredSharesBySearch(texts: string[], candidates: string[]): number[] {
  return texts.map((text) => {
    const covered = new Uint8Array(text.length);
    for (const candidate of candidates) {
      if (candidate === "") continue;
      for (let at = text.indexOf(candidate); at >= 0; at = text.indexOf(candidate, at + 1)) {
        covered.fill(1, at, at + candidate.length);
      }
    }
    let counted = 0;
    let inside = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 32 || code === 9 || code === 160) continue;
      counted++;
      inside += covered[index] ?? 0;
    }
    return counted === 0 ? 1 : inside / counted;
  });
}

/**
 * How much of each text the candidates cover: the share of its characters (blanks aside) inside
 * some occurrence of one. One automaton for the candidates, one pass over each text, so many lines
 * are measured against many field values in linear time.
 */
export function coveredShares(texts: string[], candidates: Iterable<string>): number[] {
  const list = [...candidates];
  const textLength = texts.reduce((total, text) => total + text.length, 0);
  if (isSmall(textLength, list)) return coveredSharesBySearch(texts, list);
  const automaton = buildAutomaton(list.map(codeUnits));
  return texts.map((text) => {
    // The longest candidate ending at each place; an occurrence covers its length back from there.
    const reach = new Int32Array(text.length);
    let state = 0;
    for (let index = 0; index < text.length; index++) {
      state = automaton.step(state, text.charCodeAt(index));
      const node = automaton.output[state] ?? -1;
      if (node > 0) reach[index] = automaton.depth[node] ?? 0;
    }
    let covered = 0;
    let counted = 0;
    let coverFrom = text.length;
    for (let index = text.length - 1; index >= 0; index--) {
      coverFrom = Math.min(coverFrom, index - (reach[index] ?? 0) + 1);
      const code = text.charCodeAt(index);
      if (code === 32 || code === 9 || code === 160) continue;
      counted++;
      if (coverFrom <= index) covered++;
    }
    return counted === 0 ? 1 : covered / counted;
  });
}

/** A string's UTF-16 code units, or symbols of any other alphabet of non-negative integers. */
export type Symbols = ArrayLike<number>;

function codeUnits(text: string): Symbols {
  const units = new Uint16Array(text.length);
  for (let index = 0; index < text.length; index++) units[index] = text.charCodeAt(index);
  return units;
}

/** For each candidate, whether it occurs in `text`: substringsIn for any alphabet. */
export function sequencesIn(text: Symbols, candidates: Symbols[]): boolean[] {
  const automaton = buildAutomaton(candidates);
  const reported = new Uint8Array(automaton.output.length);
  let state = 0;
  for (let index = 0; index < text.length; index++) {
    state = automaton.step(state, text[index] ?? 0);
    // Every candidate ending here sits on the output chain; a chain already reported was reported whole.
    for (let node = automaton.output[state] ?? -1; node > 0 && reported[node] === 0; ) {
      reported[node] = 1;
      node = automaton.output[automaton.fail[node] ?? 0] ?? -1;
    }
  }
  return automaton.ends.map((node) => node === 0 || reported[node] === 1);
}

interface Automaton {
  /** The node where each candidate's path ends (the root for an empty candidate). */
  ends: number[];
  /** The longest proper suffix of a node's path that is also a path from the root. */
  fail: Int32Array;
  /** The nearest node (itself or down its failure links) where a candidate ends, or -1. */
  output: Int32Array;
  /** The length of each node's path: of the candidate that ends there. */
  depth: Int32Array;
  step(state: number, symbol: number): number;
}

function buildAutomaton(candidates: Symbols[]): Automaton {
  const size = 1 + candidates.reduce((total, candidate) => total + candidate.length, 0);
  // Most nodes of a trie of long strings have one child: it is kept in typed arrays, and only
  // the others get a map of their children.
  const firstSymbol = new Int32Array(size).fill(-1);
  const firstChild = new Int32Array(size);
  const depth = new Int32Array(size);
  const otherChildren = new Map<number, Map<number, number>>();
  const edge = (node: number, symbol: number) =>
    firstSymbol[node] === symbol ? firstChild[node] : otherChildren.get(node)?.get(symbol);

  let nodes = 1;
  const ends = candidates.map((candidate) => {
    let node = 0;
    for (let index = 0; index < candidate.length; index++) {
      const symbol = candidate[index] ?? 0;
      let child = edge(node, symbol);
      if (child === undefined) {
        child = nodes++;
        depth[child] = (depth[node] ?? 0) + 1;
        if (firstSymbol[node] === -1) {
          firstSymbol[node] = symbol;
          firstChild[node] = child;
        } else {
          const others = otherChildren.get(node) ?? new Map<number, number>();
          others.set(symbol, child);
          otherChildren.set(node, others);
        }
      }
      node = child;
    }
    return node;
  });
  const isEnd = new Uint8Array(nodes);
  for (const node of ends) isEnd[node] = 1;

  const fail = new Int32Array(nodes);
  const output = new Int32Array(nodes).fill(-1);
  const step = (state: number, symbol: number): number => {
    let from = state;
    for (;;) {
      const next = edge(from, symbol);
      if (next !== undefined) return next;
      if (from === 0) return 0;
      from = fail[from] ?? 0;
    }
  };
  // Breadth first, so a node's failure link points at a shallower node that is already complete.
  const queue = new Int32Array(nodes);
  let queued = 1;
  const link = (node: number, symbol: number, child: number) => {
    fail[child] = node === 0 ? 0 : step(fail[node] ?? 0, symbol);
    output[child] = isEnd[child] === 1 ? child : (output[fail[child] ?? 0] ?? -1);
    queue[queued++] = child;
  };
  for (let head = 0; head < queued; head++) {
    const node = queue[head] ?? 0;
    const symbol = firstSymbol[node] ?? -1;
    if (symbol !== -1) link(node, symbol, firstChild[node] ?? 0);
    for (const [otherSymbol, child] of otherChildren.get(node) ?? []) link(node, otherSymbol, child);
  }
  return { ends, fail, output, depth, step };
}
