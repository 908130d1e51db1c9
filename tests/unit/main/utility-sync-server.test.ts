/**
 * The packaged app starts its local sync-server as an Electron utility process, not as Electron
 * run as Node (ELECTRON_RUN_AS_NODE), so the runAsNode fuse can be off. Electron is not installed
 * here: a fake `utilityProcess` stands in and plays the server's ready line and exit.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { utilitySyncServerCommand } from '../../../main/electron/utility-sync-server';
import type { UtilityProcessApi } from '../../../main/electron/utility-sync-server';
import { startLocalSyncServer } from '../../../main/launcher/local-sync-server';

interface Forked {
  modulePath: string;
  args: string[];
  options: { env?: Record<string, string | undefined>; stdio?: unknown };
  child: FakeUtilityProcess;
}

class FakeUtilityProcess extends EventEmitter {
  stdout = new PassThrough();
  stderr = new PassThrough();
  killed = false;
  kill(): boolean {
    this.killed = true;
    setImmediate(() => this.emit('exit', 0));
    return true;
  }
}

function fakeUtility(): { api: UtilityProcessApi; forked: Forked[] } {
  const forked: Forked[] = [];
  const fork = (modulePath: string, args?: string[], options?: Forked['options']) => {
    const child = new FakeUtilityProcess();
    forked.push({ modulePath, args: args ?? [], options: options ?? {}, child });
    setImmediate(() => child.stdout.write('omnitill-sync-server ready on http://127.0.0.1:7777\n'));
    return child;
  };
  return { api: { fork } as unknown as UtilityProcessApi, forked };
}

describe('the local sync-server in a utility process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-utility-server-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('forks the bundled cli.cjs with no run-as-node flag, reads its ready line, stops it', async () => {
    const { api, forked } = fakeUtility();
    process.env.ELECTRON_RUN_AS_NODE = '1';
    try {
      const server = await startLocalSyncServer({
        command: utilitySyncServerCommand(api, '/opt/omnitill/resources/app.asar/dist/electron'),
        dataDir,
        port: 0,
        log: () => undefined,
        seedDemo: false,
      });
      expect(server.url).toBe('http://127.0.0.1:7777');
      const [call] = forked;
      expect(call?.modulePath).toBe('/opt/omnitill/resources/app.asar/dist/sync-server/cli.cjs');
      expect(call?.args).toEqual(expect.arrayContaining(['--port', '0', '--host', '127.0.0.1']));
      expect(call?.args).not.toContain('--seed-demo');
      expect(call?.options.stdio).toBe('pipe');
      expect(call?.options.env?.ELECTRON_RUN_AS_NODE).toBeUndefined();
      expect(call?.options.env?.OMNITILL_ADMIN_TOKEN).toBe(server.adminToken);
      await server.stop();
      expect(call?.child.killed).toBe(true);
    } finally {
      delete process.env.ELECTRON_RUN_AS_NODE;
    }
  });

  it('says the server stopped before it was ready, with its output', async () => {
    const fork = () => {
      const child = new FakeUtilityProcess();
      setImmediate(() => {
        child.stderr.write('EADDRINUSE 127.0.0.1:7070\n');
        setImmediate(() => child.emit('exit', 1));
      });
      return child;
    };
    const command = utilitySyncServerCommand({ fork } as unknown as UtilityProcessApi, '/x');
    await expect(
      startLocalSyncServer({ command, dataDir, port: 7070, log: () => undefined, seedDemo: true }),
    ).rejects.toThrow(/stopped \(exit 1\)[\s\S]*EADDRINUSE[\s\S]*OMNITILL_SYNC_PORT/);
  });
});
