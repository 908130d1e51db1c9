import { useMemo } from 'react';
import { tableTranslator } from '../i18n/table-translator';
import type { TableTranslate } from '../i18n/table-translator';
import { useAppStore } from '../state/app-store';
import { KIOSK_MESSAGES } from './kiosk-messages';
import type { KioskMessageKey } from './kiosk-messages';

export type KioskTranslate = TableTranslate<KioskMessageKey>;

export function useKioskTranslate(): KioskTranslate {
  const locale = useAppStore((state) => state.locale);
  return useMemo(() => tableTranslator(KIOSK_MESSAGES[locale]), [locale]);
}
