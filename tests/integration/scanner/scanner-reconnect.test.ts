import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../src/ipc/contract';
import { SerialScanner } from '../../../main/devices/scanner/serial-scanner';
import { waitFor } from '../../helpers/wait-for';
import { startScannerHarness } from './scanner-harness';
import type { ScannerHarness } from './scanner-harness';
import { closeDeviceEnd, createSocatPair, openDeviceEnd, writeToDevice } from './socat-pair';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(): Promise<ScannerHarness> {
  const harness = await startScannerHarness();
  cleanups.push(() => harness.dispose());
  return harness;
}

describe('serial scanner: unplugged and plugged back in', () => {
  it('goes offline with plain words when the pair dies, reconnects by itself, next scan arrives', async () => {
    const h = await start();
    await h.send('1111\r');
    await h.waitForScans(1);

    await h.pair.unplug();
    const offline = await h.waitForState('offline');
    expect(offline).toMatchObject({ id: 'scanner-1', kind: 'scanner', state: 'offline' });
    expect(offline.message).toMatch(/disconnected|not connected/i);

    await h.pair.plugIn();
    await h.waitForState('ready');
    await h.reopenDevice();
    await h.send('2222\r');
    expect((await h.waitForScans(2)).map((scan) => scan.raw)).toEqual(['1111', '2222']);

    // Each change was reported once, in order: connecting → ready → offline (…) → ready.
    const states = h.statuses.map((status) => status.state);
    expect(h.statuses[0]?.message).toMatch(/^Connecting to /);
    expect(states.slice(0, 3)).toEqual(['offline', 'ready', 'offline']);
    expect(h.statuses[2]?.message).toMatch(/^Disconnected from .*Reconnecting\.$/);
    expect(states.at(-1)).toBe('ready');
    for (let i = 1; i < h.statuses.length; i += 1) {
      expect(h.statuses[i]).not.toEqual(h.statuses[i - 1]);
    }
  });

  it('survives being unplugged twice in a row', async () => {
    const h = await start();
    for (const code of ['A1', 'B2', 'C3']) {
      await h.send(`${code}\r`);
      await waitFor(() => h.scans.some((scan) => scan.raw === code), { description: code });
      await h.pair.unplug();
      await h.waitForState('offline');
      await h.pair.plugIn();
      await h.waitForState('ready');
      await h.reopenDevice();
    }
    expect(h.scans.map((scan) => scan.raw)).toEqual(['A1', 'B2', 'C3']);
  });

  it('a half-received scan when the cable comes out is dropped, not glued to the next one', async () => {
    const h = await start();
    await h.send('400638');
    await h.pair.unplug();
    await h.waitForWarning('incomplete');
    await h.pair.plugIn();
    await h.waitForState('ready');
    await h.reopenDevice();
    await h.send('1333931\r');
    expect((await h.waitForScans(1)).map((scan) => scan.raw)).toEqual(['1333931']);
  });
});

describe('serial scanner: starting without the device', () => {
  it('reports offline in plain words while nothing is there, and comes up when it appears', async () => {
    const pair = await createSocatPair();
    cleanups.push(() => pair.dispose());
    await pair.unplug();

    const statuses: DeviceStatus[] = [];
    let attempts = 0;
    const scanner = new SerialScanner({
      id: 'late',
      name: 'Late scanner',
      path: pair.a,
      reconnect: { initialDelayMs: 20, maxDelayMs: 40 },
      openPort: (settings) => {
        attempts += 1;
        return new SerialPort({ ...settings, autoOpen: false });
      },
    });
    cleanups.push(() => scanner.stop());
    scanner.onStatus((status) => statuses.push(status));
    const raws: string[] = [];
    scanner.onScan((scan) => raws.push(scan.raw));
    scanner.start();

    const offline = await waitFor(() =>
      statuses.find((status) => status.message?.includes('Not connected')),
    );
    expect(offline).toMatchObject({ id: 'late', name: 'Late scanner', state: 'offline' });
    expect(offline.message).toContain(pair.a);
    // Retries keep the same words: the status is not re-emitted on every attempt.
    await waitFor(() => attempts >= 4, { description: 'a few open attempts' });
    expect(statuses.filter((status) => status.message === offline.message)).toHaveLength(1);

    await pair.plugIn();
    await waitFor(() => scanner.status().state === 'ready', { description: 'ready' });
    const device = await openDeviceEnd(pair.b);
    cleanups.push(() => closeDeviceEnd(device));
    await writeToDevice(device, '8934567890123\r');
    await waitFor(() => raws.length === 1, { description: 'scan after late plug-in' });
    expect(raws).toEqual(['8934567890123']);
  });

  it('stop() ends reconnecting for good', async () => {
    const h = await start();
    await h.scanner.stop();
    expect(h.scanner.status()).toMatchObject({ state: 'offline', message: 'Stopped.' });
    const before = h.statuses.length;
    await h.pair.unplug();
    await h.pair.plugIn();
    // Proving that nothing happens needs some time to pass: a few of the harness's retry delays.
    await pause(300);
    expect(h.scanner.status().state).toBe('offline');
    expect(h.statuses.length).toBe(before);
  });
});

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
