/** Screenshots of the main screens, saved for review in docs/screenshots/. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from './launch-app';

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(PROJECT_ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
