import { createArbeitnowBoard } from "../../src/boards/arbeitnow.ts";
import { createAshbyBoard } from "../../src/boards/ashby.ts";
import { createFeedBoard } from "../../src/boards/feed.ts";
import { createGreenhouseBoard } from "../../src/boards/greenhouse.ts";
import { createLeverBoard } from "../../src/boards/lever.ts";
import { createRemotiveBoard } from "../../src/boards/remotive.ts";
import type { BoardAdapter } from "../../src/boards/types.ts";
import type { HttpClient } from "../../src/http.ts";

/** Each HTTP board with the path its real API serves and the recorded body for it. */
export interface AdapterCase {
  board: string;
  path: string;
  fixture: string;
  create(http: HttpClient, baseUrl: string): BoardAdapter;
}

export const adapterCases: AdapterCase[] = [
  {
    board: "greenhouse",
    path: "/v1/boards/acmerockets/jobs",
    fixture: "greenhouse-jobs.json",
    create: (http, baseUrl) => createGreenhouseBoard({ http, baseUrl, boards: ["acmerockets"] }),
  },
  {
    board: "lever",
    path: "/v0/postings/brightwave",
    fixture: "lever-postings.json",
    create: (http, baseUrl) => createLeverBoard({ http, baseUrl, companies: ["brightwave"] }),
  },
  {
    board: "ashby",
    path: "/posting-api/job-board/lumina",
    fixture: "ashby-job-board.json",
    create: (http, baseUrl) => createAshbyBoard({ http, baseUrl, organizations: ["lumina"] }),
  },
  {
    board: "remotive",
    path: "/api/remote-jobs",
    fixture: "remotive-remote-jobs.json",
    create: (http, baseUrl) => createRemotiveBoard({ http, baseUrl }),
  },
  {
    board: "arbeitnow",
    path: "/api/job-board-api",
    fixture: "arbeitnow-job-board-api.json",
    create: (http, baseUrl) => createArbeitnowBoard({ http, baseUrl }),
  },
  {
    board: "feed",
    path: "/hireloop/feed.json",
    fixture: "../../feed/sample-postings.json",
    create: (http, baseUrl) =>
      createFeedBoard({ http, source: { kind: "url", url: `${baseUrl}/hireloop/feed.json` } }),
  },
];
