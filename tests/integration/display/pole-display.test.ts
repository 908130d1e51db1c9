import type { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerDisplayState, DeviceStatus } from '../../../src/ipc/contract';
import { PoleDisplay } from '../../../main/devices/display/pole-display';
import type { PoleDisplayOptions } from '../../../main/devices/display/pole-display';
import { waitFor } from '../../helpers/wait-for';
import { closeDeviceEnd, createSocatPair, openDeviceEnd } from '../scanner/socat-pair';
import type { SocatPair } from '../scanner/socat-pair';

const ESC = 0x1b;
const US = 0x1f;
const INIT = [ESC, 0x40, US, 0x01, 0x0c]; // ESC @, US MD1 (overwrite), CLR
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const screen = (line1: string, line2: string): number[] => [
  ...[US, 0x24, 1, 1],
  ...ascii(line1),
  ...[US, 0x24, 1, 2],
  ...ascii(line2),
];

const saleState: CustomerDisplayState = {
  mode: 'sale',
  locale: 'vi-VN',
  lines: [{ name: 'Cà phê sữa', quantity: '1', amount: '25.000 ₫' }],
  lastItem: { name: 'Cà phê sữa', amount: '25.000 ₫' },
  total: '25.000 ₫',
};

interface Rig {
  pair: SocatPair;
  display: PoleDisplay;
  received: number[];
  statuses: DeviceStatus[];
  openDevice(): Promise<void>;
  waitForBytes(count: number): Promise<number[]>;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A pole display on end A; the test reads what "the glass" receives on end B. */
async function rig(options: Partial<PoleDisplayOptions> = {}, start = true): Promise<Rig> {
  const pair = await createSocatPair();
  cleanups.push(() => pair.dispose());
  const display = new PoleDisplay({
    id: 'pole',
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    ...options,
    path: pair.a,
  });
  cleanups.push(() => display.stop());
  let device: SerialPort | null = null;
  cleanups.push(() => closeDeviceEnd(device));
  const r: Rig = {
    pair,
    display,
    received: [],
    statuses: [],
    async openDevice() {
      await closeDeviceEnd(device);
      device = await openDeviceEnd(pair.b);
      device.on('data', (chunk: Buffer) => r.received.push(...chunk));
    },
    waitForBytes: (count) =>
      waitFor(() => r.received.length >= count && r.received, {
        description: `${count} bytes on the display end, got ${r.received.length}`,
      }),
  };
  display.onStatus((status) => r.statuses.push(status));
  await r.openDevice();
  if (start) {
    display.start();
    await r.waitForBytes(INIT.length);
  }
  return r;
}

describe('pole display bytes on a pseudo-terminal', () => {
  it('initializes on connect: ESC @, overwrite mode, clear', async () => {
    const r = await rig();
    expect(r.received).toEqual(INIT);
    expect(r.display.status()).toMatchObject({ id: 'pole', kind: 'display', state: 'ready' });
  });

  it('a sale shows the last item and the total, transliterated and padded to 20', async () => {
    const r = await rig();
    expect(await r.display.show(saleState)).toEqual({ ok: true, value: null });
    const expected = [...INIT, ...screen('Ca phe sua  25.000 d', 'Tong cong   25.000 d')];
    expect(await r.waitForBytes(expected.length)).toEqual(expected);
  });

  it('idle and thank-you messages, in English and Vietnamese', async () => {
    const r = await rig();
    await r.display.show({ ...saleState, mode: 'idle', locale: 'en-US' });
    await r.display.show({ ...saleState, mode: 'thank-you' });
    const expected = [
      ...INIT,
      ...screen('      Welcome       ', ' '.repeat(20)),
      ...screen(' Cam on quy khach!  ', '    Hen gap lai     '),
    ];
    expect(await r.waitForBytes(expected.length)).toEqual(expected);
  });

  it('does not rewrite an unchanged screen (a 9600 baud line is slow)', async () => {
    const r = await rig();
    await r.display.show(saleState);
    await r.display.show({ ...saleState });
    await r.display.show({ ...saleState, total: '50.000 ₫' });
    const expected = [
      ...INIT,
      ...screen('Ca phe sua  25.000 d', 'Tong cong   25.000 d'),
      ...screen('Ca phe sua  25.000 d', 'Tong cong   50.000 d'),
    ];
    expect(await r.waitForBytes(expected.length)).toEqual(expected);
  });

  it('a product name cannot inject display commands (ESC, CLR become spaces)', async () => {
    const r = await rig();
    await r.display.show({ ...saleState, lastItem: { name: 'Tea\x1b@\x0c', amount: '1' } });
    const expected = [...INIT, ...screen(`Tea @${' '.repeat(14)}1`, 'Tong cong   25.000 d')];
    expect(await r.waitForBytes(expected.length)).toEqual(expected);
  });

  it('with a code table: ESC t n after init, and the encoder gets the text unreduced', async () => {
    const seen: string[] = [];
    const r = await rig({
      codeTable: {
        escT: 30,
        encode: (line) => {
          seen.push(line);
          return Uint8Array.from([...line], (char) =>
            char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : 0xf0,
          );
        },
      },
    });
    await r.display.show(saleState);
    const expected = [
      ...[ESC, 0x40, US, 0x01, ESC, 0x74, 30, 0x0c],
      ...[US, 0x24, 1, 1],
      ...ascii('C'),
      0xf0,
      ...ascii(' ph'),
      0xf0,
      ...ascii(' s'),
      0xf0,
      ...ascii('a  25.000 '),
      0xf0,
      ...[US, 0x24, 1, 2],
      ...ascii('T'),
      0xf0,
      ...ascii('ng c'),
      0xf0,
      ...ascii('ng   25.000 '),
      0xf0,
    ];
    expect(await r.waitForBytes(expected.length)).toEqual(expected);
    expect(seen).toEqual(['Cà phê sữa  25.000 ₫', 'Tổng cộng   25.000 ₫']);
  });
});

describe('pole display: offline and back', () => {
  it('show() while the display is not there reports offline; the screen appears on connect', async () => {
    const r = await rig({}, false);
    const result = await r.display.show(saleState);
    expect(result).toMatchObject({ ok: false, code: 'offline', canRetry: true });
    r.display.start();
    const expected = [...INIT, ...screen('Ca phe sua  25.000 d', 'Tong cong   25.000 d')];
    expect(await r.waitForBytes(expected.length)).toEqual(expected);
  });

  it('unplugged: goes offline; plugged back in: initializes again and redraws the last screen', async () => {
    const r = await rig();
    await r.display.show(saleState);
    await r.waitForBytes(INIT.length + 48);

    await r.pair.unplug();
    await waitFor(() => r.display.status().state === 'offline', { description: 'offline' });
    expect(r.display.status().message).toMatch(/disconnected|not connected/i);
    const whileAway = await r.display.show({ ...saleState, total: '99.000 ₫' });
    expect(whileAway).toMatchObject({ ok: false, code: 'offline' });

    await r.pair.plugIn();
    r.received.length = 0;
    await r.openDevice();
    await waitFor(() => r.display.status().state === 'ready', { description: 'ready again' });
    const expected = [...INIT, ...screen('Ca phe sua  25.000 d', 'Tong cong   99.000 d')];
    expect(await r.waitForBytes(expected.length)).toEqual(expected);
  });
});
