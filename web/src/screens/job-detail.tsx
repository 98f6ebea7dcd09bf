import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, type Job, unwrap } from "../api/client.ts";
import { Chips } from "./chips.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { MatchPanel } from "./match-panel.tsx";
import { ResumePicker } from "./resume-picker.tsx";

/** A job's analysis, and what to do with it: score a resume against it, then tailor. */
export function JobDetail() {
  const { id = "" } = useParams();
  const job = useQuery({
    queryKey: ["jobs", id],
    queryFn: () => unwrap(api.GET("/v1/jobs/{id}", { params: { path: { id } } })),
  });
  if (job.isPending) return <p aria-busy="true">Loading the job…</p>;
  if (job.isError) {
    return (
      <>
        <ErrorMessage error={job.error} />
        <Link to="/jobs">Back to your jobs</Link>
      </>
    );
  }
  return (
    <article aria-labelledby="job-heading">
      <header>
        <Link to="/jobs">← Your jobs</Link>
        <h1 id="job-heading">{job.data.title || "(untitled job)"}</h1>
        {job.data.posting?.company && <small>{job.data.posting.company}</small>}
      </header>
      <Analysis job={job.data} />
      <ResumeChoice jobId={job.data.id} />
    </article>
  );
}

function Analysis({ job }: { job: Job }) {
  const { seniority, yearsOfExperience, requiredSkills, niceToHaveSkills, responsibilities } = job.analysis;
  return (
    <section aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">What the job asks for</h2>
      <dl className="facts">
        <dt>Seniority</dt>
        <dd>{seniority === "unspecified" ? "not stated" : seniority}</dd>
        <dt>Years of experience</dt>
        <dd>{yearsOfExperience === null ? "not stated" : yearsOfExperience}</dd>
      </dl>
      <h3>Required skills</h3>
      <Chips items={requiredSkills} empty="None stated." />
      <h3>Nice to have</h3>
      <Chips items={niceToHaveSkills} empty="None stated." />
      {responsibilities.length > 0 && (
        <>
          <h3>Responsibilities</h3>
          <ul>
            {responsibilities.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ResumeChoice({ jobId }: { jobId: string }) {
  const resumes = useQuery({ queryKey: ["resumes"], queryFn: () => unwrap(api.GET("/v1/resumes")) });
  const [chosen, setChosen] = useState<string>("");
  if (resumes.isPending) return <p aria-busy="true">Loading your resumes…</p>;
  if (resumes.isError) return <ErrorMessage error={resumes.error} />;
  const list = resumes.data.resumes;
  if (list.length === 0) {
    return (
      <p>
        <Link to="/resumes">Upload a resume</Link> to see how well it matches this job.
      </p>
    );
  }
  const resumeId = chosen || (list[0]?.id ?? "");
  return (
    <section aria-labelledby="match-heading">
      <h2 id="match-heading">Your match</h2>
      <ResumePicker value={resumeId} onChange={setChosen} label="Resume" />
      <MatchPanel key={resumeId} resumeId={resumeId} jobId={jobId} />
    </section>
  );
}
