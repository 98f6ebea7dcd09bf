import { designSkills } from "./design.ts";
import { educationSkills } from "./education.ts";
import { engineeringSkills } from "./engineering.ts";
import { financeSkills } from "./finance.ts";
import { generalSkills } from "./general.ts";
import { healthcareSkills } from "./healthcare.ts";
import { hospitalitySkills } from "./hospitality.ts";
import { logisticsSkills } from "./logistics.ts";
import { marketingSkills } from "./marketing.ts";
import { softwareSkills } from "./software.ts";
import { tradesSkills } from "./trades.ts";
import type { SkillDefinition } from "./types.ts";

export type { SkillDefinition } from "./types.ts";

/** The skills of each field of work; "general" holds those every field lists. */
const skillsByField = {
  software: softwareSkills,
  healthcare: healthcareSkills,
  finance: financeSkills,
  education: educationSkills,
  marketing: marketingSkills,
  engineering: engineeringSkills,
  trades: tradesSkills,
  logistics: logisticsSkills,
  hospitality: hospitalitySkills,
  design: designSkills,
  general: generalSkills,
} as const;

export type Field = keyof typeof skillsByField;

export const skillTaxonomy: readonly SkillDefinition[] = Object.values(skillsByField).flat();

/** The field of work of each skill, by canonical name (the first field that lists it). */
export const fieldOfSkill: ReadonlyMap<string, Field> = new Map(
  (Object.entries(skillsByField) as Array<[Field, SkillDefinition[]]>)
    .flatMap(([field, skills]) => skills.map((skill): [string, Field] => [skill.name, field]))
    .reverse(),
);
