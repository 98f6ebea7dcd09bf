/**
 * Skills as written, split on commas, semicolons, pipes and bullets. Category labels
 * ("Languages: Python, Go", or "Languages" over its bulleted items) are dropped; commas inside parentheses do not split
 * ("EHR (Epic, Cerner)").
 */
export function parseSkillList(lines: string[]): string[] {
  const skills: string[] = [];
  const seen = new Set<string>();
  for (const [index, rawLine] of lines.entries()) {
    if (isGroupLabel(rawLine, lines[index + 1])) continue;
    const line = rawLine.replace(/^- /, "").replace(/^[\p{L}][\p{L}\d &/+-]{1,30}:\s+/u, "");
    for (const item of splitOutsideParentheses(line)) {
      // The lookbehind tries a trailing run only from its first character: one scan of a long run.
      const skill = item.replace(/^[\s\-–—*]+/, "").replace(/(?<![\s.])[\s.]+$/, "");
      if (skill === "" || seen.has(skill.toLowerCase())) continue;
      seen.add(skill.toLowerCase());
      skills.push(skill);
    }
  }
  return skills;
}

/**
 * "Languages" over "- Go", "- Java": a short line that is no list item of its own, right above
 * the items it names, is their group's label, not a skill.
 */
export function isGroupLabel(line: string, next: string | undefined): boolean {
  return (
    next?.startsWith("- ") === true &&
    !line.startsWith("- ") &&
    !/[,;|•·]/u.test(line) &&
    line.trim().split(/\s+/).length <= MAX_LABEL_WORDS
  );
}

const MAX_LABEL_WORDS = 4;

function splitOutsideParentheses(line: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of line) {
    if (char === "(" || char === "[") depth++;
    if ((char === ")" || char === "]") && depth > 0) depth--;
    if (depth === 0 && /[,;|•·]/u.test(char)) {
      items.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  items.push(current);
  return items;
}
