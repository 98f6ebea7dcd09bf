import { embeddingLevels, inDrawingOrder, RIGHT_TO_LEFT_LETTER } from "../unicode-bidi.ts";

/** A stretch of a line at one embedding level, its characters in reading order. */
export interface LevelRun {
  text: string;
  rightToLeft: boolean;
}

/**
 * A line of a left-to-right resume as the stretches to draw, left to right. Each stretch keeps its
 * reading order: a right-to-left one is drawn reversed and its letters joined by the font's shaping
 * (fontkit lays out Hebrew and Arabic right to left), so "Nurse at בית הדסה" reads as written. A
 * line with no right-to-left letter is one stretch.
 */
export function levelRuns(line: string): LevelRun[] {
  if (!RIGHT_TO_LEFT_LETTER.test(line)) return [{ text: line, rightToLeft: false }];
  const levels = embeddingLevels(line, "ltr");
  const runs: Array<{ start: number; end: number; level: number }> = [];
  for (let index = 0; index < line.length; index++) {
    const level = levels[index] ?? 0;
    const last = runs.at(-1);
    if (last !== undefined && last.level === level) last.end = index + 1;
    else runs.push({ start: index, end: index + 1, level });
  }
  // Whole stretches are put in drawing order: one stand-in character per stretch, at its level.
  const standIns = runs.map(({ level }) => (level % 2 === 1 ? "\u05D0" : level > 0 ? "1" : "a")).join("");
  return inDrawingOrder(standIns, runs, "ltr").map(({ start, end, level }) => ({
    text: line.slice(start, end),
    rightToLeft: level % 2 === 1,
  }));
}
