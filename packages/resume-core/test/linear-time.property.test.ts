import { setImmediate } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeJob } from "../src/analyze.ts";
import { findInventions } from "../src/inventions.ts";
import { matchResume } from "../src/match.ts";
import { parseResumeText } from "../src/parse.ts";
import { tailorResume } from "../src/tailor.ts";
import { loadLabels, readLabelledFile } from "./support/labelled.ts";

/**
 * Every reader of pasted text runs in time linear in its length (issue 12): a pattern retried from
 * every position of a long line, or a loop over every earlier item, turns a 100k-character paste
 * into seconds on the cell's event loop. Each entry point reads adversarial texts of SMALL and of
 * LARGE characters; eight SMALL texts hold as many characters as one LARGE text, so linear work
 * takes about as long for both and quadratic work takes eight times longer on the LARGE one.
 * Comparing the two on the same machine at the same moment keeps the check independent of how
 * fast or busy the machine is.
 */
const SMALL = 25_000;
/** Twice the longest text the cell accepts. */
const LARGE = 8 * SMALL;
const SMALL_TEXTS = LARGE / SMALL;
/** Linear is about 1, quadratic about 8; the margin absorbs garbage collection and a busy machine. */
const MAX_SLOWDOWN = 3;
/** Timer and scheduling noise on texts that take a few milliseconds. */
const NOISE_MS = 25;
/** A quadratic path takes tens of seconds at LARGE; a linear one well under this. */
const MAX_LARGE_MS = 2_000;
const TRIALS = 3;
/**
 * A busy machine or a garbage collection only ever slows a trial, so a reader that looks
 * superlinear after TRIALS is timed again, up to this many trials; a quadratic one stays slow.
 */
const MAX_TRIALS = 10;

type Generator = (size: number) => string;

