/** A resume's ETag is its version, quoted: "3". */
export const RESUME_ETAG = {
  description: 'The resume\'s version, quoted ("3"): send it back as If-Match when correcting',
  schema: { type: "string" as const, pattern: '^"[0-9]+"$' },
};

/**
 * The version an If-Match header names ("3", or weak W/"3"). Anything else names no version the
 * resume has, so it fails the precondition (412), as HTTP has it for an ETag that does not match.
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const version = /^(?:W\/)?"([1-9][0-9]{0,8})"$/.exec(header.trim())?.[1];
  return version === undefined ? 0 : Number(version);
}
