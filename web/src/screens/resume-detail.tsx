import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api, type Resume, unwrap } from "../api/client.ts";
import { Chips } from "./chips.tsx";
import { ErrorMessage } from "./error-message.tsx";
import { ResumeEditor } from "./resume-editor.tsx";

/** One parsed resume, section by section, so its owner can check what was read. */
export function ResumeDetail() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [editing, setEditing] = useState(false);
  const resume = useQuery({
    queryKey: ["resumes", id],
    queryFn: () => unwrap(api.GET("/v1/resumes/{id}", { params: { path: { id } } })),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/v1/resumes/{id}", { params: { path: { id } } })),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ["resumes"] });
      navigate("/resumes");
    },
  });

  if (resume.isPending) return <p aria-busy="true">Loading the resume…</p>;
  if (resume.isError) {
    return (
      <>
        <ErrorMessage error={resume.error} />
        <Link to="/resumes">Back to your resumes</Link>
      </>
    );
  }
  return (
    <article aria-labelledby="resume-heading">
      <header>
        <Link to="/resumes">← Your resumes</Link>
        <h1 id="resume-heading">{resume.data.sections.contact.name || "(no name found)"}</h1>
        <small>
          {resume.data.filename ?? "pasted text"} · version {resume.data.version}
        </small>
      </header>
      {editing ? (
        <ResumeEditor resume={resume.data} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Sections resume={resume.data} />
          <button type="button" onClick={() => setEditing(true)}>
            Correct what was read
          </button>
        </>
      )}
      <footer>
        {remove.isError && <ErrorMessage error={remove.error} />}
        <button
          type="button"
          className="secondary"
          aria-busy={remove.isPending}
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm("Delete this resume and its documents? This cannot be undone."))
              remove.mutate();
          }}
        >
          Delete this resume
        </button>
      </footer>
    </article>
  );
}

function Sections({ resume }: { resume: Resume }) {
  const { contact, summary, skills, experience, education, otherSections } = resume.sections;
  const contactLines = [contact.headline, contact.email, contact.phone, contact.location, ...contact.links];
  return (
    <>
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">Contact</h2>
        <Listed
          items={contactLines.filter((line): line is string => Boolean(line))}
          empty="No contact details found."
        />
      </section>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <p>{summary || "No summary found."}</p>
      </section>
      <section aria-labelledby="skills-heading">
        <h2 id="skills-heading">Skills</h2>
        <Chips items={skills} empty="No skills found." />
      </section>
      <section aria-labelledby="experience-heading">
        <h2 id="experience-heading">Experience</h2>
        {experience.length === 0 && <p>No experience found.</p>}
        {experience.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no ids; their order is their identity
          <article key={index} className="entry">
            <h3>
              {entry.title || "(no title)"}
              {entry.company && <span className="muted"> · {entry.company}</span>}
              {entry.kind && <span className="muted"> ({entry.kind})</span>}
            </h3>
            <small>
              {[entry.startDate, entry.endDate].filter(Boolean).join(" – ")} {entry.location}
            </small>
            <Listed items={entry.bullets} empty="" />
          </article>
        ))}
      </section>
      <section aria-labelledby="education-heading">
        <h2 id="education-heading">Education</h2>
        {education.length === 0 && <p>No education found.</p>}
        {education.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no ids; their order is their identity
          <article key={index} className="entry">
            <h3>{entry.degree ? `${entry.degree} · ${entry.institution}` : entry.institution}</h3>
            <small>{[entry.startDate, entry.endDate].filter(Boolean).join(" – ")}</small>
            <Listed items={entry.details} empty="" />
          </article>
        ))}
      </section>
      {Object.entries(otherSections).map(([heading, lines]) => (
        <section key={heading} aria-label={heading}>
          <h2>{heading}</h2>
          <Listed items={lines} empty="" />
        </section>
      ))}
    </>
  );
}

function Listed({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return empty ? <p>{empty}</p> : null;
  return (
    <ul>
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat; their order is their identity
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
