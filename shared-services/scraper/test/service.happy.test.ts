import { afterEach, describe, expect, it } from "vitest";
import { type BoardServer, recorded, startBoardServer } from "./support/board-server.ts";
import { type RunningScraper, startScraper } from "./support/scraper.ts";

const running: (RunningScraper | BoardServer)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((item) => item.close()));
});

async function scraper(env: Record<string, string> = {}) {
  const started = await startScraper(env);
  running.push(started);
  return started;
}

const isBackend = (title: string) => /back-?end/i.test(title);

describe("SearchPostings over gRPC", () => {
  it("'backend engineer' over the bundled feed: backend postings first, duplicates removed", async () => {
    const { client, metrics } = await scraper();
    const response = await client.searchPostings({ query: "backend engineer" }, { deadlineMs: 5_000 });
    expect(response.boards).toEqual([expect.objectContaining({ board: "feed", status: "ok", detail: "" })]);
    expect(response.boards[0]?.postings).toBeGreaterThanOrEqual(60);

    const titles = response.postings.map((posting) => posting.title);
    const backendCount = titles.filter(isBackend).length;
    expect(backendCount).toBeGreaterThanOrEqual(8);
    // Every backend posting ranks above every other engineer (frontend, mobile…); postings for other
    // roles that mention backend engineers (a recruiter hiring them) are not answers at all.
    expect(titles.slice(0, backendCount).every(isBackend)).toBe(true);
    expect(titles.length).toBeGreaterThan(backendCount);
    expect(titles.every((title) => /engineer|developer|programmer|back-?end/i.test(title))).toBe(true);

    expect(new Set(response.postings.map((posting) => posting.url)).size).toBe(response.postings.length);
    expect(new Set(response.postings.map((posting) => posting.contentHash)).size).toBe(
      response.postings.length,
    );
    expect(response.postings.filter((posting) => posting.title === "Senior Backend Engineer")).toHaveLength(
      1,
    );
    expect(
      response.postings.filter((posting) => posting.company === "Cobalt Health" && isBackend(posting.title)),
    ).toHaveLength(1);
    expect(titles).not.toContain("Sous Chef");
    expect(await metrics()).toMatch(/hl_scraper_dedup_dropped_total\{reason="url"[^}]*\} [1-9]/);
    expect(await metrics()).toMatch(/hl_scraper_board_searches_total\{board="feed",status="ok"[^}]*\} 1/);
  });

  it("ranks by location too, honours the limit, and an empty query lists newest first", async () => {
    const { client } = await scraper();
    const remote = await client.searchPostings(
      { query: "backend engineer", location: "remote", limit: 3 },
      { deadlineMs: 5_000 },
    );
    expect(remote.postings).toHaveLength(3);
    for (const posting of remote.postings) {
      expect(posting.remote).toBe(true);
      expect(isBackend(posting.title)).toBe(true);
    }
    const berlin = await client.searchPostings(
      { query: "backend engineer", location: "Berlin" },
      { deadlineMs: 5_000 },
    );
    expect(berlin.postings[0]?.location).toMatch(/Berlin/);
    const nurses = await client.searchPostings({ query: "registered nurse ICU" }, { deadlineMs: 5_000 });
    expect(nurses.postings[0]?.title).toMatch(/Registered Nurse - Intensive Care/);
    const newest = await client.searchPostings({ limit: 5 }, { deadlineMs: 5_000 });
    const dates = newest.postings.map((posting) => posting.postedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("searches several boards at once; a failing board is a status, not a failed call", async () => {
    const boards = await startBoardServer({
      "/v1/boards/acmerockets/jobs": { body: recorded("greenhouse-jobs.json") },
      "/v0/postings/brightwave": { status: 429, headers: { "retry-after": "0" } },
      "/posting-api/job-board/lumina": {
        body: "<html>maintenance</html>",
        headers: { "content-type": "text/html" },
      },
      "/api/remote-jobs": { body: recorded("remotive-remote-jobs.json") },
    });
    running.push(boards);
    const { client } = await scraper({
      HL_GREENHOUSE_BASE_URL: boards.baseUrl,
      HL_GREENHOUSE_BOARDS: "acmerockets",
      HL_LEVER_BASE_URL: boards.baseUrl,
      HL_LEVER_COMPANIES: "brightwave",
      HL_ASHBY_BASE_URL: boards.baseUrl,
      HL_ASHBY_ORGS: "lumina",
      HL_REMOTIVE_BASE_URL: boards.baseUrl,
      HL_ARBEITNOW_BASE_URL: `${boards.baseUrl}/missing/`,
      HL_FETCH_MAX_ATTEMPTS: "2",
    });
    const listed = await client.listBoards({ deadlineMs: 2_000 });
    expect(listed.boards.map((board) => [board.name, board.searchedByDefault])).toEqual([
      ["feed", true],
      ["greenhouse", false],
      ["lever", false],
      ["ashby", false],
      ["remotive", false],
      ["arbeitnow", false],
    ]);
    const response = await client.searchPostings(
      {
        query: "backend engineer",
        boards: ["feed", "greenhouse", "lever", "ashby", "remotive", "arbeitnow"],
      },
      { deadlineMs: 5_000 },
    );
    const statuses = Object.fromEntries(response.boards.map((board) => [board.board, board.status]));
    expect(statuses).toEqual({
      feed: "ok",
      greenhouse: "ok",
      lever: "rate_limited",
      ashby: "malformed",
      remotive: "ok",
      arbeitnow: "not_found",
    });
    const fromBoards = new Set(response.postings.map((posting) => posting.board));
    expect([...fromBoards].sort()).toEqual(["feed", "greenhouse", "remotive"]);
    expect(response.postings.slice(0, 10).every((posting) => isBackend(posting.title))).toBe(true);
  });
});
