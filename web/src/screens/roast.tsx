import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, type components, unwrap } from "../api/client.ts";
import { ErrorMessage } from "./error-message.tsx";
import { ResumePicker } from "./resume-picker.tsx";
import { useFollowedWorkflow, WorkflowProgress } from "./workflow-progress.tsx";

type Style = components["schemas"]["Roast"]["style"];
const STYLES: { style: Style; description: string }[] = [
  { style: "gentle", description: "Gentle: kind, with the fixes first" },
  { style: "honest", description: "Honest: what a recruiter would think" },
  { style: "savage", description: "Savage: no mercy, still true" },
];

/** A roast of a resume in the chosen style: what a reader will think, and how to fix it. */
export function RoastScreen() {
  const [resumeId, setResumeId] = useState("");
  const [style, setStyle] = useState<Style>("honest");
  const roast = useMutation({
    mutationFn: () => unwrap(api.POST("/v1/roasts", { body: { resumeId, style } })),
  });
  const { workflow, error } = useFollowedWorkflow(roast.data?.workflowId ?? null);

  function submit(event: FormEvent) {
    event.preventDefault();
    roast.mutate();
  }

  return (
    <>
      <h1>Roast my resume</h1>
      <form onSubmit={submit}>
        <ResumePicker value={resumeId} onChange={setResumeId} label="Resume" />
        <fieldset>
          <legend>Style</legend>
          {STYLES.map((option) => (
            <label key={option.style}>
              <input
                type="radio"
                name="style"
                checked={style === option.style}
                onChange={() => setStyle(option.style)}
              />{" "}
              {option.description}
            </label>
          ))}
        </fieldset>
        {roast.isError && <ErrorMessage error={roast.error} />}
        <button type="submit" aria-busy={roast.isPending} disabled={roast.isPending || resumeId === ""}>
          Roast it
        </button>
      </form>
      {roast.data && <WorkflowProgress workflow={workflow} error={error} label="Roast" retry="Try again." />}
      {workflow?.status === "succeeded" && workflow.resultId && <RoastView roastId={workflow.resultId} />}
    </>
  );
}

function RoastView({ roastId }: { roastId: string }) {
  const roast = useQuery({
    queryKey: ["roasts", roastId],
    queryFn: () => unwrap(api.GET("/v1/roasts/{id}", { params: { path: { id: roastId } } })),
  });
  if (roast.isPending) return <p aria-busy="true">Loading the roast…</p>;
  if (roast.isError) return <ErrorMessage error={roast.error} />;
  const { headline, score, points } = roast.data;
  return (
    <section aria-labelledby="roast-heading">
      <h2 id="roast-heading">{headline}</h2>
      <p className="score">
        <strong>{score}</strong> / 10
      </p>
      <ol>
        {points.map((point) => (
          <li key={`${point.section}-${point.remark}`}>
            <strong>{point.section}</strong>: {point.remark}
            <br />
            <small>Fix: {point.fix}</small>
            {point.bullets.length > 0 && (
              <ul>
                {point.bullets.map((bullet) => (
                  <li key={`${bullet.role}-${bullet.index}`}>
                    <q>{bullet.text}</q> <small className="muted">(role {bullet.role + 1})</small>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
