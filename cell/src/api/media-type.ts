/** A Content-Type's media type, lower case and without parameters ("" when absent): RFC 9110 §8.3.1. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

/** JSON as the routes' validators take it: application/json and any application/…+json. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/([\w.-]+\+)?json$/.test(mediaType);
}
