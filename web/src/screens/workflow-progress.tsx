import { useEffect, useState } from "react";
import { followWorkflow, type Workflow } from "../api/workflows.ts";
import { ErrorMessage } from "./error-message.tsx";

/** What each workflow step does, in words; a step not listed shows its name. */
const STEP_NAMES: Record<string, string> = {
  analyze: "Read the job",
  tailor: "Tailor the resume",
  render: "Write the document",
  search: "Search the job boards",
  score: "Rank the postings against your resume",
  roast: "Read your resume",
};

/** A workflow followed live from its id; null until its first state arrives. */
export function useFollowedWorkflow(workflowId: string | null) {
  const [workflow, setWorkflow] = useState<Workflow | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setWorkflow(null);
    setError(null);
    if (!workflowId) return;
    const stop = new AbortController();
    followWorkflow(workflowId, setWorkflow, stop.signal).catch((caught: unknown) => {
      if (!stop.signal.aborted) setError(caught);
    });
    return () => stop.abort();
  }, [workflowId]);
  return { workflow, error };
}

/** The bar, the steps as they advance, and on failure the code and what to do. */
export function WorkflowProgress({
  workflow,
  error,
  label,
  retry,
}: {
  workflow: Workflow | null;
  error: unknown;
  /** "Tailoring", "Search", …: names the bar for assistive technology. */
  label: string;
  /** What to do when it fails, in a sentence. */
  retry: string;
}) {
  if (error !== null) return <ErrorMessage error={error} />;
  if (workflow === null) return <p aria-busy="true">Starting…</p>;
  return (
    <div className="workflow">
      <progress value={workflow.progress} max={100} aria-label={`${label} progress`} />
      <p aria-live="polite">
        {workflow.status === "succeeded"
          ? "Done: 100 %"
          : workflow.status === "failed"
            ? `${label} failed.`
            : workflow.status === "cancelled"
              ? `${label} was cancelled.`
              : `${workflow.progress} %`}
      </p>
      <ol className="steps">
        {workflow.steps.map((step) => (
          <li key={step.name} data-status={step.status}>
            {STEP_NAMES[step.name] ?? step.name}: {step.status}
            {step.attempts > 1 && ` (attempt ${step.attempts})`}
            {step.usedFallback && " (with the built-in rules)"}
          </li>
        ))}
      </ol>
      {workflow.error && (
        <p role="alert" className="error">
          {workflow.error.message} <small className="code">({workflow.error.code})</small>. {retry}
        </p>
      )}
    </div>
  );
}
