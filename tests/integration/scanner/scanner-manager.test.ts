import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../src/ipc/contract';
import { FakeScanner } from '../../../main/devices/scanner/fake-scanner';
import { ScannerManager } from '../../../main/devices/scanner/scanner-manager';
import type { ScanEvent, ScannerWarning } from '../../../main/devices/scanner/scanner-types';
import { SerialScanner } from '../../../main/devices/scanner/serial-scanner';
import { waitFor } from '../../helpers/wait-for';
import { closeDeviceEnd, createSocatPair, openDeviceEnd, writeToDevice } from './socat-pair';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('scanner manager with fake scanners', () => {
  it('handles scans one at a time, in arrival order, waiting for async handlers', async () => {
    const front = new FakeScanner('front');
    const back = new FakeScanner('back');
    const manager = new ScannerManager([front, back]);
    manager.start();

    const log: string[] = [];
    let release: (() => void) | null = null;
    manager.onScan(async (scan) => {
      log.push(`start ${scan.scannerId}:${scan.raw}`);
      // The first scan's lookup is slow; the others must wait for it.
      if (scan.raw === 'slow') await new Promise<void>((resolve) => (release = resolve));
      log.push(`end ${scan.raw}`);
    });

    front.scan('slow');
    back.scan('b1');
    front.scan('f2');
    await waitFor(() => release !== null);
    expect(log).toEqual(['start front:slow']);
    (release as unknown as () => void)();
    await manager.idle();
    expect(log).toEqual([
      'start front:slow',
      'end slow',
      'start back:b1',
      'end b1',
      'start front:f2',
      'end f2',
    ]);
  });

  it('registering a handler returns its unregister function', async () => {
    const scanner = new FakeScanner('s');
    const manager = new ScannerManager([scanner]);
    manager.start();
    const seen: string[] = [];
    const off = manager.onScan((scan) => {
      seen.push(scan.raw);
    });
    scanner.scan('one');
    await manager.idle();
    off();
    scanner.scan('two');
    await manager.idle();
    expect(seen).toEqual(['one']);
  });

  it('a failing handler is reported and the next scan is still handled', async () => {
    const scanner = new FakeScanner('s');
    const manager = new ScannerManager([scanner]);
    manager.start();
    const warnings: ScannerWarning[] = [];
    manager.onWarning((warning) => warnings.push(warning));
    const seen: string[] = [];
    manager.onScan((scan) => {
      if (scan.raw === 'bad') throw new Error('unknown product');
      seen.push(scan.raw);
    });
    scanner.scan('bad');
    scanner.scan('good');
    await manager.idle();
    expect(seen).toEqual(['good']);
    expect(warnings).toEqual([expect.objectContaining({ scannerId: 's', code: 'handler-error' })]);
    expect(warnings[0]?.message).toContain('unknown product');
  });

  it('forwards status changes and lists statuses; rejects a duplicate id', async () => {
    const scanner = new FakeScanner('s');
    const manager = new ScannerManager([scanner]);
    const statuses: DeviceStatus[] = [];
    manager.onStatus((status) => statuses.push(status));
    manager.start();
    scanner.setStatus('offline', 'Unplugged.');
    expect(statuses.map((status) => status.state)).toEqual(['ready', 'offline']);
    expect(manager.statuses()).toEqual([statuses[1]]);
    expect(() => manager.add(new FakeScanner('s'))).toThrow(/already registered/);
    await manager.remove('s');
    expect(manager.statuses()).toEqual([]);
    expect(scanner.started).toBe(false);
  });
});

describe('scanner manager with two serial scanners on pseudo-terminals', () => {
  it('two scanners at once: every scan arrives once, tagged with its scanner, in arrival order', async () => {
    const pairs = await Promise.all([createSocatPair(), createSocatPair()]);
    for (const pair of pairs) cleanups.push(() => pair.dispose());
    const [front, back] = pairs.map(
      (pair, index) =>
        new SerialScanner({
          id: index === 0 ? 'front' : 'back',
          path: pair.a,
          suffix: index === 0 ? 'cr' : 'crlf',
          reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
          openPort: (settings) => new SerialPort({ ...settings, autoOpen: false }),
        }),
    ) as [SerialScanner, SerialScanner];
    const manager = new ScannerManager([front, back]);
    cleanups.push(() => manager.stop());
    const scans: ScanEvent[] = [];
    manager.onScan((scan) => {
      scans.push(scan);
    });
    manager.start();
    await waitFor(() => manager.statuses().every((status) => status.state === 'ready'));

    const devices = await Promise.all(pairs.map((pair) => openDeviceEnd(pair.b)));
    for (const device of devices) cleanups.push(() => closeDeviceEnd(device));
    const [frontDevice, backDevice] = devices as [SerialPort, SerialPort];

    // Strictly alternating, each waiting for the previous: the order must be kept exactly.
    const plan: [SerialPort, string, string][] = [
      [frontDevice, 'front', 'F1\r'],
      [backDevice, 'back', 'B1\r\n'],
      [frontDevice, 'front', 'F2\r'],
      [backDevice, 'back', 'B2\r\n'],
    ];
    for (const [device, , wire] of plan) {
      const before = scans.length;
      await writeToDevice(device, wire);
      await waitFor(() => scans.length > before, { description: wire });
    }
    expect(scans.map((scan) => `${scan.scannerId}:${scan.raw}`)).toEqual([
      'front:F1',
      'back:B1',
      'front:F2',
      'back:B2',
    ]);

    // Both at the same moment: both arrive, each from its own scanner, nothing mixed up.
    await Promise.all([
      writeToDevice(frontDevice, 'F3\rF4\r'),
      writeToDevice(backDevice, 'B3\r\nB4\r\n'),
    ]);
    await waitFor(() => scans.length === 8, { description: '8 scans' });
    const byScanner = (id: string): string[] =>
      scans.filter((scan) => scan.scannerId === id).map((scan) => scan.raw);
    expect(byScanner('front')).toEqual(['F1', 'F2', 'F3', 'F4']);
    expect(byScanner('back')).toEqual(['B1', 'B2', 'B3', 'B4']);
  });
});
