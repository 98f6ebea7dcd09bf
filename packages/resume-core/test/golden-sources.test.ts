import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENTS_DIR, loadJobSources, loadResumeSources, skillForms } from "../eval/golden/load.ts";
import { DOCX_LAYOUT, docxTableLabels, LIBREOFFICE_LAYOUT } from "../eval/render/docx.ts";
import { HTML_LAYOUTS } from "../eval/render/html.ts";
import type { ResumeLabels } from "../eval/render/labels.ts";

const resumes = loadResumeSources();
const jobs = loadJobSources();
const fold = (value: string) => value.normalize("NFC").toLowerCase().replace(/\s+/g, " ");
/** "2021-03" and "2019" as comparable numbers; "present" after every date. */
const order = (date: string) =>
  date === "present" ? 999_999 : Number(date.replace("-", "")) * (date.length === 4 ? 100 : 1);

describe("golden set sources", () => {
  it("has the breadth issue 13 asks for: 60 resumes, 8 professions, 30 jobs, other languages", () => {
    expect(resumes.length).toBeGreaterThanOrEqual(60);
    expect(new Set(resumes.map((resume) => resume.profession)).size).toBeGreaterThanOrEqual(8);
    expect(jobs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(resumes.map((resume) => resume.language))).toEqual(new Set(["en", "de", "es", "fr"]));
    expect(new Set(jobs.map((job) => job.form))).toEqual(new Set(["prose", "bullets"]));
    const kinds = new Set(resumes.flatMap((resume) => resume.experience.map((entry) => entry.kind)));
    expect(kinds).toEqual(new Set(["work", "volunteer", "campus", "internship"]));
  });

  it("names every resume, person and job once", () => {
    const ids = [...resumes, ...jobs].map((source) => source.id);
    expect(ids.length - new Set(ids).size).toBe(0);
    const names = resumes.map((resume) => fold(resume.name));
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it("gives each skill name at most one group of names read as the same skill", () => {
    const names = skillForms().flat().map(fold);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each(resumes.map((resume) => [resume.id, resume] as const))(
    "resume %s: fictional contact, dates in order",
    (_id, resume) => {
      expect(resume.contact.email).toMatch(/@([a-z0-9-]+\.)*example\.(com|org|net)$/);
      const backwards = [...resume.experience, ...resume.education].filter(
        (entry) =>
          entry.start !== undefined && entry.end !== undefined && order(entry.end) < order(entry.start),
      );
      expect(backwards).toEqual([]);
      expect(resume.experience.length).toBeGreaterThan(0);
    },
  );

  it.each(jobs.map((job) => [job.id, job] as const))("job %s: every label occurs in its text", (_id, job) => {
    const text = fold(job.text);
    const labels = [job.title, ...job.requiredSkills, ...job.niceToHaveSkills, ...job.responsibilities];
    if (job.salary !== null) labels.push(job.salary);
    expect(labels.filter((label) => !text.includes(fold(label)))).toEqual([]);
    expect(job.requiredSkills.length).toBeGreaterThan(0);
  });
});

describe("golden set documents", () => {
  const sources = new Map(resumes.map((resume) => [resume.id, resume]));
  const printed: Array<[string, string, (source: (typeof resumes)[number]) => ResumeLabels]> = [
    ...HTML_LAYOUTS.map(
      (layout) =>
        [layout.name, "pdf", (source: (typeof resumes)[number]) => layout.render(source).labels] as [
          string,
          string,
          (source: (typeof resumes)[number]) => ResumeLabels,
        ],
    ),
    [DOCX_LAYOUT, "docx", docxTableLabels],
    [LIBREOFFICE_LAYOUT, "pdf", docxTableLabels],
  ];
  it("has a folder for each printed layout and nothing else", () => {
    expect(new Set(readdirSync(DOCUMENTS_DIR))).toEqual(new Set(printed.map(([name]) => name)));
  });
  it.each(printed)(
    "%s: a .%s for every resume, its labels those its layout writes from the source",
    (name, extension, labelsOf) => {
      const dir = join(DOCUMENTS_DIR, name);
      const ids = readdirSync(dir)
        .filter((file) => file.endsWith(`.${extension}`))
        .map((file) => file.slice(0, -extension.length - 1));
      expect(new Set(ids)).toEqual(new Set(sources.keys()));
      for (const id of ids) {
        const source = sources.get(id);
        if (!source) throw new Error(`${name}/${id}.${extension} has no source`);
        expect(JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8")), id).toEqual(labelsOf(source));
      }
    },
  );
});
