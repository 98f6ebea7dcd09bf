import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** Second readings of the golden job posts: readings/<reader>/<job id>.json (see ../agreement.ts). */
export const READINGS_DIR = import.meta.dirname;

const readingSchema = z.strictObject({
  title: z.string().min(1),
  requiredSkills: z.array(z.string().min(1)),
  niceToHaveSkills: z.array(z.string().min(1)),
});

export type Reading = z.infer<typeof readingSchema>;

/** Each reader's readings by job id, validated; a file that does not fit throws with its name. */
export function loadReadings(): Map<string, Map<string, Reading>> {
  const readers = readdirSync(READINGS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return new Map(
    readers.map(({ name: reader }) => {
      const dir = join(READINGS_DIR, reader);
      const files = readdirSync(dir).filter((name) => name.endsWith(".json"));
      return [
        reader,
        new Map(
          files.map((file): [string, Reading] => {
            const path = join(dir, file);
            try {
              return [
                file.replace(/\.json$/, ""),
                readingSchema.parse(JSON.parse(readFileSync(path, "utf8"))),
              ];
            } catch (error) {
              throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
            }
          }),
        ),
      ];
    }),
  );
}
