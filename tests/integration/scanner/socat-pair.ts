/**
 * Pseudo-terminal pairs made by socat: the code under test opens end A like a real serial port,
 * the test plays the device on end B. Killing socat is unplugging the cable; starting it again
 * with the same link paths is plugging it back in.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { waitFor } from '../../helpers/wait-for';

export interface SocatPair {
  /** The end the adapter under test opens. */
  readonly a: string;
  /** The end the test writes to or reads from, playing the device. */
  readonly b: string;
  readonly running: boolean;
  /** Kills socat (the cable comes out): both ends disappear. */
  unplug(): Promise<void>;
  /** Starts socat again with the same link paths. */
  plugIn(): Promise<void>;
  /** Kills socat and removes the folder. */
  dispose(): Promise<void>;
}

export async function createSocatPair(): Promise<SocatPair> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-pty-'));
  const a = join(dir, 'A');
  const b = join(dir, 'B');
  let child: ChildProcess | null = null;

  const plugIn = async (): Promise<void> => {
    if (child) return;
    const started = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = started;
    let log = '';
    let ready = false;
    started.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      // socat logs this once both ptys exist and it is copying bytes.
      if (log.includes('starting data transfer loop')) ready = true;
    });
    await waitFor(() => ready && existsSync(a) && existsSync(b), {
      description: `socat pair in ${dir} (${log})`,
    });
  };

  const unplug = async (): Promise<void> => {
    const running = child;
    if (!running) return;
    child = null;
    if (running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    }
    // socat removes its links on exit; wait so a restart cannot race the old ones.
    await waitFor(() => !existsSync(a) && !existsSync(b), { description: 'socat links removed' });
  };

  await plugIn();
  return {
    a,
    b,
    get running() {
      return child !== null;
    },
    unplug,
    plugIn,
    async dispose() {
      await unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the device end of a pair; resolves once open. */
export async function openDeviceEnd(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  // A device end dies with socat; the test does not care about its errors.
  port.on('error', () => {});
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(error) : resolve())),
  );
  return port;
}

/** Writes and waits until the bytes are handed to the OS. */
export function writeToDevice(port: SerialPort, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    port.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, (error) => {
      if (error) return reject(error);
      port.drain((drainError) => (drainError ? reject(drainError) : resolve()));
    });
  });
}

export async function closeDeviceEnd(port: SerialPort | null | undefined): Promise<void> {
  if (!port?.isOpen) return;
  await new Promise<void>((resolve) => port.close(() => resolve()));
}
