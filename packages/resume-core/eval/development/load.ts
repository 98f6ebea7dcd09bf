import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** The development posts: <id>.txt beside its labels <id>.json (see ../development.ts). */
export const DEVELOPMENT_JOBS_DIR = join(import.meta.dirname, "jobs");

const labelsSchema = z.object({
  title: z.string().optional(),
  language: z.enum(["en", "de", "es", "fr"]),
  form: z.enum(["bullets", "prose"]),
  years: z.number().int().nullable().optional(),
  req: z.array(z.string()),
  nice: z.array(z.string()),
});

export type DevelopmentLabels = z.infer<typeof labelsSchema>;

/** Every development post with its labels, validated; a file that does not fit throws with its name. */
export function loadDevelopmentPosts(): Array<{ id: string; labels: DevelopmentLabels; text: string }> {
  return readdirSync(DEVELOPMENT_JOBS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => {
      const path = join(DEVELOPMENT_JOBS_DIR, file);
      try {
        return {
          id: file.replace(/\.json$/, ""),
          labels: labelsSchema.parse(JSON.parse(readFileSync(path, "utf8"))),
          text: readFileSync(path.replace(/\.json$/, ".txt"), "utf8"),
        };
      } catch (error) {
        throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}
