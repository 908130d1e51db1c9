/**
 * Builds the renderer once per end-to-end run, into a folder of its own, so test files do not
 * each rebuild it and two runs on one machine never write the same dist/ at once. The
 * foundation test still goes through `npm start`'s own build step.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = resolve(import.meta.dirname, '..', '..');
  const outDir = mkdtempSync(join(tmpdir(), 'omnitill-renderer-'));
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0)
    throw new Error('Building the renderer for the end-to-end tests failed.');
  project.provide('rendererDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
