import { describe, expect, it } from 'vitest';
import type { CustomerDisplayState } from '../../../src/ipc/contract';
import { toDisplayAscii } from '../../../main/devices/display/ascii-transliterate';
import { FakePoleDisplay } from '../../../main/devices/display/fake-pole-display';
import {
  DEFAULT_POLE_MESSAGES,
  centerLine,
  fitLine,
  layoutPoleDisplay,
  leftRight,
} from '../../../main/devices/display/pole-display-layout';

const sale = (overrides: Partial<CustomerDisplayState> = {}): CustomerDisplayState => ({
  mode: 'sale',
  locale: 'vi-VN',
  lines: [],
  total: '0 ₫',
  ...overrides,
});

const layout = (state: CustomerDisplayState): [string, string] =>
  layoutPoleDisplay(state, {
    columns: 20,
    messages: DEFAULT_POLE_MESSAGES[state.locale],
    toDisplayText: toDisplayAscii,
  });

describe('ASCII transliteration for displays without a Vietnamese code page', () => {
  const cases: [string, string][] = [
    ['Cà phê sữa', 'Ca phe sua'],
    ['Đường đá', 'Duong da'],
    ['BÁNH MÌ THỊT NƯỚNG', 'BANH MI THIT NUONG'],
    ['Trà Ô Long', 'Tra O Long'],
    ['25.000\u00a0₫', '25.000 d'],
    ['Crème brûlée…', 'Creme brulee...'],
    ['寿司', '??'],
    ['😀', '?'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(toDisplayAscii(input)).toBe(expected);
    });
  }

  it('turns control characters into spaces so a name cannot send display commands', () => {
    expect(toDisplayAscii('Tea\x1b@\x0c\x1f$x')).toBe('Tea @  $x');
  });
});

describe('line fitting', () => {
  it('pads and truncates to the width', () => {
    expect(fitLine('abc', 5)).toBe('abc  ');
    expect(fitLine('abcdefgh', 5)).toBe('abcde');
  });

  it('keeps the amount whole and cuts the name when space is short', () => {
    expect(leftRight('Ca phe sua da size lon', '125.000 d', 20)).toBe('Ca phe sua 125.000 d');
    expect(leftRight('Tea', '5', 20)).toBe(`Tea${' '.repeat(16)}5`);
    expect(leftRight('Tea', '', 20)).toBe(fitLine('Tea', 20));
  });

  it('centers short messages', () => {
    expect(centerLine('Hi', 6)).toBe('  Hi  ');
  });
});

describe('what the pole display shows', () => {
  it('sale: last item on line 1, total on line 2, Vietnamese transliterated', () => {
    const lines = layout(
      sale({
        lines: [{ name: 'Bánh mì', quantity: '1', amount: '20.000 ₫' }],
        lastItem: { name: 'Cà phê sữa', amount: '25.000 ₫' },
        total: '45.000 ₫',
      }),
    );
    expect(lines).toEqual(['Ca phe sua  25.000 d', 'Tong cong   45.000 d']);
  });

  it('sale without lastItem falls back to the last cart line', () => {
    const lines = layout(
      sale({
        locale: 'en-US',
        lines: [
          { name: 'Tea', quantity: '1', amount: '$1.50' },
          { name: 'Croissant', quantity: '2', amount: '$6.00' },
        ],
        total: '$7.50',
      }),
    );
    expect(lines).toEqual(['Croissant      $6.00', 'Total          $7.50']);
  });

  it('an empty sale shows a blank first line and the total', () => {
    expect(layout(sale())).toEqual([' '.repeat(20), 'Tong cong        0 d']);
  });

  it('idle and thank-you show the messages of the locale, centered', () => {
    expect(layout({ ...sale(), mode: 'idle' })).toEqual([' Xin chao quy khach ', ' '.repeat(20)]);
    expect(layout({ ...sale(), mode: 'thank-you' })).toEqual([
      ' Cam on quy khach!  ',
      '    Hen gap lai     ',
    ]);
    expect(layout({ ...sale(), mode: 'thank-you', locale: 'en-US' })).toEqual([
      '     Thank you!     ',
      '   See you again    ',
    ]);
  });

  it('every line is exactly 20 characters, whatever the input', () => {
    const long = 'Sinh tố bơ sầu riêng dừa non siêu to khổng lồ';
    for (const line of layout(sale({ lastItem: { name: long, amount: long }, total: long }))) {
      expect(line).toHaveLength(20);
      expect(line).toMatch(/^[\x20-\x7e]*$/);
    }
  });

  it('the fake display lays out like the real one and reports offline', async () => {
    const fake = new FakePoleDisplay('pole');
    expect(await fake.show(sale())).toMatchObject({ ok: false, code: 'offline' });
    fake.start();
    expect(await fake.show({ ...sale(), mode: 'idle' })).toEqual({ ok: true, value: null });
    expect(fake.shown).toEqual([[' Xin chao quy khach ', ' '.repeat(20)]]);
  });
});
