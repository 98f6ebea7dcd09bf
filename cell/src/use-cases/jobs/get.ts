import type { TenantContext } from "../../wiring/deps.ts";
import { loadJob } from "../loaders.ts";
import { type JobView, toJobView } from "./view.ts";

export async function getJob({ ctx, id }: { ctx: TenantContext; id: string }): Promise<JobView> {
  return toJobView(await loadJob(ctx, id));
}
