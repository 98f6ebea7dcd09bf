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

export const skillTaxonomy: readonly SkillDefinition[] = [
  ...softwareSkills,
  ...healthcareSkills,
  ...financeSkills,
  ...educationSkills,
  ...marketingSkills,
  ...engineeringSkills,
  ...tradesSkills,
  ...logisticsSkills,
  ...hospitalitySkills,
  ...designSkills,
  ...generalSkills,
];
