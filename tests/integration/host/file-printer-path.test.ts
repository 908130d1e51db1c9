/**
 * A `file:` printer set from the page may only be a printer device or a named pipe. Otherwise a
 * page (or anything holding its token) could point the printer at a shell script or a config file
 * and have every print append chosen text to it.
 */
import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceHost } from '../../../main/host/device-host';
import type { DeviceHost } from '../../../main/host/device-host';
import { DEFAULT_REGISTER_CONFIG } from '../../../main/host/host-options';
import { checkFilePrinterPath } from '../../../main/devices/printer/printer-device-path';
import type { DeviceSetup, PrintJobInfo } from '../../../src/ipc/contract';
import { buildTestReceipt } from '../../../src/receipt/builders';
import { waitFor } from '../../helpers/wait-for';

const setupFor = (url: string): DeviceSetup => ({
  printer: {
    url,
    type: 'epson',
    widthMm: 80,
    mode: 'codepage',
    codepage: 'cp1258',
    drawer: { pin: 2, onMs: 50, offMs: 500 },
  },
  scanners: [],
  poleDisplay: null,
});

describe('a file printer set from the page', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-file-printer-'));
  const script = join(dataDir, 'backup.sh');
  const link = join(dataDir, 'lp-link');
  const fifo = join(dataDir, 'printer.fifo');
  let host: DeviceHost;

  beforeAll(async () => {
    writeFileSync(script, '#!/bin/sh\necho backup\n', { mode: 0o755 });
    symlinkSync(script, link);
    execFileSync('mkfifo', [fifo]);
    host = await createDeviceHost({
      host: {
        dataDir,
        config: { ...DEFAULT_REGISTER_CONFIG, serverUrl: 'http://127.0.0.1:7070' },
        kiosk: false,
      },
      shell: 'browser',
    });
  });

  afterAll(async () => {
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a regular file, a symlink to one and a missing path, in Vietnamese and English', async () => {
    for (const path of [script, link, join(dataDir, 'nothing-here')]) {
      const result = await host.invoke('config/set-devices', setupFor(`file:${path}`), 'cashier');
      expect(result).toMatchObject({ ok: false, code: 'bad-request', canRetry: false });
      if (!result.ok) {
        expect(result.message).toContain(path);
        expect(result.message).toMatch(/Máy in/);
        expect(result.message).toMatch(/\/dev\/usb\/lp0/);
        expect(result.message).toMatch(/named pipe/);
      }
    }
    expect(existsSync(join(dataDir, 'register.json'))).toBe(false);
    await host.invoke('printer/test', { storeName: 'X', locale: 'en-US' }, 'cashier');
    expect(readFileSync(script, 'utf8')).toBe('#!/bin/sh\necho backup\n');
  });

  it('refuses a character device that is not a printer port', async () => {
    expect(await checkFilePrinterPath('/dev/null')).toMatch(/"\/dev\/null".*not a printer device/);
    expect(await checkFilePrinterPath('/dev/tty')).toMatch(/not a printer device/);
  });

  it('reports a named pipe nobody reads as a printer that is not connected, without hanging', async () => {
    const lonely = join(dataDir, 'nobody-reads.fifo');
    execFileSync('mkfifo', [lonely]);
    expect(
      await host.invoke('config/set-devices', setupFor(`file:${lonely}`), 'cashier'),
    ).toMatchObject({ ok: true });
    const jobs: PrintJobInfo[] = [];
    const unsubscribe = host.subscribe((event, payload) => {
      if (event === 'printer/job') jobs.push(payload as PrintJobInfo);
    });
    await host.invoke('printer/test', { storeName: 'X', locale: 'en-US' }, 'cashier');
    const failed = await waitFor(() => jobs.find((job) => job.state === 'failed'), {
      timeoutMs: 5_000,
    });
    unsubscribe();
    expect(failed.lastError).toMatch(/not connected|nobody-reads/);
  });

  it('accepts a named pipe and the test print arrives through it', async () => {
    expect(await checkFilePrinterPath(fifo)).toBeNull();
    const saved = await host.invoke('config/set-devices', setupFor(`file:${fifo}`), 'cashier');
    expect(saved).toMatchObject({ ok: true });
    const received: Buffer[] = [];
    const reader = createReadStream(fifo);
    reader.on('data', (chunk) => received.push(chunk as Buffer));
    const ended = new Promise<void>((resolve) => reader.once('end', () => resolve()));
    const queued = await host.invoke(
      'printer/print',
      {
        jobId: 'job_fifo',
        receipt: buildTestReceipt({
          storeName: 'Omnitill Quận 1',
          locale: 'vi-VN',
          currency: 'VND',
          now: new Date(),
        }),
      },
      'cashier',
    );
    expect(queued.ok).toBe(true);
    await ended;
    expect(Buffer.concat(received).length).toBeGreaterThan(100);
  });
});
