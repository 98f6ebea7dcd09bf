import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, Route, Routes, useNavigate } from "react-router";
import { api, unwrap } from "../api/client.ts";
import { ErrorMessage } from "./error-message.tsx";
import { JobDetail } from "./job-detail.tsx";
import { TableHead } from "./table-head.tsx";

export function JobsScreen() {
  return (
    <Routes>
      <Route index element={<JobIndex />} />
      <Route path=":id" element={<JobDetail />} />
    </Routes>
  );
}

function JobIndex() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [text, setText] = useState("");
  const jobs = useQuery({ queryKey: ["jobs"], queryFn: () => unwrap(api.GET("/v1/jobs")) });
  const post = useMutation({
    mutationFn: (description: string) => unwrap(api.POST("/v1/jobs", { body: { text: description } })),
    onSuccess: async (job) => {
      await queries.invalidateQueries({ queryKey: ["jobs"] });
      navigate(`/jobs/${job.id}`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    post.mutate(text);
  }

  return (
    <>
      <h1>Jobs</h1>
      <form onSubmit={submit} aria-labelledby="post-job-heading">
        <h2 id="post-job-heading">Paste a job description</h2>
        <label>
          Job description
          <textarea
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={10}
            required
            placeholder="The whole posting: title, responsibilities, requirements…"
          />
        </label>
        {post.isError && <ErrorMessage error={post.error} />}
        <button type="submit" aria-busy={post.isPending} disabled={post.isPending || text.trim() === ""}>
          {post.isPending ? "Reading the job…" : "Analyze the job"}
        </button>
      </form>
      <section aria-labelledby="job-list-heading">
        <h2 id="job-list-heading">Your jobs</h2>
        {jobs.isPending && <p aria-busy="true">Loading your jobs…</p>}
        {jobs.isError && <ErrorMessage error={jobs.error} />}
        {jobs.data && jobs.data.jobs.length === 0 && <p>No jobs yet: paste one above.</p>}
        {jobs.data && jobs.data.jobs.length > 0 && (
          <table>
            <TableHead columns={["Title", "Company", "Match"]} />
            <tbody>
              {jobs.data.jobs.map((job) => (
                <tr key={job.id}>
                  <td>
                    <Link to={`/jobs/${job.id}`}>{job.title || "(untitled job)"}</Link>
                  </td>
                  <td>{job.posting?.company || "—"}</td>
                  <td>{job.matchScore === null ? "—" : `${job.matchScore} / 100`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
