import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { json } from "@hireloop/testkit/client";
import { resumeFile, textFixture, upload } from "@hireloop/testkit/fixtures";
import { asRouter } from "@hireloop/testkit/routed";
import { serve } from "@hono/node-server";
import { describe, expect, it } from "vitest";
import { useTestCell } from "./support/cell.ts";
import { scalar } from "./support/sql.ts";

/**
 * No bad input gets a 5xx: the class of strings Postgres cannot store, bodies that are not what they
 * say, and content types in any case, across every route that takes them.
 */
const cell = useTestCell({ worker: false });

const JOB_TEXT = textFixture("job-backend.txt");
const UNSTORABLE: [string, string][] = [
  ["a NUL", "\u0000"],
  ["an unpaired high surrogate", "\ud800"],
  ["an unpaired low surrogate", "\udc00"],
];

async function storedRows(): Promise<number> {
  return Number(
    await scalar(cell.deps.sql`
      select (select count(*) from resumes) + (select count(*) from jobs)
        + (select count(*) from workflows) + (select count(*) from outbox) as count`),
  );
}

describe("strings no store can keep", () => {
  const bodies: [string, string, (bad: string) => unknown][] = [
    ["/v1/jobs", "body.text", (bad) => ({ text: `${JOB_TEXT}${bad}` })],
    ["/v1/jobs", "body.title", (bad) => ({ title: `Engineer${bad}`, text: JOB_TEXT })],
    ["/v1/resumes", "body.text", (bad) => ({ text: `${textFixture("resume.txt")}${bad}` })],
    ["/v1/discoveries", "body.query", (bad) => ({ query: `backend${bad}` })],
    ["/v1/discoveries", "body.location", (bad) => ({ query: "backend", location: `Berlin${bad}` })],
    ["/v1/discoveries", "body.boards[0]", (bad) => ({ query: "backend", boards: [`remotive${bad}`] })],
    ["/v1/discoveries", "body (a key)", (bad) => ({ query: "backend", [`x${bad}`]: 1 })],
  ];
  for (const [label, bad] of UNSTORABLE) {
    for (const [path, where, body] of bodies) {
      it(`refuses ${label} in ${path} ${where} with 400 invalid_text and stores nothing`, async () => {
        const before = await storedRows();
        const res = await cell.as("careless")(path, json(body(bad)));
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ code: "invalid_text", details: { where } });
        expect(await storedRows()).toBe(before);
      });
    }
  }

  it("refuses them in the query string and the path too", async () => {
    const query = await cell.as("careless")("/v1/jobs?discoveryId=%00");
    expect(query.status).toBe(400);
    expect(await query.json()).toMatchObject({
      code: "invalid_text",
      details: { where: "query.discoveryId" },
    });
    const path = await cell.as("careless")("/v1/jobs/%00");
    expect(path.status).toBe(400);
    expect((await path.json()).code).toBe("invalid_text");
    const garbled = await cell.as("careless")("/v1/jobs/%ED%A0%80");
    expect(garbled.status).toBe(400);
    expect((await garbled.json()).code).toBe("invalid_text");
  });

  it("stores text it did not write without what no store can keep: a PDF whose glyphs extract as NULs", async () => {
    const res = await cell.as("unmapped")(
      "/v1/resumes",
      upload(resumeFile("unmapped-glyphs.pdf"), "unmapped-glyphs.pdf", "application/pdf"),
    );
    expect(res.status).toBe(201);
    const resume = await res.json();
    expect(resume.sections.contact).toMatchObject({ name: "Dana Doe", email: "dana@example.com" });
    expect(JSON.stringify(resume)).not.toContain("\\u0000");
    const stored = await scalar(
      cell.deps
        .sql`select count(*)::int as count from resumes where tenant_id = 'unmapped' and position('\\u0000' in parsed::text) = 0`,
    );
    expect(stored).toBe(1);
  });

  it("reads ligatures a font maps to NUL as their letters, and stores them", async () => {
    const res = await cell.as("ligatures")(
      "/v1/resumes",
      upload(resumeFile("ligatures-unmapped.pdf"), "ligatures.pdf", "application/pdf"),
    );
    expect(res.status).toBe(201);
    const resume = await res.json();
    expect(resume.sections.summary).toBe("Certified financial analyst, fluent in budgeting workflows.");
    expect(resume.sections.skills).toEqual(
      expect.arrayContaining(["financial modeling", "cash flow forecasting"]),
    );
  });
});

