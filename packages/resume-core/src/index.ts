/** The resume domain on text. Files and documents (extraction, rendering) are in ./documents.ts. */
export { analyzeJob } from "./analyze.ts";
export * from "./inventions.ts";
export { MATCH_WEIGHTS, matchResume, scoreMatch } from "./match.ts";
export {
  isCurrentProfile,
  type MatchProfile,
  profileResume,
} from "./match-profile.ts";
export { normalizeText } from "./normalize.ts";
export { parseResumeText, readResumeText } from "./parse.ts";
export { resumeToText } from "./resume-text.ts";
export { canonicalSkill, findSkills } from "./skills.ts";
export * from "./tailor.ts";
export { tailoringEdits } from "./tailoring-edits.ts";
export * from "./types.ts";
