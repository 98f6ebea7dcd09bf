import { signedIn } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";

/** Ids of real resources the fuzzer's user owns, one or more of each kind the API hands out. */
export interface SeededIds {
  resumes: string[];
  jobs: string[];
  workflows: string[];
  tailorings: string[];
  roasts: string[];
  discoveries: string[];
}

/**
 * Makes one of everything through the router, as the README's walkthrough does: a resume, a job, a
 * finished tailoring, roast and discovery. Generated data alone never gets a resume accepted (random
 * text is not a resume), so without these the operations that need one would only ever see 404s.
 */
export async function seedResources(routerUrl: string, token: string): Promise<SeededIds> {
  const request = signedIn(routerUrl, async () => token, "owner");
  const created = async (path: string, body: unknown, status: number) => {
    const res = await request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== status) throw new Error(`seeding: POST ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const finished = async (workflowId: string) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const workflow = await (await request(`/v1/workflows/${workflowId}`)).json();
      if (workflow.status === "succeeded")
        return workflow as { tailoringId: string | null; resultId: string };
      if (workflow.status === "failed" || workflow.status === "cancelled" || Date.now() > deadline) {
        throw new Error(
          `seeding: workflow ${workflowId} ended ${workflow.status}: ${JSON.stringify(workflow)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const resume = await created("/v1/resumes", { text: textFixture("resume.txt") }, 201);
  const job = await created("/v1/jobs", { text: textFixture("job-backend.txt") }, 201);
  const [tailoring, roast, discovery] = await Promise.all(
    [
      created("/v1/tailorings", { resumeId: resume.id, jobId: job.id, format: "pdf" }, 202),
      created("/v1/roasts", { resumeId: resume.id, style: "honest" }, 202),
      created("/v1/discoveries", { query: "backend engineer", resumeId: resume.id }, 202),
    ].map(async (started) => {
      const workflowId = String((await started).workflowId);
      return { workflowId, result: (await finished(workflowId)).resultId };
    }),
  );
  if (!tailoring || !roast || !discovery) throw new Error("seeding: a workflow is missing");
  return {
    resumes: [String(resume.id)],
    jobs: [String(job.id)],
    workflows: [tailoring.workflowId, roast.workflowId, discovery.workflowId],
    tailorings: [tailoring.result],
    roasts: [roast.result],
    discoveries: [discovery.result],
  };
}

/**
 * schemathesis configuration that draws ids from the seeded resources half of the time (and
 * generates them the other half): per parameter name, and per operation for the `{id}` in paths.
 */
export function seededParameters(ids: SeededIds, probability = 0.5): string {
  const toml = (value: unknown) => JSON.stringify(value);
  const binding = (dictionary: keyof SeededIds) =>
    `{ dictionary = ${toml(dictionary)}, probability = ${probability} }`;
  const pathIds: [string, keyof SeededIds][] = [
    ["/v1/resumes/{id}", "resumes"],
    ["/v1/jobs/{id}", "jobs"],
    ["/v1/discoveries/{id}", "discoveries"],
    ["/v1/roasts/{id}", "roasts"],
    ["/v1/tailorings/{id}/document", "tailorings"],
    ["/v1/workflows/{id}", "workflows"],
    ["/v1/workflows/{id}/events", "workflows"],
    ["/v1/workflows/{id}/cancel", "workflows"],
  ];
  return [
    "[dictionaries]",
    ...Object.entries(ids).map(([kind, values]) => `${kind} = { values = ${toml(values)} }`),
    "",
    "[parameters]",
    `"body.resumeId" = ${binding("resumes")}`,
    `"body.jobId" = ${binding("jobs")}`,
    `"query.discoveryId" = ${binding("discoveries")}`,
    ...pathIds.flatMap(([path, kind]) => [
      "",
      "[[operations]]",
      `include-path = ${toml(path)}`,
      `parameters = { "path.id" = ${binding(kind)} }`,
    ]),
    "",
  ].join("\n");
}
