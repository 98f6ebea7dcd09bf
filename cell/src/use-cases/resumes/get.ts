import type { TenantContext } from "../../wiring/deps.ts";
import { loadResume } from "../loaders.ts";
import { type ResumeView, toResumeView } from "./view.ts";

export async function getResume({ ctx, id }: { ctx: TenantContext; id: string }): Promise<ResumeView> {
  return toResumeView(await loadResume(ctx, id));
}
