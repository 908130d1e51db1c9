/**
 * Builds what Chromium loads, into one temp folder the app's browser shell serves: the renderer
 * (the project's own vite config, as `npm start` builds it) at the top, and the bench page from
 * tests/bench/browser under bench/. One origin for both, so they share the register's IndexedDB.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../helpers/sync-server-process';

export async function buildPages(outDir: string): Promise<void> {
  // Profiled (OMNITILL_BENCH_PAGE_PROFILE), the functions keep their names.
  const minify = !process.env.OMNITILL_BENCH_PAGE_PROFILE;
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    root: join(REPO_ROOT, 'renderer'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, minify },
  });
  await build({
    configFile: false,
    root: join(REPO_ROOT, 'tests', 'bench', 'browser'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir: join(outDir, 'bench'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4_000,
      minify,
    },
  });
}