function repeated(unit: string): Generator {
  return (size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The body under every resume and job heading, so each section's reader gets its own long text. */
const HEADINGS = ["Summary", "Skills", "Experience", "Education", "Projects", "Requirements", "Nice to have"];
function inEverySection(body: Generator): Generator {
  const share = (size: number) => Math.floor(size / (HEADINGS.length + 1));
  return (size) =>
    [body(share(size)), ...HEADINGS.map((heading) => `${heading}\n${body(share(size))}`)].join("\n");
}

/** Pieces of resumes and job posts, mixed by a seeded generator into text no one wrote on purpose. */
const PIECES = [
  ..."aA1-.@/+(|:,_ \t".split(""),
  ..."日🙂é•—",
  " ",
  "Ab",
  "Python",
  "C",
  "Jan 2019",
  "2019 - 2021",
  "www",
  ".com",
  "jane@example.com",
  "+1 (555) 123-4567",
  " at ",
  "A. ",
  "Dr. ",
  "Inc",
  "5+ years",
  "is a plus",
];
function seededMixture(seed: number, newlineEvery: number): Generator {
  return (size) => {
    let state = seed;
    const next = (limit: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % limit;
    };
    const parts: string[] = [];
    for (let length = 0; length < size; ) {
      const piece = next(newlineEvery) === 0 ? "\n" : (PIECES[next(PIECES.length)] ?? "");
      parts.push(piece);
      length += piece.length;
    }
    return parts.join("").slice(0, size);
  };
}

const labels = loadLabels();
const realResumes = labels.resumes.map((resume) => readLabelledFile(resume.file)).join("\n\n");
const realJobs = labels.jobs.map((job) => readLabelledFile(job.file)).join("\n\n");

/** Long lines of one character, of every class the readers treat differently. */
const ONE_CHARACTER = [..."aA1-.@/+(|:, \t_", "🙂", "日"];
/** Short units that start a match attempt at every repetition ("a.a.a." looks like a domain). */
const SHORT_PATTERNS = [
  "a.",
  "+1",
  "a@",
  "1-",
  "Ab ",
  "(a",
  "a,",
  "C ",
  "A. ",
  "Dr. ",
  "a|",
  "1,",
  "- a",
  "A of ",
  "a (",
];
/**
 * Lines that pile up, each under the heading whose reader collects them: one bullet wrapped over
 * every line, bullets whose joined form is not in the text, a role every two lines, the same
 * heading over and over, a summary of initials.
 */
const MANY_LINES: [heading: string, line: string][] = [
  ["Projects", "a"],
  ["Projects", "- Ab\ncd"],
  ["Experience", "Jan 2019 - 2020\nEngineer, Acme"],
  ["Projects", "Projects\na"],
  ["Summary", "- A."],
];

const GENERATORS: Record<string, Generator> = {
  ...Object.fromEntries(ONE_CHARACTER.map((char) => [`one line of ${JSON.stringify(char)}`, repeated(char)])),
  ...Object.fromEntries(SHORT_PATTERNS.map((unit) => [`${JSON.stringify(unit)} repeated`, repeated(unit)])),
  ...Object.fromEntries(
    [".", "-", ",", "—", "!", "|"].map((char) => [
      `a run of ${JSON.stringify(char)} inside a line, in every section`,
      inEverySection((size) => `Ab ${repeated(char)(size)} aB`),
    ]),
  ),
  ...Object.fromEntries(
    MANY_LINES.map(([heading, line]) => [
      `${heading}, then lines of ${JSON.stringify(line)}`,
      (size: number) => `${heading}\n${repeated(`${line}\n`)(size)}`,
    ]),
  ),
  "a seeded mixture on one line": seededMixture(1, 1_000_000),
  "a seeded mixture of short lines": seededMixture(2, 40),
  "the labelled resumes, concatenated": repeated(`${realResumes}\n\n`),
  "the labelled job posts, concatenated": repeated(`${realJobs}\n\n`),
  "the labelled resumes on one line": repeated(`${realResumes.replace(/\s+/g, " ")} `),
};

/**
 * The texts whose structure (many bullets, roles, skills or sentences) is what matching, tailoring
 * and the invention check iterate over; the line-level patterns above are the parser's concern.
 */
const STRUCTURED = [
  ...Object.keys(GENERATORS).filter((name) => name.includes("then lines of") || name.includes("labelled")),
  '"C " repeated',
  '"A. " repeated',
  "a seeded mixture of short lines",
];

interface Timing {
  /** The fastest time to read SMALL_TEXTS texts of SMALL characters, one after another. */
  smallMs: number;
  /** The fastest time to read one text of LARGE characters. */
  largeMs: number;
}

function elapsedMs(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * Times each reader on the same texts, prepared by `prepare` (untimed). A text of twice SMALL is
 * read first, so a quadratic path fails within seconds instead of running for minutes at LARGE.
 */
function timeReaders<Input>(
  generate: Generator,
  prepare: (text: string) => Input,
  readers: Record<string, (input: Input) => unknown>,
): Record<string, Timing> {
  const firstInput = prepare(generate(2 * SMALL));
  for (const [name, read] of Object.entries(readers)) {
    const firstMs = elapsedMs(() => read(firstInput));
    expect(firstMs, `${name}: ${2 * SMALL} characters took ${Math.round(firstMs)} ms`).toBeLessThan(
      MAX_LARGE_MS,
    );
  }
  // Separate strings, as separate pastes would be: V8 keeps some results per string.
  const smallInputs = Array.from({ length: SMALL_TEXTS }, () => prepare(generate(SMALL)));
  const largeInput = prepare(generate(LARGE));
  const timings: Record<string, Timing> = {};
  for (const [name, read] of Object.entries(readers)) {
    const timing = { smallMs: Number.POSITIVE_INFINITY, largeMs: Number.POSITIVE_INFINITY };
    // Interleaved, so a moment when the machine is busy slows both sizes alike.
    for (let trial = 0; trial < MAX_TRIALS; trial++) {
      const smallMs = elapsedMs(() => {
        for (const input of smallInputs) read(input);
      });
      const largeMs = elapsedMs(() => read(largeInput));
      timing.smallMs = Math.min(timing.smallMs, smallMs);
      timing.largeMs = Math.min(timing.largeMs, largeMs);
      const settled = isLinear(timing) || timing.largeMs >= MAX_LARGE_MS;
      if (trial + 1 >= TRIALS && settled) break;
    }
    timings[name] = timing;
  }
  return timings;
}

function isLinear({ smallMs, largeMs }: Timing): boolean {
  return largeMs < MAX_LARGE_MS && largeMs < MAX_SLOWDOWN * smallMs + NOISE_MS;
}

function expectLinear(timings: Record<string, Timing>): void {
  for (const [name, { smallMs, largeMs }] of Object.entries(timings)) {
    const summary = `${name}: ${SMALL_TEXTS} × ${SMALL} characters in ${smallMs.toFixed(1)} ms, ${LARGE} in ${largeMs.toFixed(1)} ms`;
    expect(largeMs, summary).toBeLessThan(MAX_LARGE_MS);
    expect(largeMs, summary).toBeLessThan(MAX_SLOWDOWN * smallMs + NOISE_MS);
  }
}

describe("every reader of pasted text is linear in its length", () => {
  // Each test is a minute's worth of synchronous work on a slow machine; between them the worker's
  // event loop must turn, or vitest's own calls to it time out.
  afterEach(() => setImmediate());

  it.each(Object.entries(GENERATORS))("parseResumeText and analyzeJob: %s", (_name, generate) => {
    expectLinear(
      timeReaders(generate, (text) => text, {
        parseResumeText: (text) => parseResumeText(text),
        analyzeJob: (text) => analyzeJob(text),
      }),
    );
  });

  it.each(STRUCTURED)("matchResume, tailorResume and the invention check: %s", (name) => {
    const prepare = (text: string) => ({ resume: parseResumeText(text), job: analyzeJob(text) });
    expectLinear(
      timeReaders(GENERATORS[name] as Generator, prepare, {
        matchResume: ({ resume, job }) => matchResume(resume, job),
        "tailorResume and findInventions": ({ resume, job }) =>
          findInventions(resume, tailorResume(resume, job).resume),
      }),
    );
  });

  it("the invention check of a rewrite listing a skill per 25 characters that the resume never names", () => {
    const prepare = (text: string) => {
      const resume = parseResumeText(text);
      const skills = Array.from({ length: text.length / 25 }, (_, index) => `Toolkit${index} Suite`);
      return { resume, rewrite: { ...resume, skills } };
    };
    expectLinear(
      timeReaders(GENERATORS["the labelled resumes, concatenated"] as Generator, prepare, {
        findInventions: ({ resume, rewrite }) => findInventions(resume, rewrite),
      }),
    );
  });
});
