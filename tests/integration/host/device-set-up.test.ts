/**
 * A manager sets up the register's printer from Settings: the device host refuses an address it
 * cannot use (and keeps the old set-up), saves a good one to register.json, reopens the devices
 * with it, and the test print reaches the printer with its Vietnamese line intact. The printer is
 * a named pipe: a `file:` printer set from the page must be a device or a FIFO.
 */
import { execFileSync } from 'node:child_process';
import { constants, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceHost } from '../../../main/host/device-host';
import type { DeviceHost } from '../../../main/host/device-host';
import { DEFAULT_REGISTER_CONFIG, readRegisterConfig } from '../../../main/host/host-options';
import type { DeviceSetup, PrintJobInfo } from '../../../src/ipc/contract';
import { VIETNAMESE_SAMPLE } from '../../../src/receipt/builders';
import { waitFor } from '../../helpers/wait-for';
import { decodeEscPos, printedLines } from '../printer/support/escpos-decoder';

describe('setting up the devices from the manager screen', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-device-setup-'));
  const printerFile = join(dataDir, 'lp0');
  const jobs: PrintJobInfo[] = [];
  const printed: Buffer[] = [];
  let host: DeviceHost;
  let printerEnd: Socket;

  beforeAll(async () => {
    execFileSync('mkfifo', [printerFile]);
    // Read and write: the pipe never reports end-of-file between jobs, and never blocks a thread.
    printerEnd = new Socket({
      fd: openSync(printerFile, constants.O_RDWR | constants.O_NONBLOCK),
      readable: true,
      writable: false,
    });
    printerEnd.on('data', (chunk: Buffer) => printed.push(chunk));
    host = await createDeviceHost({
      host: {
        dataDir,
        config: { ...DEFAULT_REGISTER_CONFIG, serverUrl: 'http://127.0.0.1:7070' },
        kiosk: false,
      },
      shell: 'browser',
    });
    host.subscribe((event, payload) => {
      if (event === 'printer/job') jobs.push(payload as PrintJobInfo);
    });
  });

  afterAll(async () => {
    printerEnd?.destroy();
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a test print with no printer as a failed job that says what to do', async () => {
    const result = await host.invoke(
      'printer/test',
      {
        storeName: 'Omnitill Quận 1',
        locale: 'vi-VN',
      },
      'cashier',
    );
    expect(result.ok).toBe(true);
    const failed = await waitFor(() => jobs.find((job) => job.state === 'failed'));
    expect(failed.lastError).toMatch(/No receipt printer is set up/);
  });

  it('refuses a printer address it cannot use and keeps the old set-up', async () => {
    const bad: DeviceSetup = {
      printer: {
        url: 'lpt1:',
        type: 'epson',
        widthMm: 80,
        mode: 'codepage',
        codepage: 'cp1258',
        drawer: { pin: 2, onMs: 50, offMs: 500 },
      },
      scanners: [],
      poleDisplay: null,
    };
    const result = await host.invoke('config/set-devices', bad, 'cashier');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/lpt1/);
    expect(existsSync(join(dataDir, 'register.json'))).toBe(false);
    const wrongType = await host.invoke(
      'config/set-devices',
      {
        ...bad,
        printer: { ...bad.printer, type: 'zebra' },
      },
      'cashier',
    );
    expect(wrongType.ok).toBe(false);
  });

  it('saves a good printer, reopens the devices, and the test print arrives in Vietnamese', async () => {
    const setup: DeviceSetup = {
      printer: {
        url: `file:${printerFile}`,
        type: 'epson',
        widthMm: 80,
        mode: 'codepage',
        codepage: 'cp1258',
        drawer: { pin: 2, onMs: 50, offMs: 500 },
      },
      scanners: [],
      poleDisplay: null,
    };
    const saved = await host.invoke('config/set-devices', setup, 'cashier');
    expect(saved).toEqual({ ok: true, value: setup });
    expect(readRegisterConfig(dataDir).printer).toEqual(setup.printer);
    expect(await host.invoke('config/devices', null, 'cashier')).toEqual({
      ok: true,
      value: setup,
    });

    jobs.length = 0;
    const queued = await host.invoke(
      'printer/test',
      {
        storeName: 'Omnitill Quận 1',
        locale: 'vi-VN',
      },
      'cashier',
    );
    expect(queued.ok).toBe(true);
    await waitFor(() => jobs.find((job) => job.state === 'printed'), { timeoutMs: 10_000 });
    const lines = printedLines(decodeEscPos(Buffer.concat(printed)));
    expect(lines.some((line) => line.includes(VIETNAMESE_SAMPLE))).toBe(true);
    expect(lines.some((line) => line.includes('Omnitill Quận 1'))).toBe(true);
  });
});
