/**
 * Once per end-to-end run: builds the renderer into a folder of its own, so test files do not
 * each rebuild it and two runs on one machine never write the same dist/ at once, and seeds the
 * demo store into template data folders that launchApp and startDemoSyncServer copy for each
 * test (helpers/demo-template.ts). The foundation test still goes through `npm start`'s own build
 * step, and the tests about a first start through its own seeding.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  NO_TEMPLATE,
  removeDemoTemplate,
  seedDemoTemplate,
  wantsFreshSeed,
} from './helpers/demo-template';
import type { DemoTemplate } from './helpers/demo-template';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
    demoTemplate: DemoTemplate;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = resolve(import.meta.dirname, '..', '..');
  const outDir = mkdtempSync(join(tmpdir(), 'omnitill-renderer-'));
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error('Building the renderer for the end-to-end tests failed.');
  }
  project.provide('rendererDir', outDir);
  let template: DemoTemplate;
  try {
    template = wantsFreshSeed() ? NO_TEMPLATE : await seedDemoTemplate(outDir);
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`Seeding the demo for the end-to-end tests failed: ${String(error)}`);
  }
  project.provide('demoTemplate', template);
  return () => {
    removeDemoTemplate(template);
    rmSync(outDir, { recursive: true, force: true });
  };
}
