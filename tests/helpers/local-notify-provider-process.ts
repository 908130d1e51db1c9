/**
 * Starts tests/helpers/local-notify-provider.ts as its own process (in its own process group,
 * like the sync-server: tsx runs the script in a second node process) and reads what it got.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './sync-server-process';

export interface ReceivedMessage {
  path: string;
  authorization?: string;
  accessToken?: string;
  body: Record<string, unknown>;
  receivedAt: string;
}

export interface LocalNotifyProvider {
  url: string;
  port: number;
  received(): Promise<ReceivedMessage[]>;
  /** Answer every message with this status from now on (null: accept again). */
  failWith(status: number | null): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalNotifyProvider(
  options: { port?: number; failStatus?: number } = {},
): Promise<LocalNotifyProvider> {
  const child = spawn(
    join(REPO_ROOT, 'node_modules/.bin/tsx'),
    [
      'tests/helpers/local-notify-provider.ts',
      '--port',
      String(options.port ?? 0),
      ...(options.failStatus ? ['--fail-status', String(options.failStatus)] : []),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /local-notify-provider ready on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`provider exited (${String(code)}):\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    async received() {
      return (await (await fetch(`${url}/received`)).json()) as ReceivedMessage[];
    },
    async failWith(status) {
      await fetch(`${url}/_mode`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ failStatus: status }),
      });
    },
    async stop() {
      if (child.pid === undefined || child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await exited;
      // tsx's child may outlive it for a moment: wait until the port is free.
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          await fetch(`${url}/received`);
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
