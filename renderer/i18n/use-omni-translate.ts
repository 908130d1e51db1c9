import { useMemo } from 'react';
import type { Locale } from '../../src/money';
import { useAppStore } from '../state/app-store';
import { OMNI_MESSAGES } from './omnichannel-messages';
import type { OmniMessageKey } from './omnichannel-messages';

export type OmniTranslate = (
  key: OmniMessageKey,
  values?: Record<string, string | number>,
) => string;

export function omniTranslator(locale: Locale): OmniTranslate {
  const table: Record<OmniMessageKey, string> = OMNI_MESSAGES[locale];
  return (key, values) =>
    table[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match,
    );
}

export function useOmniTranslate(): OmniTranslate {
  const locale = useAppStore((state) => state.locale);
  return useMemo(() => omniTranslator(locale), [locale]);
}
