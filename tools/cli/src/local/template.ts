/**
 * Fills `{{name}}` placeholders. Strict both ways: a placeholder without a value, or a value no
 * placeholder uses, is a mistake in the template or the process table, so it throws.
 */
export function renderTemplate(template: string, values: Record<string, string>): string {
  const used = new Set<string>();
  const rendered = template.replace(/\{\{(\w+)\}\}/g, (_placeholder, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template placeholder {{${key}}} has no value`);
    used.add(key);
    return value;
  });
  const unused = Object.keys(values).filter((key) => !used.has(key));
  if (unused.length > 0) throw new Error(`template has no placeholder for ${unused.join(", ")}`);
  return rendered;
}
