import { extractResumeText } from "@hireloop/resume-core/documents";
import { json } from "@hireloop/testkit/client";
import { resumeFile, textFixture, upload } from "@hireloop/testkit/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCell, type TestCell, waitForWorkflow } from "./support/cell.ts";

let cell: TestCell;
beforeAll(async () => {
  cell = await startTestCell();
});
afterAll(async () => {
  await cell?.close();
});

describe("a job seeker from upload to a tailored resume", () => {
  it("uploads, analyzes, matches, tailors and downloads a PDF with their name and matching skills", async () => {
    const alice = cell.as("alice");
    const resumeRes = await alice("/v1/resumes", json({ text: textFixture("resume.txt") }));
    expect(resumeRes.status).toBe(201);
    expect(resumeRes.headers.get("x-hl-cell")).toBe("us-east-1");
    const resume = await resumeRes.json();
    expect(resume.sections.contact.name).toBe("Dana Whitfield");
    expect(resume.sections.contact.email).toBe("dana.whitfield@example.com");
    expect(resume.sections.experience.map((e: { company: string }) => e.company)).toEqual([
      "Ledgerly",
      "Brightpath Health",
    ]);

    const jobRes = await alice("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
    expect(jobRes.status).toBe(201);
    const job = await jobRes.json();
    expect(job.analysis.requiredSkills).toEqual(
      expect.arrayContaining(["TypeScript", "PostgreSQL", "Kafka"]),
    );
    expect(job.analysis.yearsOfExperience).toBe(5);

    const matchRes = await alice("/v1/matches", json({ resumeId: resume.id, jobId: job.id }));
    expect(matchRes.status).toBe(200);
    const match = await matchRes.json();
    expect(match.score).toBeGreaterThan(40);
    expect(match.missingKeywords).toContain("Kubernetes");
    const { keywordCoverage, skillsCoverage, roleFit, fieldFit, experienceFit, sectionCompleteness } =
      match.breakdown;
    expect(match.score).toBe(
      Math.round(
        0.25 * keywordCoverage +
          0.2 * skillsCoverage +
          0.15 * roleFit +
          0.25 * fieldFit +
          0.1 * experienceFit +
          0.05 * sectionCompleteness,
      ),
    );
    const advice = match.suggestions as Array<{ text: string; reason: string; section: string }>;
    expect(advice.map((suggestion) => suggestion.text).join(" ")).toMatch(/Kubernetes/);
    expect(advice.every((suggestion) => suggestion.reason !== "" && suggestion.section !== "")).toBe(true);

    const started = await alice(
      "/v1/tailorings",
      json({ resumeId: resume.id, jobId: job.id, format: "pdf" }),
    );
    expect(started.status).toBe(202);
    const { workflowId } = await started.json();
    const done = await waitForWorkflow(alice, workflowId);
    expect(done).toMatchObject({ status: "succeeded", progress: 100 });
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([
      ["analyze", "succeeded"],
      ["tailor", "succeeded"],
      ["render", "succeeded"],
    ]);

    const tailoringRes = await alice(`/v1/tailorings/${done.tailoringId}`);
    expect(tailoringRes.status).toBe(200);
    const tailoring = await tailoringRes.json();
    expect(tailoring).toMatchObject({
      id: done.tailoringId,
      resumeId: resume.id,
      jobId: job.id,
      format: "pdf",
    });
    expect(tailoring.documentUrl).toBe(`/v1/tailorings/${done.tailoringId}/document`);
    const edits = tailoring.edits as Array<{
      section: string;
      before: string;
      after: string;
      reason: string;
    }>;
    expect(edits.length).toBeGreaterThan(0);
    for (const edit of edits) {
      expect(edit.before).not.toBe(edit.after);
      expect(edit.reason).toMatch(/job/);
    }

    const doc = await alice(tailoring.documentUrl);
    expect(doc.status).toBe(200);
    expect(doc.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await doc.arrayBuffer());
    const { kind, text } = await extractResumeText(bytes);
    expect(kind).toBe("pdf");
    for (const expected of ["Dana Whitfield", "TypeScript", "PostgreSQL", "Kafka", "Ledgerly"]) {
      expect(text).toContain(expected);
    }
  });

  it("parses PDF and DOCX uploads", async () => {
    const bob = cell.as("bob");
    const pdf = await bob(
      "/v1/resumes",
      upload(resumeFile("software-engineer.pdf"), "cv.pdf", "application/pdf"),
    );
    expect(pdf.status).toBe(201);
    const pdfBody = await pdf.json();
    expect(pdfBody.kind).toBe("pdf");
    expect(pdfBody.sections.skills.length).toBeGreaterThan(3);
    expect(pdfBody.sections.experience.length).toBeGreaterThan(0);

    const docx = await bob("/v1/resumes", upload(resumeFile("nurse.docx"), "cv.docx"));
    expect(docx.status).toBe(201);
    const docxBody = await docx.json();
    expect(docxBody.kind).toBe("docx");
    expect(docxBody.sections.experience.length).toBeGreaterThan(0);

    const again = await bob(`/v1/resumes/${docxBody.id}`);
    expect(await again.json()).toEqual(docxBody);
  });

  it("streams progress as server-sent events until the workflow ends", async () => {
    const carol = cell.as("carol");
    const resume = await (await carol("/v1/resumes", json({ text: textFixture("resume.txt") }))).json();
    const job = await (await carol("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).json();
    const { workflowId } = await (
      await carol("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id, format: "docx" }))
    ).json();
    const stream = await carol(`/v1/workflows/${workflowId}/events`);
    expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
    const body = await stream.text();
    const progress = [...body.matchAll(/event: progress\ndata: (.*)\n/g)].map((m) =>
      JSON.parse(m[1] ?? "{}"),
    );
    expect(progress.length).toBeGreaterThan(0);
    const last = progress[progress.length - 1];
    expect(last.status).toBe("succeeded");
    expect(body).toMatch(/event: end\ndata: \{"status":"succeeded"\}/);
    const percentages = progress.map((p) => p.progress);
    expect([...percentages].sort((a, b) => a - b)).toEqual(percentages);

    const doc = await carol(`/v1/tailorings/${last.tailoringId}/document`);
    expect(doc.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const { kind, text } = await extractResumeText(new Uint8Array(await doc.arrayBuffer()));
    expect(kind).toBe("docx");
    expect(text).toContain("Dana Whitfield");
  });

  it("serves the OpenAPI document and a docs page", async () => {
    const spec = await (await cell.request("/openapi.json")).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/v1/resumes",
        "/v1/jobs",
        "/v1/matches",
        "/v1/tailorings",
        "/v1/workflows/{id}",
      ]),
    );
    const docs = await cell.request("/docs");
    expect(await docs.text()).toContain('<script src="/docs/assets/start.js">');
    expect(await (await cell.request("/docs/assets/start.js")).text()).toContain("/openapi.json");
    expect((await cell.request("/docs/assets/swagger-ui-bundle.js")).status).toBe(200);
  });

  it("reports readiness of Postgres, Redis and Kafka and exposes metrics on the admin listener only", async () => {
    const ready = await cell.admin.request("/readyz");
    const body = await ready.json();
    expect(body.checks).toMatchObject({ postgres: { ok: true }, redis: { ok: true }, kafka: { ok: true } });
    expect(ready.status).toBe(200);
    const metrics = await (await cell.admin.request("/metrics")).text();
    expect(metrics).toMatch(/hl_http_request_duration_seconds_bucket\{[^}]*route="\/v1\/resumes"/);
    expect(metrics).toMatch(/hl_workflow_steps_total\{[^}]*step="render"[^}]*outcome="succeeded"/);
    // The API's port serves the router only: even a router-signed request finds no metrics there.
    for (const path of ["/metrics", "/readyz"]) expect((await cell.request(path)).status).toBe(404);
  });

  it("registers a user as a tenant of the cell on their first write, and counts them in its health", async () => {
    const newcomer = cell.as("newcomer-on-this-cell");
    const countOf = async () =>
      ((await (await cell.request("/healthz")).json()) as { tenants?: number }).tenants;
    const before = await (await newcomer("/v1/me")).json();
    expect(before).toEqual({
      userId: "newcomer-on-this-cell",
      cell: "us-east-1",
      region: "us-east",
      registeredAt: null,
    });
    await expect.poll(countOf).toBeTypeOf("number");
    const counted = await countOf();

    expect((await newcomer("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).status).toBe(201);
    const after = await (await newcomer("/v1/me")).json();
    expect(Date.parse(after.registeredAt)).toBeGreaterThan(Date.now() - 60_000);
    await expect.poll(countOf, { timeout: 5_000 }).toBe((counted ?? 0) + 1);
    expect((await newcomer("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).status).toBe(201);
    expect((await (await newcomer("/v1/me")).json()).registeredAt).toBe(after.registeredAt);
  });
});

describe("a job seeker finds jobs and gets a roast", () => {
  it("discovers postings for a query, analyzed and ranked by match against their resume", async () => {
    const bea = cell.as("bea");
    const resume = await (await bea("/v1/resumes", json({ text: textFixture("resume.txt") }))).json();
    const started = await bea("/v1/discoveries", json({ query: "backend engineer" }));
    expect(started.status).toBe(202);
    const done = await waitForWorkflow(bea, (await started.json()).workflowId);
    expect(done).toMatchObject({ kind: "discovery", status: "succeeded", progress: 100 });

    const discovery = await (await bea(`/v1/discoveries/${done.resultId}`)).json();
    expect(discovery).toMatchObject({ query: "backend engineer", resumeId: resume.id });
    expect(discovery.found).toBeGreaterThan(3);
    expect(discovery.boards.some((b: { status: string }) => b.status === "ok")).toBe(true);

    const page = await (await bea(`/v1/jobs?discoveryId=${done.resultId}&limit=100`)).json();
    expect(page.total).toBe(discovery.found);
    const scores = page.jobs.map((j: { matchScore: number }) => j.matchScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const [best] = page.jobs;
    expect(best).toMatchObject({ source: "discovery", matchedResumeId: resume.id });
    expect(best.title).toMatch(/engineer|developer/i);
    expect(best.posting.url).toMatch(/^https:\/\//);
    expect(best.analysis.requiredSkills.length).toBeGreaterThan(0);

    // The same postings found again are the same jobs, not copies.
    const again = await bea("/v1/discoveries", json({ query: "backend engineer" }));
    await waitForWorkflow(bea, (await again.json()).workflowId);
    const all = await (await bea("/v1/jobs?limit=100")).json();
    expect(all.total).toBe(discovery.found);
  });

  it("roasts a resume in each style", async () => {
    const cy = cell.as("cy");
    const resume = await (await cy("/v1/resumes", json({ text: textFixture("resume.txt") }))).json();
    const headlines = new Set<string>();
    for (const style of ["gentle", "honest", "savage"]) {
      const started = await cy("/v1/roasts", json({ resumeId: resume.id, style, mode: "rules" }));
      expect(started.status).toBe(202);
      const done = await waitForWorkflow(cy, (await started.json()).workflowId);
      expect(done).toMatchObject({ kind: "roast", status: "succeeded" });
      const roast = await (await cy(`/v1/roasts/${done.resultId}`)).json();
      expect(roast).toMatchObject({ style, resumeId: resume.id, provider: "rules" });
      expect(roast.points.length).toBeGreaterThan(0);
      // Each point names the bullets it is about, by the resume's own role and place.
      for (const point of roast.points as Array<{
        bullets: Array<{ role: number; index: number; text: string }>;
      }>) {
        expect(Array.isArray(point.bullets)).toBe(true);
        for (const ref of point.bullets)
          expect(resume.sections.experience[ref.role].bullets[ref.index]).toBe(ref.text);
      }
      expect(roast.score).toBeGreaterThanOrEqual(0);
      expect(roast.score).toBeLessThanOrEqual(10);
      headlines.add(roast.headline);
    }
    expect(headlines.size).toBe(3);

    expect((await cy("/v1/roasts", json({ resumeId: resume.id, style: "brutal" }))).status).toBe(400);
    const missing = await cy("/v1/roasts", json({ resumeId: "00000000-0000-4000-8000-000000000000" }));
    expect(missing.status).toBe(404);
  });
});
