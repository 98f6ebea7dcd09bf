import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractResumeText } from "@hireloop/resume-core/documents";
import { resumeFile, textFixture } from "@hireloop/testkit/fixtures";
import { type RoutedRegion, startRoutedRegion } from "@hireloop/testkit/routed-region";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TYPES_FILE, apiTypesOf } from "../scripts/api-types.ts";
import { expectAccessible, launchBrowser, openPage, screenshot } from "./support/browser.ts";

const WEB_DIR = join(import.meta.dirname, "..", "dist");

let routed: RoutedRegion;
let router: RoutedRegion["router"];
let browser: Browser;
const run = randomBytes(4).toString("hex");

beforeAll(async () => {
  const keysDir = await mkdtemp(join(tmpdir(), "hl-web-keys-"));
  routed = await startRoutedRegion(3, {
    region: { keysDir },
    routerEnv: { HL_WEB_DIR: WEB_DIR, HL_DEV_SIGNIN_KEY_FILE: join(keysDir, "private.jwk.json") },
  });
  router = routed.router;
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await routed?.stop();
});

async function signIn(uid: string, { operator = false } = {}) {
  const opened = await openPage(browser);
  const { page } = opened;
  await page.goto(router.url);
  await page.getByLabel("User id").fill(uid);
  if (operator) await page.getByLabel(/Operator/).check();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Resumes", level: 1 }).waitFor();
  return opened;
}

describe("the web app's API types", () => {
  it("are those of the API the router serves (regenerate: npm run api-types -w @hireloop/web)", async () => {
    const document = await (await fetch(`${router.url}/openapi.json`)).json();
    expect(await readFile(API_TYPES_FILE, "utf8")).toBe(await apiTypesOf(document));
  });
});

