/**
 * What the pole display shows for each CustomerDisplayState, as two lines of exactly `columns`
 * characters. Pure, so the wording and the alignment are tested without a port.
 */
import type { CustomerDisplayState } from '../../../src/ipc/contract';

export type DisplayLocale = CustomerDisplayState['locale'];

export interface PoleDisplayMessages {
  /** Two lines shown between customers. */
  idle: [string, string];
  /** Two lines shown after payment. */
  thankYou: [string, string];
  /** Label in front of the total on the second line during a sale. */
  totalLabel: string;
}

export const DEFAULT_POLE_MESSAGES: Readonly<Record<DisplayLocale, PoleDisplayMessages>> = {
  'vi-VN': {
    idle: ['Xin chào quý khách', ''],
    thankYou: ['Cảm ơn quý khách!', 'Hẹn gặp lại'],
    totalLabel: 'Tổng cộng',
  },
  'en-US': {
    idle: ['Welcome', ''],
    thankYou: ['Thank you!', 'See you again'],
    totalLabel: 'Total',
  },
};

export interface LayoutOptions {
  columns: number;
  messages: PoleDisplayMessages;
  /** Turns text into what the display can show (ASCII transliteration, or identity). */
  toDisplayText: (text: string) => string;
}

/** Cut or pad to exactly `width` characters (counted by code point, one per display cell). */
export function fitLine(text: string, width: number): string {
  const chars = [...text];
  return chars.slice(0, width).join('') + ' '.repeat(Math.max(0, width - chars.length));
}

/** Text on the left, amount on the right; the amount wins when space is short. */
export function leftRight(left: string, right: string, width: number): string {
  const rightChars = [...right.trim()].slice(0, width);
  const room = width - rightChars.length - (rightChars.length > 0 ? 1 : 0);
  const leftChars = room > 0 ? [...left.trim()].slice(0, room) : [];
  const gap = width - leftChars.length - rightChars.length;
  return leftChars.join('') + ' '.repeat(gap) + rightChars.join('');
}

export function centerLine(text: string, width: number): string {
  const chars = [...text.trim()].slice(0, width);
  const before = Math.floor((width - chars.length) / 2);
  return fitLine(' '.repeat(before) + chars.join(''), width);
}

export function layoutPoleDisplay(
  state: CustomerDisplayState,
  options: LayoutOptions,
): [string, string] {
  const { columns, messages } = options;
  const text = options.toDisplayText;
  switch (state.mode) {
    case 'idle':
      return [
        centerLine(text(messages.idle[0]), columns),
        centerLine(text(messages.idle[1]), columns),
      ];
    case 'thank-you':
      return [
        centerLine(text(messages.thankYou[0]), columns),
        centerLine(text(messages.thankYou[1]), columns),
      ];
    case 'sale': {
      // The last item scanned is what the customer checks; fall back to the last cart line.
      const last = state.lastItem ?? state.lines.at(-1);
      const first = last
        ? leftRight(text(last.name), text(last.amount), columns)
        : fitLine('', columns);
      return [first, leftRight(text(messages.totalLabel), text(state.total), columns)];
    }
  }
}
