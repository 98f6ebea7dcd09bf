import { readFileSync } from "node:fs";

/**
 * The skills taxonomy: data, not code. One JSON file per field of work in `taxonomy/` at the
 * package root, each with a version that is raised whenever its skills change, so an analysis can
 * say which taxonomy it was made with (`taxonomyVersion`). The files are read once, at load, and
 * checked here; a malformed file stops the process at start rather than skewing every match.
 */

export interface SkillDefinition {
  /** The canonical name, as the platform displays it. */
  name: string;
  /**
   * Other ways people write the same skill, matched case-insensitively. Never a broader or narrower
   * skill. A form naming two skills at once ("UX/UI") is listed under both.
   */
  aliases?: string[];
  /**
   * Forms that are also everyday words ("Go", "Excel", "Epic"), matched only with this exact casing.
   * When the canonical name itself is such a word it is listed here and is then case-sensitive too.
   */
  exact?: string[];
  /**
   * Exact-case forms too ambiguous to trust alone ("C" in "Hepatitis C", "Word" in "Word of mouth"):
   * they count only next to another skill, as in "C, C++, Python".
   */
  listed?: string[];
}

/** The fields of work, in the order their skills are indexed; "general" holds what every field lists. */
export const FIELDS = [
  "software",
  "data",
  "healthcare",
  "finance",
  "education",
  "marketing",
  "engineering",
  "trades",
  "logistics",
  "hospitality",
  "design",
  "legal",
  "science",
  "social",
  "public",
  "general",
] as const;

export type Field = (typeof FIELDS)[number];

interface TaxonomyFile {
  field: Field;
  version: number;
  about: string;
  skills: SkillDefinition[];
}

const isStringList = (value: unknown) =>
  value === undefined ||
  (Array.isArray(value) && value.every((item) => typeof item === "string" && item !== ""));

function isSkill(value: unknown): value is SkillDefinition {
  if (typeof value !== "object" || value === null) return false;
  const { name, aliases, exact, listed, ...rest } = value as Record<string, unknown>;
  return (
    typeof name === "string" &&
    name.trim() !== "" &&
    isStringList(aliases) &&
    isStringList(exact) &&
    isStringList(listed) &&
    Object.keys(rest).length === 0
  );
}

/** Reads and checks one field's file; throws naming the file and what is wrong with it. */
export function readTaxonomyFile(field: Field, text: string): TaxonomyFile {
  const where = `taxonomy/${field}.json`;
  const data = JSON.parse(text) as Partial<TaxonomyFile>;
  if (data.field !== field) throw new Error(`${where}: "field" must be "${field}"`);
  if (!Number.isInteger(data.version) || (data.version ?? 0) < 1)
    throw new Error(`${where}: "version" must be a positive integer`);
  if (!Array.isArray(data.skills)) throw new Error(`${where}: "skills" must be a list`);
  const bad = data.skills.findIndex((skill) => !isSkill(skill));
  if (bad >= 0) throw new Error(`${where}: skill ${bad} needs a name and only aliases, exact, listed lists`);
  return data as TaxonomyFile;
}

const files = FIELDS.map((field) =>
  readTaxonomyFile(field, readFileSync(new URL(`../taxonomy/${field}.json`, import.meta.url), "utf8")),
);

/** Every file's field and version, as in "software@3 healthcare@1 …": stamps what read a job. */
export const taxonomyVersion = files.map(({ field, version }) => `${field}@${version}`).join(" ");

export const skillTaxonomy: readonly SkillDefinition[] = files.flatMap((file) => file.skills);

/** The field of work of each skill, by canonical name (the first field that lists it). */
export const fieldOfSkill: ReadonlyMap<string, Field> = new Map(
  files.flatMap(({ field, skills }) => skills.map((skill): [string, Field] => [skill.name, field])).reverse(),
);
