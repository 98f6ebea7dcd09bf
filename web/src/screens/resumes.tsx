import { useQuery } from "@tanstack/react-query";
import { Link, Route, Routes, useNavigate } from "react-router";
import { api, unwrap } from "../api/client.ts";
import { ErrorMessage } from "./error-message.tsx";
import { ResumeDetail } from "./resume-detail.tsx";
import { TableHead } from "./table-head.tsx";
import { UploadZone } from "./upload-zone.tsx";

export function ResumesScreen() {
  return (
    <Routes>
      <Route index element={<ResumeIndex />} />
      <Route path=":id" element={<ResumeDetail />} />
    </Routes>
  );
}

function ResumeIndex() {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ["resumes"], queryFn: () => unwrap(api.GET("/v1/resumes")) });
  return (
    <>
      <h1>Resumes</h1>
      <UploadZone onUploaded={(resume) => navigate(`/resumes/${resume.id}`)} />
      <section aria-labelledby="resume-list-heading">
        <h2 id="resume-list-heading">Your resumes</h2>
        {list.isPending && <p aria-busy="true">Loading your resumes…</p>}
        {list.isError && <ErrorMessage error={list.error} />}
        {list.data && list.data.resumes.length === 0 && <p>No resumes yet: upload one above.</p>}
        {list.data && list.data.resumes.length > 0 && (
          <table>
            <TableHead columns={["Name", "File", "Uploaded"]} />
            <tbody>
              {list.data.resumes.map((resume) => (
                <tr key={resume.id}>
                  <td>
                    <Link to={`/resumes/${resume.id}`}>{resume.name || "(no name found)"}</Link>
                  </td>
                  <td>{resume.filename ?? `pasted ${resume.kind}`}</td>
                  <td>{new Date(resume.createdAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
