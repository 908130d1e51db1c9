/**
 * With no central server configured, `npm start` runs a local sync-server (on-disk data in the
 * app's data folder, seeded with the demo store) as a child process and enrols this register
 * with it. The child is stopped with the launcher.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisterConfig } from '../host/host-options';

export interface LocalSyncServer {
  url: string;
  adminToken: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const READY = /omnitill-sync-server ready on (http:\/\/\S+)/;

export function adminTokenFor(dataDir: string): string {
  const path = join(dataDir, 'admin-token');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  return token;
}

/** How to run the sync-server: `tsx sync-server/cli.ts` in development, the bundled
 * `dist/sync-server/cli.cjs` under Electron's own Node (ELECTRON_RUN_AS_NODE) when packaged. */
export interface SyncServerCommand {
  file: string;
  args: string[];
  env?: Record<string, string>;
}

export function developmentSyncServerCommand(projectRoot: string): SyncServerCommand {
  return {
    file: join(projectRoot, 'node_modules', '.bin', 'tsx'),
    args: [join(projectRoot, 'sync-server', 'cli.ts')],
  };
}

export async function startLocalSyncServer(options: {
  command: SyncServerCommand;
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<LocalSyncServer> {
  const adminToken = adminTokenFor(options.dataDir);
  const child = spawn(
    options.command.file,
    [
      ...options.command.args,
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
      '--data',
      join(options.dataDir, 'sync-server'),
      '--seed-demo',
    ],
    {
      env: { ...process.env, OMNITILL_ADMIN_TOKEN: adminToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      reject(
        new Error(
          `The local sync-server stopped (exit ${code}) before it was ready:\n${output.trim()}\n` +
            `If port ${options.port} is taken, set OMNITILL_SYNC_PORT to a free port.`,
        ),
      );
    });
  });
  child.stdout.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (line.trim()) options.log(`[sync-server] ${line}`);
  });
  return {
    url,
    adminToken,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Makes sure the register has working device credentials on the server, enrolling it if not. */
export async function ensureEnrolled(
  serverUrl: string,
  adminToken: string,
  config: RegisterConfig,
): Promise<RegisterConfig> {
  if (config.deviceId && config.deviceSecret) {
    const probe = await fetch(`${serverUrl}/db/products`, {
      headers: { Authorization: basic(config.deviceId, config.deviceSecret) },
    });
    if (probe.ok) return config;
  }
  const response = await fetch(`${serverUrl}/api/v1/admin/devices`, {
    method: 'POST',
    headers: { Authorization: basic('admin', adminToken), 'Content-Type': 'application/json' },
    body: JSON.stringify({ storeId: config.storeId, name: config.registerId }),
  });
  if (!response.ok) {
    throw new Error(
      `Could not enrol this register with the sync-server: ${response.status} ${await response.text()}`,
    );
  }
  const device = (await response.json()) as { deviceId: string; secret: string };
  return { ...config, deviceId: device.deviceId, deviceSecret: device.secret };
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
