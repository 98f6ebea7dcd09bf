import type { Sample } from "./adapter/runtime.ts";

/** One threshold expression on one (sub)metric, judged on a run's samples as k6 judges it. */
export interface ThresholdVerdict {
  metric: string;
  expression: string;
  value: number;
  ok: boolean;
  /** No sample matched: judged on 0, as k6 does. */
  noData: boolean;
}

const KEY = /^([A-Za-z_][\w.]*)(?:\{([^{}]*)\})?$/;
const EXPRESSION =
  /^\s*(avg|min|max|med|count|rate|value|p\((\d+(?:\.\d+)?)\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Splits "http_req_duration{slo:reads,expected_response:true}" into the metric and its tag filter. */
export function parseThresholdKey(key: string): { metric: string; tags: Record<string, string> } {
  const match = KEY.exec(key);
  if (!match) throw new Error(`not a k6 threshold key: "${key}"`);
  const tags: Record<string, string> = {};
  for (const pair of (match[2] ?? "").split(",").filter((part) => part.trim() !== "")) {
    const colon = pair.indexOf(":");
    if (colon <= 0) throw new Error(`not a tag filter: "${pair}" in "${key}"`);
    tags[pair.slice(0, colon).trim()] = pair.slice(colon + 1).trim();
  }
  return { metric: match[1] as string, tags };
}

/** k6's percentile: linear interpolation between the closest ranks. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lower = sorted[low] as number;
  return lower + ((sorted[high] as number) - lower) * (rank - low);
}

function aggregate(values: number[], aggregation: string, p: number): number {
  if (values.length === 0) return 0;
  const sum = values.reduce((total, value) => total + value, 0);
  switch (aggregation) {
    case "avg":
    case "rate":
      return sum / values.length;
    case "count":
      return sum;
    case "min":
      return Math.min(...values);
    case "max":
      return Math.max(...values);
    case "value":
      return values[values.length - 1] as number;
    default: {
      const sorted = [...values].sort((a, b) => a - b);
      return percentile(sorted, aggregation === "med" ? 50 : p);
    }
  }
}

function compare(value: number, operator: string, bound: number): boolean {
  switch (operator) {
    case "<":
      return value < bound;
    case "<=":
      return value <= bound;
    case ">":
      return value > bound;
    case ">=":
      return value >= bound;
    case "!=":
      return value !== bound;
    default:
      return value === bound;
  }
}

/** Judges every threshold of a scenario's options against the samples of a run. */
export function judgeThresholds(
  thresholds: Record<string, readonly string[]>,
  samples: readonly Sample[],
): ThresholdVerdict[] {
  return Object.entries(thresholds).flatMap(([key, expressions]) => {
    const { metric, tags } = parseThresholdKey(key);
    const values = samples
      .filter(
        (sample) => sample.metric === metric && Object.entries(tags).every(([k, v]) => sample.tags[k] === v),
      )
      .map((sample) => sample.value);
    return expressions.map((expression) => {
      const match = EXPRESSION.exec(expression);
      if (!match) throw new Error(`not a k6 threshold expression: "${expression}" on ${key}`);
      const [, aggregation = "", p, operator = "", bound] = match;
      const value = aggregate(values, aggregation.startsWith("p(") ? "p" : aggregation, Number(p));
      return {
        metric: key,
        expression,
        value,
        ok: compare(value, operator, Number(bound)),
        noData: values.length === 0,
      };
    });
  });
}
