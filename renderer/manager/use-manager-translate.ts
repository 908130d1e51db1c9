import { useMemo } from 'react';
import { useAppStore } from '../state/app-store';
import { MANAGER_MESSAGES } from './manager-messages';
import type { ManagerMessageKey } from './manager-messages';
import { tableTranslator } from '../i18n/table-translator';
import type { TableTranslate } from '../i18n/table-translator';

export type ManagerTranslate = TableTranslate<ManagerMessageKey>;

export function useManagerTranslate(): ManagerTranslate {
  const locale = useAppStore((state) => state.locale);
  return useMemo(() => tableTranslator(MANAGER_MESSAGES[locale]), [locale]);
}
