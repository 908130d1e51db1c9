/**
 * Packages the app for real, offline: `electron-builder --linux dir` with a stand-in Electron
 * (the binary cannot be downloaded here), then opens the result and checks that it holds what a
 * till needs to start: the main bundle, the preload, the renderer, the sync-server, and the
 * native serialport and leveldown binaries outside the asar where Node can load them.
 *
 * What the stand-in needs, from app-builder-lib's ElectronFramework: a folder is taken as an
 * unpacked Electron and copied as is; on Linux the file named `electron` is then renamed to the
 * executable name. @electron/fuses then looks for its sentinel and fuse wire in that file, so the
 * stand-in carries one (Electron's defaults), which also lets this test check the fuses flipped.
 */
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { execFile, spawn } from 'node:child_process';
import {
  access,
  chmod,
  constants,
  mkdir,
  mkdtemp,
  readdir,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const BUILD_OUTPUTS = [
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/renderer/index.html',
  'dist/sync-server/cli.cjs',
];
const BUILD_INPUTS = [
  'main',
  'src',
  'renderer',
  'sync-server',
  'vite.config.ts',
  'scripts/build.mjs',
];

async function newestMtime(entry: string): Promise<number> {
  const info = await stat(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestMtime(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

/** dist/ is reused when every output exists and is newer than every source. */
async function distIsFresh(): Promise<boolean> {
  try {
    const built = await Promise.all(
      BUILD_OUTPUTS.map(async (file) => (await stat(path.join(projectDir, file))).mtimeMs),
    );
    const sources = await Promise.all(
      BUILD_INPUTS.map((input) => newestMtime(path.join(projectDir, input))),
    );
    return Math.min(...built) >= Math.max(...sources);
  } catch {
    return false;
  }
}

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire v1, 8 fuses, with the values a stock Electron ships: '1' on, '0' off. */
const STOCK_FUSE_WIRE = `${FUSE_SENTINEL}\x01\x0810110001`;

async function createStandInElectron(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const executable = path.join(folder, 'electron');
  await writeFile(
    executable,
    `#!/bin/sh\necho "stand-in for Electron"\nexit 0\n# ${STOCK_FUSE_WIRE}\n`,
  );
  await chmod(executable, 0o755);
}

let work = '';
let appOutDir = '';
let asar = '';
let asarFiles: Set<string>;

beforeAll(async () => {
  if (!(await distIsFresh())) {
    await run(process.execPath, ['scripts/build.mjs'], {
      cwd: projectDir,
      maxBuffer: 16 * 1024 * 1024,
    });
  }
  work = await mkdtemp(path.join(tmpdir(), 'omnitill-package-'));
  const electronDist = path.join(work, 'electron-dist');
  await createStandInElectron(electronDist);
  const builder = path.join(projectDir, 'node_modules', '.bin', 'electron-builder');
  await run(
    builder,
    [
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${path.join(work, 'release')}`,
    ],
    { cwd: projectDir, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CI: 'true' } },
  );
  appOutDir = path.join(work, 'release', 'linux-unpacked');
  asar = path.join(appOutDir, 'resources', 'app.asar');
  asarFiles = new Set(
    listPackage(asar, { isPack: false }).map((file) => file.split(path.sep).join('/')),
  );
}, 170_000);

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
});

function readFromAsar(file: string): string {
  return extractFile(asar, file).toString('utf8');
}

/** Packages a CommonJS bundle requires at run time, besides Node's own modules and Electron. */
function runtimePackagesOf(bundle: string): string[] {
  const builtins = new Set(builtinModules);
  const packages = new Set<string>();
  // A call of the global require, not `auth.require("admin")` nor code ajv keeps in a string.
  for (const [, specifier = ''] of bundle.matchAll(/(?<![.\w$'"])require\("([^"]+)"\)/g)) {
    if (specifier.startsWith('node:') || builtins.has(specifier) || specifier === 'electron')
      continue;
    const parts = specifier.split('/');
    packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...packages].sort();
}

describe('the packaged Linux app (electron-builder --linux dir)', () => {
  it('has the executable under the product name, with the hardening fuses flipped', async () => {
    const executable = path.join(appOutDir, 'omnitill');
    await access(executable, constants.X_OK);
    const wire = await getCurrentFuseWire(executable);
    const on = '1'.charCodeAt(0);
    const off = '0'.charCodeAt(0);
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
  });

  it('holds the main bundle, the preload, the sync-server and package.json in app.asar', () => {
    for (const file of [
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/sync-server/cli.cjs',
      '/package.json',
    ]) {
      expect(asarFiles.has(file), file).toBe(true);
    }
    const pkg = JSON.parse(readFromAsar('package.json')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('holds the renderer: index.html and every script and stylesheet it references', () => {
    expect(asarFiles.has('/dist/renderer/index.html')).toBe(true);
    const html = readFromAsar('dist/renderer/index.html');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map(([, asset]) => asset);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asarFiles.has(`/dist/renderer/${asset}`), asset).toBe(true);
  });

  it('ships no sources and no source maps of ours', () => {
    const ours = [...asarFiles].filter((file) => !file.startsWith('/node_modules/'));
    expect(ours.filter((file) => /\.(ts|tsx|map)$/.test(file))).toEqual([]);
    expect(ours.filter((file) => /^\/(src|main|renderer|sync-server|tests)\//.test(file))).toEqual(
      [],
    );
  });

  it('has serialport and leveldown prebuilt binaries on disk, outside the asar', async () => {
    const unpacked = path.join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules');
    const serialport = path.join(unpacked, '@serialport', 'bindings-cpp', 'prebuilds', 'linux-x64');
    const leveldown = path.join(unpacked, 'leveldown', 'prebuilds', 'linux-x64');
    for (const folder of [serialport, leveldown]) {
      const binaries = (await readdir(folder)).filter((file) => file.endsWith('.node'));
      expect(binaries.length, folder).toBeGreaterThan(0);
    }
    const entry = statFile(asar, 'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64') as {
      files?: Record<string, { unpacked?: boolean }>;
    };
    const listed = Object.values(entry.files ?? {});
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((file) => file.unpacked === true)).toBe(true);
  });

  it('has every package the bundles require at run time, and not the renderer-only ones', () => {
    const required = [
      ...runtimePackagesOf(readFromAsar('dist/electron/main.cjs')),
      ...runtimePackagesOf(readFromAsar('dist/sync-server/cli.cjs')),
    ];
    for (const name of required) {
      expect(asarFiles.has(`/node_modules/${name}/package.json`), name).toBe(true);
    }
    expect(runtimePackagesOf(readFromAsar('dist/electron/preload.cjs'))).toEqual([]);
    for (const name of ['react', 'react-dom', 'rxdb', 'zustand']) {
      expect(asarFiles.has(`/node_modules/${name}/package.json`), name).toBe(false);
    }
  });

  it('starts the packaged sync-server with plain Node, as the Electron utility process does', async () => {
    // Node cannot read an asar, so run it from an extracted copy (unpacked natives included).
    const extracted = path.join(work, 'extracted');
    extractAll(asar, extracted);
    const server = spawn(
      process.execPath,
      [
        path.join(extracted, 'dist', 'sync-server', 'cli.cjs'),
        '--port',
        '0',
        '--data',
        path.join(work, 'sync-data'),
      ],
      {
        cwd: work,
        env: { ...process.env, OMNITILL_ADMIN_TOKEN: 'packaging-smoke-test-token-000001' },
      },
    );
    try {
      const ready = await new Promise<string>((resolve, reject) => {
        let output = '';
        const collect = (chunk: Buffer): void => {
          output += chunk.toString();
          const match = /ready on (http:\/\/\S+)/.exec(output);
          if (match?.[1] !== undefined) resolve(match[1]);
        };
        server.stdout.on('data', collect);
        server.stderr.on('data', collect);
        server.once('exit', (code) => reject(new Error(`exited ${String(code)}:\n${output}`)));
      });
      expect(ready).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      if (server.exitCode === null && server.signalCode === null) server.kill();
      else server.emit('exit');
      // LevelDB must have let go of its files before afterAll removes the folder.
      await exited;
    }
  });
});
