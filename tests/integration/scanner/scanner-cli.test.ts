import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../main/devices/cli/cli-command';
import {
  listCommand,
  runScanCommand,
  scanCommand,
} from '../../../main/devices/scanner/scanner-cli';
import { waitFor } from '../../helpers/wait-for';
import { closeDeviceEnd, createSocatPair, openDeviceEnd, writeToDevice } from './socat-pair';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function captureIo(): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (line) => outLines.push(line),
    err: (line) => errLines.push(line),
  };
}

describe('devices CLI: scan', () => {
  it('prints one JSON line per scan with the classifier result, and stops after --count', async () => {
    const pair = await createSocatPair();
    cleanups.push(() => pair.dispose());
    const io = captureIo();
    const running = runScanCommand(
      ['--port', pair.a, '--baud', '9600', '--suffix', 'cr', '--count', '2'],
      io,
      {
        stopSignal: new Promise(() => {}),
      },
    );
    await waitFor(() => io.errLines.some((line) => line.startsWith('[ready]')), {
      description: `ready line in ${JSON.stringify(io.errLines)}`,
    });
    const device = await openDeviceEnd(pair.b);
    cleanups.push(() => closeDeviceEnd(device));
    await writeToDevice(device, '\x00');
    await writeToDevice(device, ']E04006381333931\rhello world\r');
    expect(await running).toBe(0);

    const lines = io.outLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      scannerId: 'cli',
      raw: ']E04006381333931',
      result: { kind: 'product', gtin14: '04006381333931' },
    });
    expect(lines[1]).toMatchObject({ raw: 'hello world', result: { kind: 'unknown' } });
    expect(io.errLines.some((line) => line.startsWith('[warning]'))).toBe(true);
  });

  it('stops on the stop signal (Ctrl+C) and closes the port', async () => {
    const pair = await createSocatPair();
    cleanups.push(() => pair.dispose());
    const io = captureIo();
    let stop: () => void = () => {};
    const running = runScanCommand(['--port', pair.a], io, {
      stopSignal: new Promise<void>((resolve) => (stop = resolve)),
    });
    await waitFor(() => io.errLines.some((line) => line.startsWith('[ready]')));
    stop();
    expect(await running).toBe(0);
    expect(io.errLines.at(-1)).toBe('[offline] Stopped.');
  });

  it('rejects bad options with a usage error', async () => {
    const io = captureIo();
    await expect(runScanCommand([], io)).rejects.toThrow(/--port/);
    await expect(runScanCommand(['--port', '/dev/null', '--suffix', 'tab'], io)).rejects.toThrow(
      /--suffix must be one of/,
    );
    expect(await scanCommand.run(['--help'], io)).toBe(0);
    expect(io.outLines.join('\n')).toContain('--port PATH');
  });
});

describe('devices CLI: list', () => {
  it('lists ports or says there are none, and never fails', async () => {
    const io = captureIo();
    expect(await listCommand.run([], io)).toBe(0);
    expect(io.outLines.length).toBeGreaterThan(0);
  });
});
