/**
 * Whether the Electron window can open here. The electron npm package installs without its
 * binary on machines that cannot download it; a server has no display. Either way `npm start`
 * falls back to the browser shell and says why in one line.
 *
 * The binary is looked for the way the electron package's own index.js finds it (`path.txt`,
 * then `dist/<that path>`, or `ELECTRON_OVERRIDE_DIST_PATH`), without loading that module:
 * loading it tries to download a missing binary and prints the download's stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronAvailability =
  { available: true; binary: string } | { available: false; reason: string };

const NOT_INSTALLED = { available: false, reason: 'the Electron binary is not installed' } as const;

/** Where the electron package keeps its binary, or null when it has none. */
export function electronBinary(packageDir: string, env: NodeJS.ProcessEnv): string | null {
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!executable) return null;
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

export function electronAvailability(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  packageDir: () => string = () =>
    dirname(createRequire(import.meta.url).resolve('electron/package.json')),
): ElectronAvailability {
  if (env.OMNITILL_SHELL === 'browser')
    return { available: false, reason: 'OMNITILL_SHELL=browser' };
  let dir: string;
  try {
    dir = packageDir();
  } catch {
    return NOT_INSTALLED;
  }
  const binary = electronBinary(dir, env);
  if (!binary) return NOT_INSTALLED;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'there is no display (DISPLAY is not set)' };
  }
  return { available: true, binary };
}
