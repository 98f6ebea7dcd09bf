import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { api, type Tailoring, unwrap } from "../api/client.ts";
import { downloadBlob, saveBlob } from "../api/download.ts";
import { ErrorMessage } from "./error-message.tsx";
import { useFollowedWorkflow, WorkflowProgress } from "./workflow-progress.tsx";

const EDITED_SECTIONS: Record<Tailoring["edits"][number]["section"], string> = {
  summary: "Summary",
  skills: "Skills",
  experience: "Experience",
};

/** A tailoring as it runs (its steps advancing live), then what it changed and its document. */
export function TailoringScreen() {
  const { workflowId = "" } = useParams();
  const { workflow, error } = useFollowedWorkflow(workflowId);
  return (
    <article aria-labelledby="tailoring-heading">
      <h1 id="tailoring-heading">Tailoring</h1>
      <WorkflowProgress
        workflow={workflow}
        error={error}
        label="Tailoring"
        retry="Go back to the job and tailor again; if it fails again, the code tells support what happened."
      />
      {workflow?.status === "succeeded" && workflow.tailoringId && (
        <Result tailoringId={workflow.tailoringId} />
      )}
    </article>
  );
}

function Result({ tailoringId }: { tailoringId: string }) {
  const tailoring = useQuery({
    queryKey: ["tailorings", tailoringId],
    queryFn: () => unwrap(api.GET("/v1/tailorings/{id}", { params: { path: { id: tailoringId } } })),
  });
  if (tailoring.isPending) return <p aria-busy="true">Loading what changed…</p>;
  if (tailoring.isError) return <ErrorMessage error={tailoring.error} />;
  const { scoreBefore, scoreAfter, edits, jobId } = tailoring.data;
  return (
    <>
      <section aria-labelledby="result-heading">
        <h2 id="result-heading">Your tailored resume</h2>
        <p className="score">
          Match <strong>{scoreBefore}</strong> → <strong>{scoreAfter}</strong> / 100
        </p>
        <Document tailoring={tailoring.data} />
        <p>
          <Link to={`/jobs/${jobId}`}>Back to the job</Link>
        </p>
      </section>
      <section aria-labelledby="edits-heading">
        <h2 id="edits-heading">What changed</h2>
        {edits.length === 0 && <p>Nothing needed changing: the resume already fits the job.</p>}
        {edits.map((edit, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: edits have no ids; their order is their identity
          <article key={index} className="edit">
            <h3>
              {edit.section === "experience" && edit.role !== undefined
                ? `Experience, role ${edit.role + 1}`
                : EDITED_SECTIONS[edit.section]}
            </h3>
            <p>
              <span className="muted">Before:</span> <del>{edit.before || "(nothing)"}</del>
            </p>
            <p>
              <span className="muted">After:</span> <ins>{edit.after}</ins>
            </p>
            <p>
              <small>Why: {edit.reason}</small>
            </p>
          </article>
        ))}
      </section>
    </>
  );
}

function Document({ tailoring }: { tailoring: Tailoring }) {
  const document = useQuery({
    queryKey: ["tailorings", tailoring.id, "document"],
    queryFn: () => downloadBlob(tailoring.documentUrl),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!document.data || tailoring.format !== "pdf") return;
    const url = URL.createObjectURL(document.data);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [document.data, tailoring.format]);

  if (document.isError) return <ErrorMessage error={document.error} />;
  return (
    <>
      <button
        type="button"
        aria-busy={document.isPending}
        disabled={!document.data}
        onClick={() => document.data && saveBlob(document.data, tailoring.filename)}
      >
        Download {tailoring.format === "pdf" ? "PDF" : "Word document"}
      </button>
      {preview && <iframe className="preview" title="Your tailored resume" src={preview} />}
    </>
  );
}