describe("bodies that are not what they say", () => {
  it("takes a JSON body whatever the case of its content type", async () => {
    const res = await cell.as("cased")("/v1/resumes", {
      method: "POST",
      headers: { "content-type": "APPLICATION/JSON; Charset=UTF-8" },
      body: JSON.stringify({ text: textFixture("resume.txt") }),
    });
    expect(res.status).toBe(201);
    const job = await cell.as("cased")("/v1/jobs", {
      method: "POST",
      headers: { "content-type": "Application/Json" },
      body: JSON.stringify({ text: JOB_TEXT }),
    });
    expect(job.status).toBe(201);
  });

  it("reads a request without a body as one, whatever content type it names", async () => {
    const jsonType = { "content-type": "application/json" };
    const list = await cell.as("careless")("/v1/jobs", { headers: jsonType });
    expect(list.status).toBe(200);
    const cancel = await cell.as("careless")("/v1/workflows/00000000-0000-4000-8000-000000000000/cancel", {
      method: "POST",
      headers: jsonType,
    });
    expect(cancel.status).toBe(404);
    expect((await cancel.json()).code).toBe("not_found");
    // An operation that needs a body says so.
    const job = await cell.as("careless")("/v1/jobs", { method: "POST", headers: jsonType });
    expect(job.status).toBe(400);
    expect(await job.json()).toMatchObject({
      code: "invalid_json",
      message: "this operation needs a JSON body",
    });
  });

  for (const [label, body] of [
    ["an empty body", ""],
    ["a cut-off body", '{"text": "Backend'],
    ["a body nested beyond reason", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
  ]) {
    it(`answers JSON that is ${label} with 400 invalid_json`, async () => {
      for (const path of ["/v1/jobs", "/v1/resumes", "/v1/matches", "/v1/discoveries"]) {
        const res = await cell.as("careless")(path, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        expect(res.status, path).toBe(400);
        expect((await res.json()).code, path).toMatch(/^(invalid_json|validation_failed)$/);
      }
    });
  }
});

describe("methods a path does not take", () => {
  it("answers unknown routes with the error shape", async () => {
    const res = await cell.request("/v2/nothing");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found", requestId: expect.any(String) });
  });

  it("are answered 405 with Allow and a code, while unknown paths stay 404", async () => {
    for (const [method, path, allow] of [
      ["DELETE", "/v1/resumes", "GET, HEAD, POST"],
      ["PUT", "/v1/resumes/00000000-0000-4000-8000-000000000000", "DELETE, GET, HEAD, PATCH"],
      ["PUT", "/v1/jobs/00000000-0000-4000-8000-000000000000", "GET, HEAD"],
      ["GET", "/v1/matches", "POST"],
      ["POST", "/v1/workflows/00000000-0000-4000-8000-000000000000", "GET, HEAD"],
    ] as const) {
      const res = await cell.as("wrong-method")(path, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect((await res.json()).code).toBe("method_not_allowed");
    }
    const unknown = await cell.as("wrong-method")("/v1/nothing-here", { method: "DELETE" });
    expect(unknown.status).toBe(404);
  });
});

describe("size limits", () => {
  it("refuse a JSON body over 1 MB unread, whatever route", async () => {
    const big = JSON.stringify({ text: "x".repeat(1024 * 1024) });
    for (const path of ["/v1/jobs", "/v1/matches"]) {
      const res = await cell.as("big-json")(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: big,
      });
      expect(res.status, path).toBe(413);
      expect((await res.json()).code).toBe("payload_too_large");
    }
  });

  it("judge a body by its declared length over a socket: over the limit refused before it is sent, within it read", async () => {
    const server = serve({ fetch: cell.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const token = await cell.token("declared-length");
    // Headers only: the client waits for the answer before sending a byte of its 2 MB.
    const signed = (path: string, length: number) => {
      const init = asRouter(cell.config.cellKey as Buffer, `${base}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      });
      const headers = Object.fromEntries(new Headers(init.headers));
      return httpRequest(`${base}${path}`, {
        method: "POST",
        headers: { ...headers, "content-length": String(length) },
      });
    };
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = signed("/v1/jobs", 2 * 1024 * 1024);
        req.on("response", (res) => {
          let body = "";
          res.on("data", (chunk) => {
            body += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.flushHeaders();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).code).toBe("payload_too_large");

      const body = JSON.stringify({ text: JOB_TEXT });
      const accepted = await new Promise<number>((resolve, reject) => {
        const req = signed("/v1/jobs", Buffer.byteLength(body));
        req.on("response", (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end(body);
      });
      expect(accepted).toBe(201);
    } finally {
      server.close();
    }
  });
});
