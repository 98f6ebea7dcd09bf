import { check, group, sleep } from "k6";
import http, { type RefinedResponse, type ResponseType } from "k6/http";
import { Counter, Rate, Trend } from "k6/metrics";
import { bodyOf, call } from "./api.ts";
import type { Session } from "./users.ts";

// Read once per VU in the init context; paths are relative to the bundle in load-tests/dist/.
const resumePdf = open("../../packages/resume-core/test/fixtures/files/software-engineer.pdf", "b");
const jobText = open("../../packages/testkit/fixtures/job-backend.txt");

/** 1 for a journey that reached its last step, 0 for one that stopped early. */
export const journeysCompleted = new Rate("journeys_completed");
/** Answers "your cell is unavailable" (503 cell_unavailable): expected only while a cell is stopped. */
export const cellUnavailable = new Counter("cell_unavailable_answers");
/** Work refused with 503 overloaded (the platform shedding load it cannot take yet). */
export const overloaded = new Counter("overloaded_answers");
/** From a workflow's 202 to its success, by kind: what a user waits for a tailoring, discovery or roast. */
export const workflowDuration = new Trend("workflow_duration", true);

/** How long a journey waits for one workflow before calling it stuck. */
const WORKFLOW_DEADLINE_MS = 120_000;
const POLL_INTERVAL_S = 0.5;

type Answer = RefinedResponse<ResponseType>;
interface Created {
  id: string;
}
interface Started {
  workflowId: string;
}
interface WorkflowSnapshot {
  status: string;
  resultId: string | null;
  error: { code: string } | null;
}

/**
 * Checks `answer` has `status`. A 503 is counted by its code: `overloaded` is the platform
 * refusing work it cannot take yet (a deliberate answer, which must say when to retry; the
 * journey stops there), `cell_unavailable` a stopped cell.
 */
function expectStatus(answer: Answer, status: number, what: string): boolean {
  const refusal = answer.status === 503 ? bodyOf<{ code?: string }>(answer)?.code : undefined;
  if (refusal === "cell_unavailable") cellUnavailable.add(1);
  if (refusal === "overloaded") {
    overloaded.add(1);
    check(answer, { "an overload refusal says when to retry": (a) => Number(a.headers["Retry-After"]) > 0 });
    return false;
  }
  return check(answer, { [`${what}: ${status}`]: (a) => a.status === status });
}

/** Polls a workflow until it settles; its result id on success. */
function awaitWorkflow(session: Session, kind: string, workflowId: string): string | undefined {
  const started = Date.now();
  while (Date.now() - started < WORKFLOW_DEADLINE_MS) {
    const answer = call(session, "GET", "/v1/workflows/{id}", { params: { id: workflowId } });
    if (!expectStatus(answer, 200, `${kind} workflow read`)) return undefined;
    const workflow = bodyOf<WorkflowSnapshot>(answer);
    if (workflow?.status === "succeeded" && workflow.resultId) {
      workflowDuration.add(Date.now() - started, { kind });
      return workflow.resultId;
    }
    if (workflow?.status !== "queued" && workflow?.status !== "running") {
      check(workflow, { [`${kind} workflow succeeded`]: () => false });
      return undefined;
    }
    sleep(POLL_INTERVAL_S);
  }
  check(null, { [`${kind} workflow settled within ${WORKFLOW_DEADLINE_MS / 1000} s`]: () => false });
  return undefined;
}

/** Starts a workflow (202) and waits for what it makes. */
function runWorkflow(session: Session, kind: string, route: string, input: unknown, key: string) {
  const answer = call(session, "POST", route, { json: input, headers: { "idempotency-key": key } });
  if (!expectStatus(answer, 202, `${kind} accepted`)) return undefined;
  const started = bodyOf<Started>(answer);
  return started ? awaitWorkflow(session, kind, started.workflowId) : undefined;
}

function created(answer: Answer, what: string): string | undefined {
  return expectStatus(answer, 201, what) ? bodyOf<Created>(answer)?.id : undefined;
}

/** The steps of a job seeker's visit, each a k6 group (its duration is the step's latency). */
export const steps = {
  signIn: (session: Session) =>
    group("sign in", () => expectStatus(call(session, "GET", "/v1/me"), 200, "me")),
  upload: (session: Session) =>
    group("upload", () =>
      created(
        call(session, "POST", "/v1/resumes", {
          form: { file: http.file(resumePdf, "resume.pdf", "application/pdf") },
        }),
        "resume uploaded",
      ),
    ),
  postJob: (session: Session) =>
    group("job", () => created(call(session, "POST", "/v1/jobs", { json: { text: jobText } }), "job posted")),
  match: (session: Session, resumeId: string, jobId: string) =>
    group("match", () => {
      const answer = call(session, "POST", "/v1/matches", { json: { resumeId, jobId } });
      return (
        expectStatus(answer, 200, "match") &&
        check(bodyOf<{ score?: unknown }>(answer), {
          "match has a score": (m) => typeof m?.score === "number",
        })
      );
    }),
  tailor: (session: Session, resumeId: string, jobId: string, journeyKey: string) =>
    group("tailor", () =>
      runWorkflow(
        session,
        "tailoring",
        "/v1/tailorings",
        { resumeId, jobId, format: "pdf" },
        `tailor-${journeyKey}`,
      ),
    ),
  download: (session: Session, tailoringId: string) =>
    group("download", () => {
      const answer = call(session, "GET", "/v1/tailorings/{id}/document", {
        params: { id: tailoringId },
        responseType: "binary",
      });
      return (
        expectStatus(answer, 200, "document") &&
        check(answer, {
          "document is a PDF": (a) => String(a.headers["Content-Type"]).startsWith("application/pdf"),
        })
      );
    }),
  discover: (session: Session, resumeId: string, journeyKey: string) =>
    group("discovery", () => {
      const discoveryId = runWorkflow(
        session,
        "discovery",
        "/v1/discoveries",
        { query: "backend engineer", resumeId },
        `discover-${journeyKey}`,
      );
      if (!discoveryId) return false;
      const answer = call(session, "GET", "/v1/jobs?discoveryId={id}&limit=5", {
        params: { id: discoveryId },
      });
      return expectStatus(answer, 200, "discovered jobs");
    }),
  roast: (session: Session, resumeId: string, journeyKey: string) =>
    group("roast", () => {
      const roastId = runWorkflow(
        session,
        "roast",
        "/v1/roasts",
        { resumeId, style: "honest", mode: "rules" },
        `roast-${journeyKey}`,
      );
      if (!roastId) return false;
      return expectStatus(call(session, "GET", "/v1/roasts/{id}", { params: { id: roastId } }), 200, "roast");
    }),
};

/**
 * A job seeker's whole visit: sign in, upload a resume, post a job, score the match, tailor the
 * resume and download it, discover jobs, ask for a roast. Stops at the first step that fails (the
 * later ones need its result); `journeyKey` makes this journey's idempotency keys its own.
 */
export function userJourney(session: Session, journeyKey: string): boolean {
  const completed = (() => {
    if (!steps.signIn(session)) return false;
    const resumeId = steps.upload(session);
    if (!resumeId) return false;
    const jobId = steps.postJob(session);
    if (!jobId || !steps.match(session, resumeId, jobId)) return false;
    const tailoringId = steps.tailor(session, resumeId, jobId, journeyKey);
    if (!tailoringId || !steps.download(session, tailoringId)) return false;
    return steps.discover(session, resumeId, journeyKey) && steps.roast(session, resumeId, journeyKey);
  })();
  journeysCompleted.add(completed ? 1 : 0);
  return completed;
}
