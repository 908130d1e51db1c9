/**
 * Starts the app the way a newcomer does (`npm start`), in the browser shell, with a fresh data
 * folder: the launcher builds the renderer if needed, starts a local sync-server with the demo
 * store and serves the app. Each test gets its own folder, ports and browser profile.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface RunningApp {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  env?: Record<string, string>;
  dataDir?: string;
  /** Let `npm start` build the renderer itself instead of using the run's prebuilt one. */
  ownBuild?: boolean;
}

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'omnitill-e2e-'));
  const child: ChildProcess = spawn(
    join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    [join(PROJECT_ROOT, 'main', 'launcher', 'start.ts')],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        OMNITILL_DATA: dataDir,
        OMNITILL_SHELL: 'browser',
        PORT: '0',
        OMNITILL_SYNC_PORT: '0',
        ...(options.ownBuild ? {} : { OMNITILL_RENDERER_DIR: inject('rendererDir') }),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The app did not start in time:\n${output}`)),
      150_000,
    );
    const check = (): void => {
      const match = /Omnitill is ready: open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGINT');
        });
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
