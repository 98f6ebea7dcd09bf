/**
 * What a text writes just before each match of a pattern: "IV therapy" before " certification",
 * "Certified Quality Auditor" before " (CQA)". Found in one pass and looked up by a term's last
 * word, so asking about every term of a text stays linear in it.
 */

export interface Preceded {
  /** The term as the text spells it, just before the match. */
  name: string;
  match: RegExpMatchArray;
}

/**
 * The places a term stands just before a match of `pattern` (global; its group 1 holds the words
 * before the match), case aside, as a whole word.
 */
export function precedingIn(text: string, pattern: RegExp): (term: string) => Preceded[] {
  const byLastWord = new Map<string, Array<{ before: string; match: RegExpMatchArray }>>();
  for (const match of text.matchAll(pattern)) {
    const before = ` ${match[1] ?? ""}`;
    const last = (before.split(" ").at(-1) ?? "").toLowerCase();
    const entries = byLastWord.get(last);
    if (entries === undefined) byLastWord.set(last, [{ before, match }]);
    else entries.push({ before, match });
  }
  return (term) => {
    const spaced = ` ${term.toLowerCase()}`;
    return (byLastWord.get(spaced.split(" ").at(-1) ?? "") ?? [])
      .filter(({ before }) => before.toLowerCase().endsWith(spaced))
      .map(({ before, match }) => ({ name: before.slice(before.length - term.length), match }));
  };
}
