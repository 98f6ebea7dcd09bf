import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api, type Match, unwrap } from "../api/client.ts";
import { Chips } from "./chips.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { ScoreChart } from "./score-chart.tsx";

const SECTION_NAMES: Record<Match["suggestions"][number]["section"], string> = {
  contact: "Contact",
  summary: "Summary",
  skills: "Skills",
  experience: "Experience",
  education: "Education",
};

/** The score of one resume against one job, why it is what it is, and the way to tailor. */
export function MatchPanel({ resumeId, jobId }: { resumeId: string; jobId: string }) {
  const match = useQuery({
    queryKey: ["match", resumeId, jobId],
    queryFn: () => unwrap(api.POST("/v1/matches", { body: { resumeId, jobId } })),
  });
  if (match.isPending) return <p aria-busy="true">Scoring your resume against the job…</p>;
  if (match.isError) return <ErrorMessage error={match.error} />;
  const { score, breakdown, matchedKeywords, missingKeywords, suggestions } = match.data;
  return (
    <>
      <p className="score">
        <strong>{score}</strong> / 100 match
      </p>
      <ScoreChart breakdown={breakdown} />
      <h3>Keywords your resume shows</h3>
      <Chips items={matchedKeywords} empty="None of the job's keywords yet." />
      <h3>Keywords it misses</h3>
      <Chips items={missingKeywords} empty="None: every keyword of the job is there." />
      <h3>Suggestions</h3>
      {suggestions.length === 0 && <p>No suggestions: the resume already covers what the job asks.</p>}
      <ol>
        {suggestions.map((suggestion) => (
          <li key={`${suggestion.section}-${suggestion.text}`}>
            <strong>{SECTION_NAMES[suggestion.section]}</strong>
            {suggestion.bullet && (
              <>
                {" "}
                (role {suggestion.bullet.role + 1}, bullet {suggestion.bullet.index + 1}:{" "}
                <q>{suggestion.bullet.text}</q>)
              </>
            )}
            : {suggestion.text} <small className="muted">{suggestion.reason}</small>
          </li>
        ))}
      </ol>
      <TailorForm resumeId={resumeId} jobId={jobId} />
    </>
  );
}

function TailorForm({ resumeId, jobId }: { resumeId: string; jobId: string }) {
  const navigate = useNavigate();
  const [format, setFormat] = useState<"pdf" | "docx">("pdf");
  // One key per form: a double click or a retry after a lost answer starts one tailoring, not two.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const tailor = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/v1/tailorings", {
          body: { resumeId, jobId, format },
          params: { header: { "idempotency-key": `${idempotencyKey}-${format}` } },
        }),
      ),
    onSuccess: (accepted) => navigate(`/tailorings/${accepted.workflowId}`),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        tailor.mutate();
      }}
    >
      <fieldset>
        <legend>Tailor this resume for the job</legend>
        <label>
          <input type="radio" name="format" checked={format === "pdf"} onChange={() => setFormat("pdf")} />{" "}
          PDF
        </label>
        <label>
          <input type="radio" name="format" checked={format === "docx"} onChange={() => setFormat("docx")} />{" "}
          Word (DOCX)
        </label>
      </fieldset>
      {tailor.isError && <ErrorMessage error={tailor.error} />}
      <button type="submit" aria-busy={tailor.isPending} disabled={tailor.isPending}>
        Tailor my resume
      </button>
    </form>
  );
}
