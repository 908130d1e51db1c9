/**
 * `npm start` decides between the Electron window and the browser shell without loading the
 * electron package (which would try to download a missing binary and print a stack trace).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronAvailability } from '../../../main/launcher/electron-availability';

const dirs: string[] = [];
function packageDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-electron-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('whether Electron can start', () => {
  const display = { DISPLAY: ':0' };

  it('finds the binary the package installed', () => {
    const dir = packageDir({ 'path.txt': 'electron', 'dist/electron': '' });
    expect(electronAvailability(display, 'linux', () => dir)).toEqual({
      available: true,
      binary: join(dir, 'dist', 'electron'),
    });
  });

  it('says "not installed" when the binary was never downloaded, without downloading it', () => {
    const noPathFile = packageDir({ 'index.js': 'throw new Error("loaded")' });
    expect(electronAvailability(display, 'linux', () => noPathFile)).toEqual({
      available: false,
      reason: 'the Electron binary is not installed',
    });
    const noBinary = packageDir({ 'path.txt': 'electron' });
    expect(electronAvailability(display, 'linux', () => noBinary).available).toBe(false);
    const noPackage = () => {
      throw new Error('Cannot find module electron/package.json');
    };
    expect(electronAvailability(display, 'linux', noPackage).available).toBe(false);
  });

  it('falls back without a display, or when asked for the browser shell', () => {
    const dir = packageDir({ 'path.txt': 'electron', 'dist/electron': '' });
    expect(electronAvailability({}, 'linux', () => dir)).toEqual({
      available: false,
      reason: 'there is no display (DISPLAY is not set)',
    });
    expect(
      electronAvailability({ ...display, OMNITILL_SHELL: 'browser' }, 'linux', () => dir),
    ).toEqual({ available: false, reason: 'OMNITILL_SHELL=browser' });
  });
});
