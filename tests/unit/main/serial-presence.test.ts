/**
 * The hang-up serialport misses: a port that stays "open" with no close or error event after
 * the device is gone. The connection notices that the device's path has disappeared, goes
 * offline in plain words, closes the stale port and reconnects when the path is back.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialConnection } from '../../../main/devices/scanner/serial-connection';
import type {
  ConnectionState,
  SerialPortLike,
} from '../../../main/devices/scanner/serial-connection';
import { waitFor } from '../../helpers/wait-for';

/** A port that opens when its path exists and never reports a hang-up by itself. */
class SilentPort extends EventEmitter implements SerialPortLike {
  isOpen = false;
  closes = 0;
  constructor(private readonly path: string) {
    super();
  }
  open(callback: (error: Error | null) => void): void {
    try {
      writeFileSync(this.path, '', { flag: 'r+' });
      this.isOpen = true;
      callback(null);
    } catch (error) {
      callback(error as Error);
    }
  }
  close(callback?: (error: Error | null) => void): void {
    this.isOpen = false;
    this.closes += 1;
    this.emit('close');
    callback?.(null);
  }
  write(): boolean {
    return true;
  }
  drain(callback: (error: Error | null) => void): void {
    callback(null);
  }
}

const dirs: string[] = [];
const connections: SerialConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp(presenceCheckMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-presence-'));
  dirs.push(dir);
  const path = join(dir, 'ttyUSB0');
  writeFileSync(path, '');
  const ports: SilentPort[] = [];
  const states: ConnectionState[] = [];
  const connection = new SerialConnection({
    path,
    presenceCheckMs,
    reconnect: { initialDelayMs: 20, maxDelayMs: 40 },
    openPort: () => {
      const port = new SilentPort(path);
      ports.push(port);
      return port;
    },
  });
  connections.push(connection);
  connection.onState((state) => states.push(state));
  connection.start();
  return { path, ports, states, connection };
}

describe('serial connection: device presence', () => {
  it('goes offline when the device path disappears, though the port never said so', async () => {
    const { path, ports, states, connection } = setUp(25);
    await waitFor(() => connection.state().state === 'ready', { description: 'ready' });

    rmSync(path);
    const offline = await waitFor(
      () => (connection.state().state === 'offline' ? connection.state() : null),
      { description: 'offline after the path went away' },
    );
    expect(offline.message).toBe(`Disconnected from ${path} (unplugged?). Reconnecting.`);
    expect(ports[0]?.closes).toBe(1);
    expect(ports[0]?.isOpen).toBe(false);

    writeFileSync(path, '');
    await waitFor(() => connection.state().state === 'ready', { description: 'ready again' });
    expect(ports.length).toBeGreaterThanOrEqual(2);
    expect(ports.at(-1)?.isOpen).toBe(true);
    expect(states.map((state) => state.state)).toEqual(
      expect.arrayContaining(['ready', 'offline', 'ready']),
    );
  });

  it('does not watch when switched off', async () => {
    const { path, connection } = setUp(0);
    await waitFor(() => connection.state().state === 'ready', { description: 'ready' });
    rmSync(path);
    // Proving nothing happens needs time to pass: many times the interval the other test used.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connection.state().state).toBe('ready');
  });
});
