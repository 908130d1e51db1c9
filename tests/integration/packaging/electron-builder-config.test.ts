/**
 * electron-builder.yml, checked offline: loaded the way electron-builder loads it and validated
 * against the JSON schema app-builder-lib ships, then the fields a till depends on.
 */
import type { Configuration } from 'app-builder-lib';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { FilterStats } from 'builder-util';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(projectDir, path.join(projectDir, 'electron-builder.yml'), null);
});

/** Glob patterns of a `files`-like option, whatever shape electron-builder normalised it to. */
function patternsOf(option: unknown): string[] {
  if (option === undefined || option === null) return [];
  if (typeof option === 'string') return [option];
  if (Array.isArray(option)) return option.flatMap((item) => patternsOf(item));
  if (typeof option === 'object' && 'filter' in option) return patternsOf(option.filter);
  return [];
}

/**
 * A predicate over project-relative file paths, matching the way electron-builder applies a
 * pattern list (its own FileMatcher: in order, later `!` patterns excluding).
 */
function matcherOf(patterns: string[]): (file: string) => boolean {
  const filter = new FileMatcher(
    projectDir,
    projectDir,
    (pattern) => pattern,
    patterns,
  ).createFilter();
  const aFile = { isDirectory: () => false } as FilterStats;
  return (file) => filter(path.join(projectDir, file), aFile);
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('passes the schema electron-builder validates against', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validator does reject a misspelt option (so the check above means something)', async () => {
    const misspelt = { ...config, appID: 'vn.omnitill.pos' } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/appID/);
  });

  it('names the app and keeps its output and build resources apart from tsc output', () => {
    expect(config.appId).toBe('vn.omnitill.pos');
    expect(config.productName).toBe('Omnitill');
    expect(config.directories?.output).toBe('release');
    expect(config.directories?.buildResources).toBe('resources');
  });

  it('ships the built bundles and package.json, not sources or source maps', () => {
    const included = matcherOf(patternsOf(config.files));
    for (const file of [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc123.js',
      'dist/sync-server/cli.cjs',
      'package.json',
    ]) {
      expect(included(file), file).toBe(true);
    }
    for (const file of [
      'main/electron/main.ts',
      'src/money/money.ts',
      'dist/electron/main.cjs.map',
      'node_modules/rxdb/package.json',
    ]) {
      expect(included(file), file).toBe(false);
    }
  });

  it('package.json points Electron at the bundled main process', async () => {
    const pkg = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('unpacks the native modules from the asar: serialport, leveldown, canvas', () => {
    expect(config.asar).not.toBe(false);
    const unpacked = matcherOf(patternsOf(config.asarUnpack));
    for (const file of [
      'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
      'node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node',
      'node_modules/leveldown/prebuilds/linux-x64/node.napi.glibc.node',
      'node_modules/pouchdb/node_modules/leveldown/prebuilds/linux-x64/node.napi.glibc.node',
      'node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node',
      'dist/electron/fonts/DejaVuSansMono.ttf',
    ]) {
      expect(unpacked(file), file).toBe(true);
    }
    expect(unpacked('dist/electron/main.cjs')).toBe(false);
    expect(unpacked('node_modules/serialport/dist/index.js')).toBe(false);
    // Prebuilt binaries load as they are: no rebuild against Electron headers (offline, too).
    expect(config.npmRebuild).toBe(false);
  });

  it('targets AppImage and deb on Linux, NSIS on Windows, dmg on macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('flips the hardening fuses, run-as-node off (the sync-server is a utility process)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses icons that exist and are large enough for every platform', async () => {
    const icons = [config.linux?.icon, config.win?.icon, config.mac?.icon];
    for (const icon of icons) {
      expect(typeof icon).toBe('string');
      const size = pngSize(await readFile(path.join(projectDir, String(icon))));
      expect(size.width).toBeGreaterThanOrEqual(512);
      expect(size.height).toBe(size.width);
    }
  });
});
