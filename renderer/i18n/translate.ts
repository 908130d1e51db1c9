import type { Locale } from '../../src/money';
import { MESSAGES } from './messages';
import type { MessageKey } from './messages';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const table: Record<MessageKey, string> = MESSAGES[locale];
  return (key, values) =>
    table[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match,
    );
}
