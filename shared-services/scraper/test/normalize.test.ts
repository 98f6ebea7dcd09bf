import type { Posting } from "@hireloop/proto/scraper";
import { describe, expect, it } from "vitest";
import { dedupePostings } from "../src/dedupe.ts";
import {
  canonicalUrl,
  contentHash,
  htmlToPlainText,
  type RawPosting,
  toPosting,
  toRfc3339,
} from "../src/normalize.ts";
import { rankPostings, tokenize } from "../src/rank.ts";

function posting(overrides: Partial<RawPosting>): Posting {
  const made = toPosting("feed", {
    boardPostingId: "p",
    title: "Engineer",
    company: "Acme",
    location: "Berlin",
    remote: false,
    url: `https://jobs.acme.example/${Math.random().toString(36).slice(2)}`,
    description: "A job.",
    postedAt: "2025-05-01T00:00:00.000Z",
    tags: [],
    ...overrides,
  });
  if (!made) throw new Error("invalid test posting");
  return made;
}

describe("normalization", () => {
  it("canonical URLs: lowercase host, no tracking parameters, fragment, default port or trailing slash", () => {
    expect(
      canonicalUrl(
        "HTTPS://Jobs.Example-Company.com:443/careers/42/?utm_source=linkedin&gh_src=x1&lever-source=Indeed&b=2&a=1#apply",
      ),
    ).toBe("https://jobs.example-company.com/careers/42?a=1&b=2");
    expect(canonicalUrl("https://boards.example.com/acme?gh_jid=4012")).toBe(
      "https://boards.example.com/acme?gh_jid=4012",
    );
    expect(canonicalUrl("mailto:jobs@example.com")).toBeUndefined();
    expect(canonicalUrl("not a url")).toBeUndefined();
  });

  it("HTML (also entity-escaped HTML) becomes plain text", () => {
    expect(
      htmlToPlainText("&lt;p&gt;Build &amp;amp; run&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;/ul&gt;"),
    ).toBe("Build & run\n\n * Go");
    expect(
      htmlToPlainText("<h2>Role</h2><p>Ship <a href='https://x.example'>things</a></p><img src='x.png'>"),
    ).toBe("Role\n\nShip things");
    expect(htmlToPlainText("Already plain, 5 < 6")).toBe("Already plain, 5 < 6");
  });

  it("content hashes ignore case, punctuation and spacing, not words", () => {
    const a = contentHash("Senior Backend Engineer", "Acme", "Build APIs.\n\nUse Go!");
    expect(contentHash("senior backend engineer ", "ACME", "build apis use go")).toBe(a);
    expect(contentHash("Senior Backend Engineer", "Acme", "Build APIs. Use Rust!")).not.toBe(a);
  });

  it("board timestamps become RFC 3339 in UTC", () => {
    expect(toRfc3339(1746090000000)).toBe("2025-05-01T09:00:00.000Z");
    expect(toRfc3339(1747648800, "s")).toBe("2025-05-19T10:00:00.000Z");
    expect(toRfc3339("2025-05-19T08:14:03")).toBe("2025-05-19T08:14:03.000Z");
    expect(toRfc3339("2025-05-20T14:02:11-04:00")).toBe("2025-05-20T18:02:11.000Z");
    expect(toRfc3339("garbage")).toBe("");
    expect(toRfc3339(null)).toBe("");
  });

  it("postings without a usable URL or title are refused; the id hashes the canonical URL", () => {
    expect(posting({ url: "https://a.example/x?utm_medium=email" }).id).toBe(
      posting({ url: "https://A.example/x/" }).id,
    );
    expect(
      toPosting("feed", { ...posting({}), url: "javascript:alert(1)" } as unknown as RawPosting),
    ).toBeUndefined();
    expect(toPosting("feed", { ...posting({}), title: "  " } as unknown as RawPosting)).toBeUndefined();
    expect(posting({ location: "Anywhere (worldwide)" }).remote).toBe(true);
  });
});

describe("deduplication", () => {
  it("drops a second posting with the same canonical URL, then one with the same content", () => {
    const first = posting({ url: "https://jobs.acme.example/1?utm_source=x", description: "Build things." });
    const sameUrl = posting({
      url: "https://JOBS.acme.example/1#apply",
      description: "Different text entirely.",
    });
    const sameContent = posting({ url: "https://mirror.example/acme-1", description: "Build  things!" });
    const other = posting({ url: "https://jobs.acme.example/2", description: "Other job." });
    const result = dedupePostings([first, sameUrl, sameContent, other]);
    expect(result.postings).toEqual([first, other]);
    expect(result.dropped).toEqual({ url: 1, content: 1 });
  });
});

describe("ranking", () => {
  it("tokenizes hyphenated words, plurals and role synonyms the same as their plain forms", () => {
    expect(tokenize("Back-End Engineers, front-end")).toEqual(["backend", "engineer", "frontend"]);
    expect(tokenize("Python Developers")).toEqual(["python", "engineer"]);
  });

  it("title matches outrank description matches; postings matching no query word, or for another role, are left out", () => {
    const inTitle = posting({ title: "Backend Engineer", description: "Services in Go." });
    const inDescription = posting({
      title: "Technical Recruiter",
      description: "Hire backend engineers and backend leads.",
    });
    const partial = posting({ title: "Frontend Engineer", description: "React." });
    const unrelated = posting({ title: "Sous Chef", description: "Run the line." });
    const ranked = rankPostings([unrelated, partial, inDescription, inTitle], {
      query: "backend engineer",
      location: "",
    });
    // "engineer" names a role in these titles: a recruiter hiring engineers is not an engineer's job.
    expect(ranked).toEqual([inTitle, partial]);
    const bySkill = rankPostings([unrelated, partial, inDescription, inTitle], { query: "go", location: "" });
    expect(bySkill).toEqual([inTitle]);
  });

  it("the location lifts matching postings, and remote ones when remote is asked for", () => {
    const berlin = posting({
      title: "Backend Engineer",
      location: "Berlin, Germany",
      postedAt: "2025-01-01T00:00:00Z",
    });
    const london = posting({
      title: "Backend Engineer",
      location: "London",
      postedAt: "2025-05-01T00:00:00Z",
    });
    const remote = posting({
      title: "Backend Engineer",
      location: "Remote (EU)",
      postedAt: "2025-03-01T00:00:00Z",
    });
    const all = [london, remote, berlin];
    expect(rankPostings(all, { query: "backend", location: "berlin" })).toEqual([berlin, remote, london]);
    expect(rankPostings(all, { query: "backend", location: "remote" })[0]).toBe(remote);
    // Without a location, equal scores fall back to the newest first.
    expect(rankPostings(all, { query: "backend", location: "" })).toEqual([london, remote, berlin]);
  });

  it("an empty query keeps every posting, newest first", () => {
    const old = posting({ postedAt: "2024-01-01T00:00:00.000Z" });
    const recent = posting({ postedAt: "2025-05-01T00:00:00.000Z" });
    expect(rankPostings([old, recent], { query: "", location: "" })).toEqual([recent, old]);
  });
});
