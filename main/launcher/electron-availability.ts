/**
 * Whether the Electron window can open here. The electron npm package installs without its
 * binary on machines that cannot download it; a server has no display. Either way `npm start`
 * falls back to the browser shell and says why in one line.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronAvailability =
  { available: true; binary: string } | { available: false; reason: string };

export function electronAvailability(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): ElectronAvailability {
  if (env.OMNITILL_SHELL === 'browser')
    return { available: false, reason: 'OMNITILL_SHELL=browser' };
  let binary: unknown;
  try {
    binary = createRequire(import.meta.url)('electron');
  } catch {
    return { available: false, reason: 'the Electron binary is not installed' };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { available: false, reason: 'the Electron binary is not installed' };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'there is no display (DISPLAY is not set)' };
  }
  return { available: true, binary };
}
