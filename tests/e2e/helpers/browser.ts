/** Debian's Chromium driven by playwright-core, with a fresh profile per test (STACK.md). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors: a test can assert there were none. */
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openBrowser(
  url: string,
  viewport = { width: 1280, height: 800 },
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'omnitill-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  return {
    context,
    page,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Console errors other than a 404 on a resource: until the sync-server has the `parked-<store>`
 * database, the register's check for it (renderer/data/replication.ts) is answered 404, which
 * Chromium logs as an error although the register handles it.
 */
export function unexpectedErrors(errors: readonly string[]): string[] {
  return errors.filter(
    (error) => !error.includes('the server responded with a status of 404 (Not Found)'),
  );
}
