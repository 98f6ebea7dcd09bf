/** The request's path and query as sent (its URL is already normalized), without parsing it again. */
export function pathAndQuery(url: string): string {
  return url.slice(url.indexOf("/", url.indexOf("//") + 2));
}
