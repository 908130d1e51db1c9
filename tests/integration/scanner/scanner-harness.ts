/**
 * A SerialScanner on a socat pair, with everything it reports collected, and a tap on the bytes
 * it reads so a test can wait until a chunk has arrived before sending the next one (that is how
 * "one scan in several reads" is made to happen without sleeping).
 */
import { SerialPort } from 'serialport';
import type { DeviceStatus } from '../../../src/ipc/contract';
import { SerialScanner } from '../../../main/devices/scanner/serial-scanner';
import type { SerialScannerOptions } from '../../../main/devices/scanner/serial-scanner';
import type { ScanEvent, ScannerWarning } from '../../../main/devices/scanner/scanner-types';
import { waitFor } from '../../helpers/wait-for';
import { closeDeviceEnd, createSocatPair, openDeviceEnd, writeToDevice } from './socat-pair';
import type { SocatPair } from './socat-pair';

export interface ScannerHarness {
  pair: SocatPair;
  scanner: SerialScanner;
  device: SerialPort | null;
  scans: ScanEvent[];
  warnings: ScannerWarning[];
  statuses: DeviceStatus[];
  /** Bytes the scanner has read so far. */
  bytesRead(): number;
  /** Plays the scanner hardware: writes and waits until the adapter has read the bytes. */
  send(data: string | Uint8Array): Promise<void>;
  waitForScans(count: number): Promise<ScanEvent[]>;
  waitForWarning(code: ScannerWarning['code']): Promise<ScannerWarning>;
  waitForState(state: DeviceStatus['state']): Promise<DeviceStatus>;
  reopenDevice(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startScannerHarness(
  options: Partial<SerialScannerOptions> = {},
): Promise<ScannerHarness> {
  const pair = await createSocatPair();
  let read = 0;
  const scanner = new SerialScanner({
    id: 'scanner-1',
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    // Generous, so a slow CI machine between two chunks of one scan does not trip it; the tests
    // of the timeout itself set their own.
    interCharTimeoutMs: 2_000,
    ...options,
    path: pair.a,
    openPort: (settings) => {
      const port = new SerialPort({ ...settings, autoOpen: false });
      port.on('data', (chunk: Buffer) => {
        read += chunk.length;
      });
      return port;
    },
  });
  const harness: ScannerHarness = {
    pair,
    scanner,
    device: null,
    scans: [],
    warnings: [],
    statuses: [],
    bytesRead: () => read,
    async send(data) {
      if (!harness.device) throw new Error('device end is not open');
      const expected = read + (typeof data === 'string' ? data.length : data.length);
      await writeToDevice(harness.device, data);
      await waitFor(() => read >= expected, { description: `scanner to read ${expected} bytes` });
    },
    waitForScans: (count) =>
      waitFor(() => harness.scans.length >= count && harness.scans, {
        description: `${count} scan(s), got ${JSON.stringify(harness.scans)}`,
      }),
    waitForWarning: (code) =>
      waitFor(() => harness.warnings.find((warning) => warning.code === code), {
        description: `a '${code}' warning`,
      }),
    waitForState: (state) =>
      waitFor(() => (scanner.status().state === state ? scanner.status() : null), {
        description: `scanner state '${state}'`,
      }),
    async reopenDevice() {
      await closeDeviceEnd(harness.device);
      harness.device = await openDeviceEnd(pair.b);
    },
    async dispose() {
      await scanner.stop();
      await closeDeviceEnd(harness.device);
      await pair.dispose();
    },
  };
  scanner.onScan((scan) => harness.scans.push(scan));
  scanner.onWarning((warning) => harness.warnings.push(warning));
  scanner.onStatus((status) => harness.statuses.push(status));
  harness.device = await openDeviceEnd(pair.b);
  scanner.start();
  await harness.waitForState('ready');
  return harness;
}