describe("the web app: resumes", () => {
  it("signs in as a development user, uploads a PDF and shows its parsed sections", async () => {
    const signInPage = await openPage(browser);
    await signInPage.page.goto(router.url);
    await signInPage.page.getByRole("heading", { name: "Sign in as a development user" }).waitFor();
    await expectAccessible(signInPage.page);
    await screenshot(signInPage.page, "sign-in");
    await signInPage.close();

    const { page, consoleErrors, close } = await signIn(`seeker-${run}`);
    await expect.poll(() => page.getByText("No resumes yet").isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "resumes-empty");

    await page.getByLabel(/Drop a PDF/).setInputFiles({
      name: "jane-doe.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(resumeFile("software-engineer.pdf")),
    });
    await page.getByRole("heading", { name: "Jane Doe", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/resumes\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByRole("heading", { name: /Senior Software Engineer/ }).count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByText("Migrated billing to Postgres", { exact: false }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "resume-detail");

    // A bookmarked screen loads as itself; the list names the upload.
    await page.goto(`${router.url}/resumes`);
    await page.getByRole("link", { name: "Jane Doe" }).waitFor();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it.each([
    ["a scanned PDF", "scanned.pdf", "application/pdf", /This PDF is a scan/, "resume_no_text_layer"],
    [
      "a password-protected PDF",
      "encrypted.pdf",
      "application/pdf",
      /password-protected/,
      "resume_encrypted",
    ],
    ["a file of another kind", "random.bin", "application/octet-stream", /Upload a PDF, a Word document/, ""],
  ])("says what to do about %s", async (_label, name, mimeType, sentence, code) => {
    const { page, close } = await signIn(`refused-${run}-${name}`);
    await page
      .getByLabel(/Drop a PDF/)
      .setInputFiles({ name, mimeType, buffer: Buffer.from(resumeFile(name)) });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const said = (await alert.textContent()) ?? "";
    expect(said).toMatch(sentence);
    if (code) expect(said).toContain(code);
    expect(await page.getByText("No resumes yet").isVisible()).toBe(true);
    if (name === "scanned.pdf") await screenshot(page, "resumes-refused");
    await close();
  });

  it("corrects what was read as a new version, then deletes the resume after the owner confirms", async () => {
    const { page, close } = await signIn(`deleter-${run}`);
    await page.getByLabel(/Drop a PDF/).setInputFiles({
      name: "cv.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(resumeFile("software-engineer.pdf")),
    });
    await page.getByRole("heading", { name: "Jane Doe", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Correct what was read" }).click();
    await page.getByLabel("Name").fill("Jane Q. Doe");
    const skills = page.getByLabel("Skills (one per line)");
    await skills.fill(`${await skills.inputValue()}\nGraphQL`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save corrections" }).click();
    await page.getByRole("heading", { name: "Jane Q. Doe", level: 1 }).waitFor();
    await page.getByText("version 2").waitFor();
    expect(
      await page
        .getByRole("listitem")
        .filter({ hasText: /^GraphQL$/ })
        .count(),
    ).toBe(1);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete this resume" }).click();
    await page.getByText("No resumes yet").waitFor();
    await close();
  });
});

describe("the web app: jobs, match and tailoring", () => {
  it("analyzes a pasted job, scores the resume with its breakdown, tailors it live and downloads the PDF", async () => {
    const { page, consoleErrors, close } = await signIn(`tailor-${run}`);
    await page.getByLabel(/Drop a PDF/).setInputFiles({
      name: "jane-doe.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(resumeFile("software-engineer.pdf")),
    });
    await page.getByRole("heading", { name: "Jane Doe", level: 1 }).waitFor();

    await page.getByRole("link", { name: "Jobs" }).click();
    await page.getByLabel("Job description", { exact: true }).fill(textFixture("job-backend.txt"));
    await page.getByRole("button", { name: "Analyze the job" }).click();
    await page.getByRole("heading", { name: "What the job asks for" }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/Backend Engineer/);
    await page.getByText("/ 100 match").waitFor();
    const chart = page.getByRole("img", { name: /Keywords \d+ of 100/ });
    expect(await chart.count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "job-match");

    await page.getByRole("button", { name: "Tailor my resume" }).click();
    await page.waitForURL(/\/tailorings\/[0-9a-f-]{36}$/);
    await page.getByText("Done: 100 %").waitFor({ timeout: 90_000 });
    expect(await page.getByLabel("Tailoring progress").getAttribute("value")).toBe("100");
    await page.getByRole("heading", { name: "What changed" }).waitFor();
    const download = page.getByRole("button", { name: "Download PDF" });
    await expect.poll(() => download.isEnabled()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "tailoring");

    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    const path = await file.path();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { text } = await extractResumeText(new Uint8Array(bytes), { filename: file.suggestedFilename() });
    expect(text).toContain("Jane Doe");
    expect(consoleErrors).toEqual([]);
    await close();
  });
});

describe("the web app: operator console", () => {
  it("shows an operator the region's cells, its dead letters and where a tenant lives", async () => {
    const { page, consoleErrors, close } = await signIn(`ops-${run}`, { operator: true });
    await page.getByRole("link", { name: "Operations" }).click();
    await page.getByRole("heading", { name: "Cells of us-east" }).waitFor();
    const cellsSection = page.getByRole("region", { name: "Cells of us-east" });
    const rows = cellsSection.getByRole("row").filter({ has: page.getByRole("rowheader") });
    await expect.poll(() => rows.count()).toBe(3);
    for (const [index, id] of ["us-east-1", "us-east-2", "us-east-3"].entries()) {
      const row = rows.nth(index);
      expect(await row.getByRole("rowheader").textContent()).toBe(id);
      const [state, health, buckets, tenants, capacity] = await row.getByRole("cell").allTextContents();
      expect([state, health, capacity]).toEqual(["active", "up", "unlimited"]);
      expect(Number(buckets)).toBeGreaterThan(1000);
      expect(tenants).toMatch(/^\d+$/);
    }
    await page.getByText("None: no workflow is waiting for a replay.").waitFor();
    await page.getByLabel(/^Tenant/).fill(`tailor-${run}`);
    await page.getByRole("button", { name: "Look up" }).click();
    await page.getByText(/on cell us-east-\d/).waitFor();
    await expectAccessible(page);
    await screenshot(page, "ops");
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it("keeps the console from users without the operator role: no menu entry, and 403 from the API", async () => {
    const { page, close } = await signIn(`not-ops-${run}`);
    expect(await page.getByRole("link", { name: "Operations" }).count()).toBe(0);
    await page.goto(`${router.url}/ops`);
    expect((await page.getByRole("alert").first().textContent()) ?? "").toMatch(/for operators/);
    const stored: string = await page.evaluate('sessionStorage.getItem("hireloop.session")');
    const { token } = JSON.parse(stored);
    const response = await fetch(`${router.url}/ops/v1/cells`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const answer = { status: response.status, body: await response.json() };
    expect(answer).toMatchObject({ status: 403, body: { code: "forbidden_role" } });
    await close();
  });
});

describe("the web app: discover and roast", () => {
  it("searches the boards, ranks the postings against the resume, opens one, and roasts the resume", async () => {
    const { page, consoleErrors, close } = await signIn(`seeker2-${run}`);
    await page.getByLabel(/Drop a PDF/).setInputFiles({
      name: "jane-doe.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(resumeFile("software-engineer.pdf")),
    });
    await page.getByRole("heading", { name: "Jane Doe", level: 1 }).waitFor();

    await page.getByRole("link", { name: "Discover" }).click();
    await page.getByLabel("What job?").fill("backend engineer");
    await page.getByLabel("Rank against (optional)").selectOption({ label: "Jane Doe" });
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText("Done: 100 %").waitFor({ timeout: 90_000 });
    await page.getByRole("heading", { name: /postings found/ }).waitFor();
    const results = page.getByRole("listitem").filter({ hasText: "/ 100" });
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, "discover");
    const first = results.first().getByRole("link");
    const title = (await first.textContent()) ?? "";
    await first.click();
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();
    await page.getByText("/ 100 match").waitFor();

    await page.getByRole("link", { name: "Roast" }).click();
    await page.getByLabel("Resume").selectOption({ label: "Jane Doe" });
    await page.getByLabel(/Savage/).check();
    await page.getByRole("button", { name: "Roast it" }).click();
    await page.getByText("Done: 100 %").waitFor({ timeout: 90_000 });
    await page.getByText("/ 10").waitFor();
    expect(await page.getByRole("heading", { level: 2 }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, "roast");
    expect(consoleErrors).toEqual([]);
    await close();
  });
});

describe("the web app: account", () => {
  it("shows where a new user's data will live and lets them choose residency before their first upload", async () => {
    const { page, consoleErrors, close } = await signIn(`newcomer-${run}`);
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByText("none yet: it is chosen with your first upload").waitFor();
    await page.getByLabel("Home region").selectOption("us-east");
    await page.getByLabel(/data residency/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved: your home region is us-east.").waitFor();
    await page.getByText("us-east (your personal data never leaves it)").waitFor();
    await expectAccessible(page);
    await screenshot(page, "account");
    expect(consoleErrors).toEqual([]);
    await close();
  });
});

describe("npm run dev -w @hireloop/web", () => {
  it("serves the app with hot reload and sends the API and config to the platform's router", async () => {
    const port = await freePort();
    const server = spawn(
      "npm",
      ["run", "dev", "-w", "@hireloop/web", "--", "--port", String(port), "--strictPort"],
      {
        cwd: join(import.meta.dirname, "..", ".."),
        env: { ...process.env, HL_ROUTER_URL: router.url },
        stdio: "ignore",
        detached: true,
      },
    );
    try {
      const base = `http://127.0.0.1:${port}`;
      await expect
        .poll(async () => (await fetch(base).catch(() => undefined))?.status, { timeout: 30_000 })
        .toBe(200);
      expect(await (await fetch(base)).text()).toContain('src="/src/main.tsx"');
      expect(await (await fetch(`${base}/config.json`)).json()).toMatchObject({ region: "us-east" });
      expect((await fetch(`${base}/v1/resumes`)).status).toBe(401);
    } finally {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
