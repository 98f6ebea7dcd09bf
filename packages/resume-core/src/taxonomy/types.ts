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
