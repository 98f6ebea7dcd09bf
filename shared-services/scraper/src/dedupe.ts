import type { Posting } from "@hireloop/proto/scraper";

export interface DedupeResult {
  postings: Posting[];
  dropped: { url: number; content: number };
}

/**
 * Keeps the first of each posting: first by canonical URL (the id hashes it), then by content hash
 * (the same text on two URLs or two boards). Callers order the input by board preference.
 */
export function dedupePostings(postings: readonly Posting[]): DedupeResult {
  const seenIds = new Set<string>();
  const seenContent = new Set<string>();
  const kept: Posting[] = [];
  const dropped = { url: 0, content: 0 };
  for (const posting of postings) {
    if (seenIds.has(posting.id)) {
      dropped.url++;
      continue;
    }
    if (seenContent.has(posting.contentHash)) {
      dropped.content++;
      continue;
    }
    seenIds.add(posting.id);
    seenContent.add(posting.contentHash);
    kept.push(posting);
  }
  return { postings: kept, dropped };
}
