import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../api/client.ts";
import { ErrorMessage } from "./error-message.tsx";
import { ResumePicker } from "./resume-picker.tsx";
import { useFollowedWorkflow, WorkflowProgress } from "./workflow-progress.tsx";

/** Search the job boards; the postings found come back analyzed and ranked against a resume. */
export function DiscoverScreen() {
  const [query, setQuery] = useState("");
  const [location, setLocation] = useState("");
  const [resumeId, setResumeId] = useState("");
  const search = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/v1/discoveries", {
          body: {
            query: query.trim(),
            ...(location.trim() ? { location: location.trim() } : {}),
            ...(resumeId ? { resumeId } : {}),
          },
        }),
      ),
  });
  const { workflow, error } = useFollowedWorkflow(search.data?.workflowId ?? null);

  function submit(event: FormEvent) {
    event.preventDefault();
    search.mutate();
  }

  return (
    <>
      <h1>Discover jobs</h1>
      <form onSubmit={submit}>
        <label>
          What job?
          <input value={query} onChange={(event) => setQuery(event.target.value)} required maxLength={200} />
        </label>
        <label>
          Where? (optional)
          <input value={location} onChange={(event) => setLocation(event.target.value)} maxLength={200} />
        </label>
        <ResumePicker value={resumeId} onChange={setResumeId} label="Rank against (optional)" optional />
        {search.isError && <ErrorMessage error={search.error} />}
        <button type="submit" aria-busy={search.isPending} disabled={search.isPending || query.trim() === ""}>
          Search
        </button>
      </form>
      {search.data && (
        <WorkflowProgress
          workflow={workflow}
          error={error}
          label="Search"
          retry="Search again in a minute."
        />
      )}
      {workflow?.status === "succeeded" && workflow.resultId && <Found discoveryId={workflow.resultId} />}
    </>
  );
}

function Found({ discoveryId }: { discoveryId: string }) {
  const discovery = useQuery({
    queryKey: ["discoveries", discoveryId],
    queryFn: () => unwrap(api.GET("/v1/discoveries/{id}", { params: { path: { id: discoveryId } } })),
  });
  const jobs = useQuery({
    queryKey: ["jobs", { discoveryId }],
    queryFn: () => unwrap(api.GET("/v1/jobs", { params: { query: { discoveryId, limit: 20 } } })),
  });
  return (
    <section aria-labelledby="found-heading">
      <h2 id="found-heading">
        {discovery.data ? `${discovery.data.found} postings found` : "Postings found"}
      </h2>
      {discovery.data && (
        <p>
          <small>
            {discovery.data.boards
              .map(
                (board) =>
                  `${board.board}: ${board.status} (${board.postings})${board.detail ? `, ${board.detail}` : ""}`,
              )
              .join(" · ")}
          </small>
        </p>
      )}
      {jobs.isError && <ErrorMessage error={jobs.error} />}
      {jobs.data && jobs.data.jobs.length === 0 && <p>Nothing matched: try a broader search.</p>}
      {jobs.data && jobs.data.jobs.length > 0 && (
        <ol>
          {jobs.data.jobs.map((job) => (
            <li key={job.id}>
              <Link to={`/jobs/${job.id}`}>{job.title}</Link>
              {job.posting && (
                <span className="muted">
                  {" "}
                  · {job.posting.company}
                  {job.posting.remote ? " · remote" : ""}
                </span>
              )}
              {job.matchScore !== null && <strong> — {job.matchScore} / 100</strong>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
