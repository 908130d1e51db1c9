/**
 * The sync-server speaking TLS (`--tls-cert`, `--tls-key`), as a process: a register's Basic
 * credentials never cross the store LAN in clear. Issue #15: with `--host 0.0.0.0` the server
 * spoke plain HTTP only. The certificate is made here with openssl (a self-signed one for
 * 127.0.0.1), the way a store's IT person would for a test, and trusted by the client only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  httpsStatus,
  REPO_ROOT,
  startSyncServerProcess,
  TEST_ADMIN_TOKEN,
} from '../../helpers/sync-server-process';
import type { SyncServerProcess } from '../../helpers/sync-server-process';

let dir: string;
let ca: string;
let server: SyncServerProcess;

function cli(args: string[]): { status: number | null; output: string } {
  const run = spawnSync(
    join(REPO_ROOT, 'node_modules/.bin/tsx'),
    ['sync-server/cli.ts', '--port', '0', '--data', join(dir, 'cli-data'), ...args],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omnitill-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
  server = await startSyncServerProcess({
    args: ['--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')],
    ca,
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the sync-server over TLS', () => {
  it('serves HTTPS with the given certificate, and credentials work over it', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await httpsStatus(`${server.url}/api/v1/health`, ca)).toBe(200);
    const basic = `Basic ${Buffer.from(`admin:${TEST_ADMIN_TOKEN}`).toString('base64')}`;
    expect(
      await httpsStatus(`${server.url}/api/v1/admin/devices`, ca, { Authorization: basic }),
    ).toBe(200);
  });

  it('answers nothing in clear on its port, and a client that does not trust it refuses', async () => {
    const plain = server.url.replace('https:', 'http:');
    await expect(fetch(`${plain}/api/v1/health`)).rejects.toThrow();
    await expect(httpsStatus(`${server.url}/api/v1/health`, undefined)).rejects.toThrow(
      /self[- ]signed|certificate/i,
    );
  });

  it('refuses a certificate without its key, or a file it cannot read, before starting', () => {
    const alone = cli(['--tls-cert', join(dir, 'cert.pem')]);
    expect(alone.status).toBe(2);
    expect(alone.output).toContain('--tls-cert and --tls-key go together');
    const missing = cli(['--tls-cert', join(dir, 'nope.pem'), '--tls-key', join(dir, 'key.pem')]);
    expect(missing.status).toBe(2);
    expect(missing.output).toContain('cannot read the TLS certificate');
  });

  it('warns when it serves plain HTTP beyond this machine', async () => {
    const open = await startSyncServerProcess({ args: ['--host', '0.0.0.0'] });
    try {
      expect(open.output()).toContain('plain HTTP on 0.0.0.0');
    } finally {
      await open.stop();
    }
  }, 60_000);
});
