import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useId, useState } from "react";
import type { Resume } from "../api/client.ts";
import { uploadResume } from "../api/upload.ts";
import { ErrorMessage } from "./error-message.tsx";

const ACCEPTED =
  ".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain";

/** Drop a file or choose one; the bar shows the upload, then the parsing, then the outcome. */
export function UploadZone({ onUploaded }: { onUploaded: (resume: Resume) => void }) {
  const inputId = useId();
  const queries = useQueryClient();
  const [sent, setSent] = useState(0);
  const [dragging, setDragging] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => {
      setSent(0);
      return uploadResume(file, setSent);
    },
    onSuccess: async (resume) => {
      await queries.invalidateQueries({ queryKey: ["resumes"] });
      onUploaded(resume);
    },
  });

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) upload.mutate(file);
  }

  return (
    <section aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>Upload a resume</h2>
      {/* Dropping is a shortcut for pointer users; the file input inside is the way for everyone. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
      <div
        className={dragging ? "dropzone dragging" : "dropzone"}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor={inputId}>
          Drop a PDF, Word (DOCX) or text file here, or choose one (at most 5 MB)
        </label>
        <input
          id={inputId}
          type="file"
          accept={ACCEPTED}
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) upload.mutate(file);
            event.target.value = "";
          }}
        />
        {upload.isPending && (
          <div aria-live="polite">
            <progress value={sent < 1 ? sent * 100 : undefined} max={100} aria-label="Upload progress" />
            <small>{sent < 1 ? `Uploading… ${Math.round(sent * 100)} %` : "Reading your resume…"}</small>
          </div>
        )}
        {upload.isError && <ErrorMessage error={upload.error} />}
      </div>
    </section>
  );
}
