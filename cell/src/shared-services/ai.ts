import type { Identity } from "@hireloop/identity";
import { type Caller, RoastMode, RoastStyle, Tier, type Usage } from "@hireloop/proto/ai";
import { fromWireJob, fromWireTailored, toWireJob, toWireResume } from "@hireloop/proto/convert";
import type { BulletRef, JobAnalysis, ParsedResume, TailoredResume } from "@hireloop/resume-core";
import type { RoastModeName, RoastStyleName, Tiered } from "../vocabulary.ts";
import { type Channels, call } from "./channels.ts";

export type { Usage };

/** A Firebase custom claim `tier: "premium"` marks paying users; everyone else is on the free tier. */
export function tierOf(identity: Pick<Identity, "claims">): Tiered {
  return identity.claims.tier === "premium" ? "premium" : "free";
}

export function callerOf(tenantId: string, cell: string, tier: Tiered): Caller {
  return { userId: tenantId, cell, tier: tier === "premium" ? Tier.TIER_PREMIUM : Tier.TIER_FREE };
}

export async function analyzeJobText(
  channels: Channels,
  caller: Caller,
  job: { text: string; title?: string | null },
  signal?: AbortSignal,
): Promise<{ analysis: JobAnalysis; usage: Usage | undefined }> {
  const { ai } = channels;
  const request = { caller, jobText: job.text, title: job.title ?? "" };
  const response = await call(ai, (settings) => ai.client.analyzeJob(request, settings), signal);
  return { analysis: fromWireJob(response.analysis), usage: response.usage };
}

export async function tailorForJob(
  channels: Channels,
  caller: Caller,
  resume: ParsedResume,
  job: JobAnalysis,
  signal?: AbortSignal,
): Promise<{ tailored: TailoredResume; usage: Usage | undefined }> {
  const { ai } = channels;
  const request = { caller, resume: toWireResume(resume), job: toWireJob(job) };
  const response = await call(ai, (settings) => ai.client.tailorResume(request, settings), signal);
  return { tailored: fromWireTailored(response.tailored), usage: response.usage };
}

const STYLES: Record<RoastStyleName, RoastStyle> = {
  gentle: RoastStyle.ROAST_STYLE_GENTLE,
  honest: RoastStyle.ROAST_STYLE_HONEST,
  savage: RoastStyle.ROAST_STYLE_SAVAGE,
};
const MODES: Record<RoastModeName, RoastMode> = {
  auto: RoastMode.ROAST_MODE_UNSPECIFIED,
  rules: RoastMode.ROAST_MODE_RULES,
  model: RoastMode.ROAST_MODE_MODEL,
};

export interface Roast {
  headline: string;
  points: { section: string; remark: string; fix: string; bullets: BulletRef[] }[];
  score: number;
  usage: Usage | undefined;
}

export async function roastResume(
  channels: Channels,
  caller: Caller,
  resume: ParsedResume,
  style: RoastStyleName,
  mode: RoastModeName,
  signal?: AbortSignal,
): Promise<Roast> {
  const { ai } = channels;
  const request = { caller, resume: toWireResume(resume), style: STYLES[style], mode: MODES[mode] };
  const response = await call(ai, (settings) => ai.client.roastResume(request, settings), signal);
  return {
    headline: response.headline,
    points: response.points,
    score: response.score,
    usage: response.usage,
  };
}
