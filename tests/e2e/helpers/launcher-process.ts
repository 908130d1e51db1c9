/**
 * `npm start`'s launcher (main/launcher/start.ts) in the browser shell on a data folder, as a
 * child process: started until it prints the app's address, stopped with Ctrl-C (SIGINT), which
 * closes the local sync-server's databases. Used by launchApp and by the run's global setup,
 * which seeds the demo template with it (demo-template.ts); no vitest import, so both can.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface LauncherProcess {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startLauncher(
  dataDir: string,
  env: Record<string, string>,
): Promise<LauncherProcess> {
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
        ...env,
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
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGINT');
      });
    },
  };
}
