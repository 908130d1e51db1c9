// Builds everything the app ships into dist/:
//   dist/renderer/            the React app (vite, vite.config.ts)
//   dist/electron/main.cjs    the Electron main process (esbuild)
//   dist/electron/preload.cjs the preload, one self-contained file (sandboxed preloads can only
//                             require 'electron')
//   dist/sync-server/cli.cjs  the sync-server, so a packaged till can run one locally in an
//                             Electron utility process (runAsNode stays off)
// Usage: node scripts/build.mjs [--renderer-only]
import { cp, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// vite.config.ts resolves `root: 'renderer'` against the working folder.
process.chdir(root);

const args = new Set(process.argv.slice(2));
const known = new Set(['--renderer-only']);
for (const arg of args) {
  if (!known.has(arg)) {
    console.error(`Unknown option ${arg}. Usage: node scripts/build.mjs [--renderer-only]`);
    process.exit(2);
  }
}

/**
 * Left out of the Node bundles and loaded from node_modules at run time: Electron itself, and the
 * packages with native addons (their .node files cannot be bundled; electron-builder unpacks them
 * from the asar, see electron-builder.yml) or with requires esbuild cannot follow.
 */
const NODE_EXTERNALS = [
  'electron',
  'serialport',
  '@serialport/*',
  'leveldown',
  'pouchdb',
  'pouchdb-*',
  'express-pouchdb',
  '@napi-rs/canvas',
  'node-thermal-printer',
];

// Our Node sources are ESM; the bundles are CommonJS (Electron's main and its utility process
// load them with require). Give import.meta.url and friends their CommonJS values.
const importMetaShim = {
  banner: {
    js: [
      '"use strict";',
      'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;',
    ].join('\n'),
  },
  define: {
    'import.meta.url': '__importMetaUrl',
    'import.meta.filename': '__filename',
    'import.meta.dirname': '__dirname',
  },
};

const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The oldest Node that runs these: the repo's Node 20 (Electron 45 ships Node 22).
  target: 'node20',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  external: NODE_EXTERNALS,
  ...importMetaShim,
};

async function folderSize(folder) {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Each step returns what it wrote, as [label, bytes] pairs for the summary. */
async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  return [['dist/renderer/ (all files)', await folderSize('dist/renderer')]];
}

async function outputsOf(result) {
  const files = Object.keys(result.metafile.outputs).filter((file) => !file.endsWith('.map'));
  return Promise.all(files.map(async (file) => [file, (await stat(file)).size]));
}

async function buildElectron() {
  await rm('dist/electron', { recursive: true, force: true });
  const main = await esbuild.build({
    ...nodeBundle,
    entryPoints: { main: 'main/electron/main.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
  });
  // The preload runs in the sandboxed renderer: a browser platform build fails on any Node
  // built-in it would try to require, and only 'electron' stays external.
  const preload = await esbuild.build({
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    external: ['electron'],
    entryPoints: { preload: 'main/electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
  });
  // The raster receipt renderer loads its font from ./fonts next to its module, which is
  // main.cjs once bundled. (Packaged, the folder is unpacked from the asar: Skia reads it natively.)
  await cp('main/devices/printer/fonts', 'dist/electron/fonts', { recursive: true });
  const fonts = [['dist/electron/fonts/', await folderSize('dist/electron/fonts')]];
  return [...(await outputsOf(main)), ...(await outputsOf(preload)), ...fonts];
}

async function buildSyncServer() {
  await rm('dist/sync-server', { recursive: true, force: true });
  const result = await esbuild.build({
    ...nodeBundle,
    entryPoints: { cli: 'sync-server/cli.ts' },
    outdir: 'dist/sync-server',
    outExtension: { '.js': '.cjs' },
  });
  return outputsOf(result);
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

const started = performance.now();
const rendererOnly = args.has('--renderer-only');
const steps = [['renderer', buildRenderer]];
if (!rendererOnly) steps.push(['electron', buildElectron], ['sync-server', buildSyncServer]);

const built = [];
for (const [name, step] of steps) {
  const stepStarted = performance.now();
  try {
    const files = await step();
    built.push({ name, files, ms: performance.now() - stepStarted });
  } catch {
    // vite and esbuild have already printed the details.
    console.error(`Build failed while building the ${name}.`);
    process.exit(1);
  }
}

for (const { name, files, ms } of built) {
  console.log(`${name} (${(ms / 1000).toFixed(1)} s)`);
  for (const [label, bytes] of files) {
    console.log(`  ${label.padEnd(34)} ${formatSize(bytes).padStart(10)}`);
  }
}
console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
