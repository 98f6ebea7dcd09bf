import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const DEFAULT_DIR = fileURLToPath(new URL("../prompts", import.meta.url));
const FILE_NAME = /^(?<name>[a-z][a-z0-9-]*)\.v(?<version>\d+)\.md$/;

export interface Prompt {
  /** e.g. "tailor-resume.v1": reported in Usage.promptVersion and part of every cache key. */
  version: string;
  system: string;
}

export interface PromptLibrary {
  get(name: string): Prompt;
}

/**
 * Prompts are files named `<name>.v<N>.md`; the highest N of each name is used. A prompt change is
 * a new file, so answers cached under the old version are never served for the new one.
 */
export function loadPrompts(dir = DEFAULT_DIR): PromptLibrary {
  const latest = new Map<string, { number: number; prompt: Prompt }>();
  for (const file of readdirSync(dir)) {
    const match = FILE_NAME.exec(file);
    if (!match?.groups) continue;
    const { name = "", version = "0" } = match.groups;
    const number = Number(version);
    if ((latest.get(name)?.number ?? -1) >= number) continue;
    const system = readFileSync(join(dir, file), "utf8").trim();
    latest.set(name, { number, prompt: { version: `${name}.v${number}`, system } });
  }
  return {
    get(name) {
      const found = latest.get(name);
      if (!found) throw new Error(`no prompt file ${name}.v<N>.md in ${dir}`);
      return found.prompt;
    },
  };
}
