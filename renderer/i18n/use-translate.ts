import { useMemo } from 'react';
import { useAppStore } from '../state/app-store';
import { translator } from './translate';
import type { Translate } from './translate';

export function useTranslate(): Translate {
  const locale = useAppStore((state) => state.locale);
  return useMemo(() => translator(locale), [locale]);
}
