/**
 * What a shared service answers is made storable before the cell keeps it: text extracted from a
 * document or fetched from a job board can carry NUL characters (a PDF glyph with no Unicode
 * mapping) or unpaired surrogates, which Postgres refuses. Callers' own text is refused at the edge
 * instead (api/middleware/safe-text.ts); text the cell did not write is cleaned here: NULs dropped,
 * unpaired surrogates replaced by U+FFFD. Binary fields (documents) are left as they are.
 */
export function storableText<T>(message: T): T {
  const pending: unknown[] = [message];
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) continue;
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
    for (const [key, inner] of entries) {
      if (typeof inner === "string") (value as Record<string | number, unknown>)[key] = cleaned(inner);
      else pending.push(inner);
    }
  }
  return message;
}

function cleaned(text: string): string {
  return text.includes("\u0000") || !text.isWellFormed()
    ? text.replaceAll("\u0000", "").toWellFormed()
    : text;
}
