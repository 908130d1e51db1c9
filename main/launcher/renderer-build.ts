/** Builds the renderer (and the Electron bundles) when missing or older than their sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function rendererIsFresh(projectRoot: string): boolean {
  const index = join(projectRoot, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return ['renderer', 'src'].every((dir) => newestMtime(join(projectRoot, dir)) <= built);
}

export function buildRenderer(projectRoot: string): void {
  const vite = join(projectRoot, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Building the app failed (see the messages above).');
}

export function electronBundleIsFresh(projectRoot: string): boolean {
  const bundle = join(projectRoot, 'dist', 'electron', 'main.cjs');
  if (!existsSync(bundle) || !rendererIsFresh(projectRoot)) return false;
  const built = statSync(bundle).mtimeMs;
  return ['main', 'src', 'sync-server'].every(
    (dir) => newestMtime(join(projectRoot, dir)) <= built,
  );
}

/** scripts/build.mjs: the renderer, the Electron main and preload, the bundled sync-server. */
export function buildAll(projectRoot: string): void {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Building the app failed (see the messages above).');
}
