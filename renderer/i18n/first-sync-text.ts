/**
 * The start-up screen's line during a fresh register's first sync from the server's snapshot
 * (renderer/data/first-sync.ts): records done of the total, and the time left once it is known.
 */
import type { Locale } from '../../src/money';
import type { FirstSyncProgress } from '../data/first-sync';
import type { Translate } from './translate';

export function firstSyncText(t: Translate, progress: FirstSyncProgress, locale: Locale): string {
  const values = {
    done: progress.done.toLocaleString(locale),
    total: progress.total.toLocaleString(locale),
  };
  const left = progress.secondsLeft;
  if (left === null) return t('firstSync.counting', values);
  const time =
    left < 60
      ? t('firstSync.seconds', { seconds: left })
      : t('firstSync.minutes', { minutes: Math.floor(left / 60), seconds: left % 60 });
  return t('firstSync.progress', { ...values, time });
}
