import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, unwrap } from "../api/client.ts";
import { ErrorMessage } from "./error-message.tsx";

/** A choice among the user's resumes (the newest first), or none when `optional`. */
export function ResumePicker({
  value,
  onChange,
  label,
  optional = false,
}: {
  value: string;
  onChange: (resumeId: string) => void;
  label: string;
  optional?: boolean;
}) {
  const resumes = useQuery({ queryKey: ["resumes"], queryFn: () => unwrap(api.GET("/v1/resumes")) });
  if (resumes.isPending) return <p aria-busy="true">Loading your resumes…</p>;
  if (resumes.isError) return <ErrorMessage error={resumes.error} />;
  const list = resumes.data.resumes;
  if (list.length === 0) {
    return optional ? null : (
      <p>
        <Link to="/resumes">Upload a resume</Link> first.
      </p>
    );
  }
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)} required={!optional}>
        {optional ? <option value="">No resume</option> : <option value="">Choose a resume</option>}
        {list.map((resume) => (
          <option key={resume.id} value={resume.id}>
            {resume.name || resume.filename || resume.id}
          </option>
        ))}
      </select>
    </label>
  );
}
