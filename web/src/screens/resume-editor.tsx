import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, type Resume, unwrap } from "../api/client.ts";
import { ErrorMessage } from "./error-message.tsx";

type Sections = Resume["sections"];
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Corrections to what was parsed: contact, summary, skills, and each role and school. Saved as one
 * new version; if the resume changed meanwhile (another tab), the save is refused rather than lost.
 */
export function ResumeEditor({ resume, onDone }: { resume: Resume; onDone: () => void }) {
  const queries = useQueryClient();
  const [draft, setDraft] = useState<Sections>(resume.sections);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/v1/resumes/{id}", {
          params: { path: { id: resume.id }, header: { "if-match": `"${resume.version}"` } },
          body: {
            contact: draft.contact,
            summary: draft.summary,
            skills: draft.skills,
            experience: draft.experience,
            education: draft.education,
          },
        }),
      ),
    onSuccess: async (saved) => {
      queries.setQueryData(["resumes", resume.id], saved);
      await queries.invalidateQueries({ queryKey: ["resumes"], exact: true });
      onDone();
    },
  });
  const contact = (field: "name" | "email" | "phone" | "location", value: string) =>
    setDraft({ ...draft, contact: { ...draft.contact, [field]: value } });
  const role = (index: number, change: Partial<Sections["experience"][number]>) =>
    setDraft({
      ...draft,
      experience: draft.experience.map((entry, i) => (i === index ? { ...entry, ...change } : entry)),
    });
  const school = (index: number, change: Partial<Sections["education"][number]>) =>
    setDraft({
      ...draft,
      education: draft.education.map((entry, i) => (i === index ? { ...entry, ...change } : entry)),
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} aria-labelledby="edit-heading">
      <h2 id="edit-heading">Correct what was read</h2>
      <fieldset>
        <legend>Contact</legend>
        {(["name", "email", "phone", "location"] as const).map((field) => (
          <label key={field}>
            {field[0]?.toUpperCase() + field.slice(1)}
            <input
              value={draft.contact[field] ?? ""}
              onChange={(event) => contact(field, event.target.value)}
            />
          </label>
        ))}
      </fieldset>
      <label>
        Summary
        <textarea
          value={draft.summary}
          rows={4}
          onChange={(event) => setDraft({ ...draft, summary: event.target.value })}
        />
      </label>
      <label>
        Skills (one per line)
        <textarea
          value={draft.skills.join("\n")}
          rows={6}
          onChange={(event) => setDraft({ ...draft, skills: lines(event.target.value) })}
        />
      </label>
      {draft.experience.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no ids; their order is their identity
        <fieldset key={index}>
          <legend>Role {index + 1}</legend>
          <label>
            Title
            <input value={entry.title} onChange={(event) => role(index, { title: event.target.value })} />
          </label>
          <label>
            Company
            <input value={entry.company} onChange={(event) => role(index, { company: event.target.value })} />
          </label>
          <div className="grid">
            <label>
              From
              <input
                value={entry.startDate ?? ""}
                onChange={(event) => role(index, { startDate: event.target.value })}
              />
            </label>
            <label>
              To
              <input
                value={entry.endDate ?? ""}
                onChange={(event) => role(index, { endDate: event.target.value })}
              />
            </label>
          </div>
          <label>
            Bullets (one per line)
            <textarea
              value={entry.bullets.join("\n")}
              rows={Math.max(3, entry.bullets.length + 1)}
              onChange={(event) => role(index, { bullets: lines(event.target.value) })}
            />
          </label>
        </fieldset>
      ))}
      {draft.education.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no ids; their order is their identity
        <fieldset key={index}>
          <legend>School {index + 1}</legend>
          <label>
            Institution
            <input
              value={entry.institution}
              onChange={(event) => school(index, { institution: event.target.value })}
            />
          </label>
          <label>
            Degree
            <input
              value={entry.degree ?? ""}
              onChange={(event) => school(index, { degree: event.target.value })}
            />
          </label>
        </fieldset>
      ))}
      {save.isError && <ErrorMessage error={save.error} />}
      <div className="grid">
        <button type="submit" aria-busy={save.isPending} disabled={save.isPending}>
          Save corrections
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
