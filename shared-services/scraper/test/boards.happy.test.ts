import type { Posting } from "@hireloop/proto/scraper";
import { afterEach, describe, expect, it } from "vitest";
import { adapterCases } from "./support/adapters.ts";
import { type BoardServer, recorded, startBoardServer } from "./support/board-server.ts";
import { signal, testHttpClient } from "./support/http.ts";

const servers: BoardServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Serves one board's recorded body and runs its adapter once. */
async function searchRecorded(board: string, query = "backend engineer") {
  const testCase = adapterCases.find((candidate) => candidate.board === board);
  if (!testCase) throw new Error(`no case for ${board}`);
  const server = await startBoardServer({ [testCase.path]: { body: recorded(testCase.fixture) } });
  servers.push(server);
  const { http } = testHttpClient();
  const outcome = await testCase
    .create(http, server.baseUrl)
    .search({ query, location: "", signal: signal() });
  return { outcome, server };
}

function byTitle(postings: Posting[], title: string): Posting {
  const posting = postings.find((candidate) => candidate.title === title);
  if (!posting) throw new Error(`no posting titled ${title}: ${postings.map((p) => p.title).join(", ")}`);
  return posting;
}

describe("board adapters normalize recorded responses of the real public APIs", () => {
  it("greenhouse: unescapes the HTML content to text, drops gh_src, reads offices and departments", async () => {
    const { outcome, server } = await searchRecorded("greenhouse");
    expect(server.requests[0]).toMatchObject({
      path: "/v1/boards/acmerockets/jobs",
      search: "?content=true",
    });
    expect(outcome.postings).toHaveLength(3);
    const backend = byTitle(outcome.postings, "Senior Backend Engineer, Ground Software");
    expect(backend).toMatchObject({
      board: "greenhouse",
      boardPostingId: "4012345007",
      company: "Acme Rockets",
      location: "Hawthorne, CA",
      remote: false,
      url: "https://boards.greenhouse.io/acmerockets/jobs/4012345007",
      postedAt: "2025-05-01T14:00:00.000Z",
      tags: ["Software Engineering"],
    });
    expect(backend.description).toContain("Own PostgreSQL and TimescaleDB schemas & query performance");
    expect(backend.description).toContain("$150,000—$185,000");
    expect(backend.description).not.toMatch(/<|&lt;|&amp;/);
    expect(backend.id).toMatch(/^[0-9a-f]{32}$/);
    expect(backend.contentHash).toMatch(/^[0-9a-f]{32}$/);
    const recruiter = byTitle(outcome.postings, "Technical Recruiter");
    expect(recruiter).toMatchObject({
      remote: true,
      postedAt: "2025-05-19T12:00:00.000Z",
      location: "Remote - US",
    });
  });

  it("lever: joins description, lists and closing; workplaceType remote; lever-source dropped", async () => {
    const { outcome, server } = await searchRecorded("lever");
    expect(server.requests[0]).toMatchObject({ path: "/v0/postings/brightwave", search: "?mode=json" });
    const backend = byTitle(outcome.postings, "Backend Engineer, Platform");
    expect(backend).toMatchObject({
      board: "lever",
      boardPostingId: "5f1c2a7e-8d3b-4e6f-9a1b-2c3d4e5f6a7b",
      company: "brightwave",
      location: "Remote - Europe",
      remote: true,
      postedAt: new Date(1746090000000).toISOString(),
      tags: ["Platform", "Engineering", "Full-time"],
    });
    expect(backend.description).toMatch(/What you'll do[\s\S]*Build backend services in Kotlin and Go/);
    expect(backend.description).toContain("equal opportunity employer");
    const support = byTitle(outcome.postings, "Customer Support Agent (German)");
    expect(support).toMatchObject({
      remote: false,
      url: "https://jobs.lever.co/brightwave/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",
    });
  });

  it("ashby: leaves out unlisted jobs, joins secondary locations, appends the compensation summary", async () => {
    const { outcome, server } = await searchRecorded("ashby");
    expect(server.requests[0]).toMatchObject({
      path: "/posting-api/job-board/lumina",
      search: "?includeCompensation=true",
    });
    expect(outcome.postings.map((posting) => posting.title).sort()).toEqual([
      "Product Designer",
      "Senior Backend Engineer",
    ]);
    const backend = byTitle(outcome.postings, "Senior Backend Engineer");
    expect(backend).toMatchObject({
      board: "ashby",
      boardPostingId: "3b6f2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
      location: "New York, NY; Remote (US)",
      remote: true,
      postedAt: "2025-05-14T16:21:55.393Z",
      tags: ["Engineering", "Core Platform", "FullTime"],
    });
    expect(backend.description).toContain("Compensation: $170K – $210K • Offers Equity");
    expect(byTitle(outcome.postings, "Product Designer").remote).toBe(false);
  });

  it("remotive: sends the query to the board's search, reads zone-less dates as UTC, every job remote", async () => {
    const { outcome, server } = await searchRecorded("remotive", "backend engineer");
    expect(server.requests[0]).toMatchObject({
      path: "/api/remote-jobs",
      search: "?search=backend+engineer",
    });
    const backend = byTitle(outcome.postings, "Backend Engineer (Python)");
    expect(backend).toMatchObject({
      board: "remotive",
      boardPostingId: "1984512",
      company: "Parcelpoint",
      location: "Europe",
      remote: true,
      postedAt: "2025-05-19T08:14:03.000Z",
    });
    expect(backend.tags).toEqual([
      "Software Development",
      "python",
      "django",
      "aws",
      "postgresql",
      "full time",
    ]);
    expect(backend.description).toContain("Salary: €65k - €80k");
    expect(outcome.postings.every((posting) => posting.remote)).toBe(true);
  });

  it("arbeitnow: seconds-since-epoch dates, tags and job types, the remote flag", async () => {
    const { outcome, server } = await searchRecorded("arbeitnow");
    expect(server.requests[0]).toMatchObject({ path: "/api/job-board-api", search: "" });
    const backend = byTitle(outcome.postings, "Senior Backend Entwickler (m/w/d) - Java/Spring");
    expect(backend).toMatchObject({
      board: "arbeitnow",
      boardPostingId: "senior-backend-entwickler-mwd-berlin-412233",
      company: "Stadtwerk Digital GmbH",
      location: "Berlin",
      remote: false,
      postedAt: new Date(1747648800 * 1000).toISOString(),
      tags: ["Software Development", "IT", "Berufserfahren", "Vollzeit"],
    });
    expect(backend.description).toContain("Entwicklung von Microservices mit Java 21 und Spring Boot");
    expect(byTitle(outcome.postings, "DevOps Engineer (Remote)").remote).toBe(true);
  });

  it("feed over a URL: every bundled posting normalized, duplicates still present for the service to drop", async () => {
    const { outcome } = await searchRecorded("feed");
    const bundled = JSON.parse(recorded("../../feed/sample-postings.json")) as { postings: unknown[] };
    expect(outcome.postings).toHaveLength(bundled.postings.length);
    expect(outcome.detail).toBe("");
    const tracked = outcome.postings.filter((posting) => posting.boardPostingId.startsWith("nwp-1042"));
    expect(tracked).toHaveLength(2);
    expect(tracked[0]?.url).toBe(tracked[1]?.url);
    expect(tracked[0]?.url).toBe(
      "https://jobs.northwindpayments.example/careers/1042-senior-backend-engineer",
    );
  });
});
