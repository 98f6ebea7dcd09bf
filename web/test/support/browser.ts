import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

/** Debian's Chromium (`make test` installs it); Playwright's own download cannot be reached here. */
const CHROMIUM = process.env.HL_CHROMIUM ?? "/usr/bin/chromium";
/** Looked at by a person before a screen is called done; ignored by git. */
export const SCREENSHOTS_DIR = join(import.meta.dirname, "..", "..", "..", ".cache", "screenshots");

export async function launchBrowser(): Promise<Browser> {
  // As root Chromium needs --no-sandbox; the pages it opens are the app's own, on 127.0.0.1.
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"], timeout: 30_000 });
}

/** A page that records every console error and uncaught exception, for the no-console-errors rule. */
export async function openPage(browser: Browser, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  return { page, consoleErrors, close: () => context.close() };
}

/** Every control has an accessible name and the screen passes axe's WCAG A/AA rules. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** The screen at a phone's and a desktop's width. */
export async function screenshot(page: Page, name: string) {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
