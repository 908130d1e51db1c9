/**
 * The register refuses plain HTTP to a sync-server beyond this machine (issue #15: the device
 * secret crossed the store LAN in clear), through the one function every shell reads its options
 * with (main/host/host-options.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HostConfigError,
  loadHostOptions,
  serverUrlProblem,
} from '../../../main/host/host-options';

const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-server-url-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const load = (env: Record<string, string>) => loadHostOptions({ ...env }, ['--data', dataDir]);

describe('the sync-server address a register accepts', () => {
  it('refuses plain HTTP to another machine, saying what to do in both languages', () => {
    expect(() => load({ OMNITILL_SERVER_URL: 'http://192.168.1.20:7070' })).toThrow(
      HostConfigError,
    );
    const problem = serverUrlProblem('http://pos.store.lan:7070', false) ?? '';
    expect(problem).toContain('https://');
    expect(problem).toContain('OMNITILL_ALLOW_PLAIN_HTTP=1');
    expect(problem).toContain('không mã hoá');
  });

  it('takes HTTPS anywhere, plain HTTP on this machine, and plain HTTP when allowed on purpose', () => {
    expect(load({ OMNITILL_SERVER_URL: 'https://192.168.1.20:7070' }).config.serverUrl).toBe(
      'https://192.168.1.20:7070',
    );
    for (const local of ['http://127.0.0.1:7070', 'http://localhost:7070', 'http://[::1]:7070']) {
      expect(serverUrlProblem(local, false)).toBeNull();
    }
    expect(
      load({ OMNITILL_SERVER_URL: 'http://192.168.1.20:7070', OMNITILL_ALLOW_PLAIN_HTTP: '1' })
        .config.serverUrl,
    ).toBe('http://192.168.1.20:7070');
    // No server named: the launcher starts a local one.
    expect(load({}).config.serverUrl).toBe('');
  });

  it('refuses an address that is not a URL, or another scheme', () => {
    expect(serverUrlProblem('pos.store.lan:7070', false)).toMatch(/https:\/\//);
    expect(serverUrlProblem('ftp://pos.store.lan', false)).toMatch(/must start with https/);
  });
});
