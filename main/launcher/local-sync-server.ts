/**
 * With no central server configured, `npm start` runs a local sync-server (on-disk data in the
 * app's data folder, seeded with the demo store when asked) as a child process and enrols this
 * register with it. The child is stopped with the launcher.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisterConfig } from '../host/host-options';

export interface LocalSyncServer {
  url: string;
  adminToken: string;
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

/** The running sync-server process, whichever way it was started. */
export interface SyncServerChild {
  stdout: NodeJS.ReadableStream;
  stderr: NodeJS.ReadableStream;
  /** Called once, when the process has ended. */
  onExit(listener: (code: number | null) => void): void;
  hasExited(): boolean;
  /** Asks it to stop (SIGTERM: it closes its databases first). */
  terminate(): void;
}

/**
 * Starts the sync-server with these arguments and environment: `tsx sync-server/cli.ts` in
 * development, Electron's utilityProcess on the bundled cli.cjs when packaged
 * (main/electron/utility-sync-server.ts), so the app needs no ELECTRON_RUN_AS_NODE.
 */
export type SyncServerCommand = (args: string[], env: NodeJS.ProcessEnv) => SyncServerChild;

export function developmentSyncServerCommand(projectRoot: string): SyncServerCommand {
  return (args, env) => {
    const child = spawn(
      join(projectRoot, 'node_modules', '.bin', 'tsx'),
      [join(projectRoot, 'sync-server', 'cli.ts'), ...args],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return {
      stdout: child.stdout,
      stderr: child.stderr,
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      hasExited: () => child.exitCode !== null || child.signalCode !== null,
      terminate: () => child.kill('SIGTERM'),
    };
  };
}

export async function startLocalSyncServer(options: {
  command: SyncServerCommand;
  dataDir: string;
  port: number;
  log: (line: string) => void;
  /** Write the demo store (staff with well-known PINs) on first start. */
  seedDemo: boolean;
}): Promise<LocalSyncServer> {
  const adminToken = adminTokenFor(options.dataDir);
  const child = options.command(
    [
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
      '--data',
      join(options.dataDir, 'sync-server'),
      ...(options.seedDemo ? ['--seed-demo'] : []),
    ],
    { ...process.env, OMNITILL_ADMIN_TOKEN: adminToken },
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
    child.onExit((code) => {
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
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.hasExited()) return resolve();
        child.onExit(() => resolve());
        child.terminate();
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
