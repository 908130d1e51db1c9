import { useTranslate } from '../i18n/use-translate';
import { useAppStore } from '../state/app-store';

/**
 * Across the top of every screen while the sync-server cannot be reached: the register is
 * offline, sales are kept here, and how many sales and other documents wait to sync. One line
 * (it wraps only on a narrow screen), so the sell screen's Pay and Complete stay in view.
 */
export function OfflineBanner() {
  const t = useTranslate();
  const sync = useAppStore((state) => state.sync);
  if (sync.online) return null;
  const others = Math.max(0, sync.pendingPush - sync.pendingSales);
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <strong>{t('offline.title')}</strong>
      <span>{t('offline.kept')}</span>
      <strong data-testid="offline-waiting">
        {t('offline.waiting', { sales: sync.pendingSales, others })}
      </strong>
    </div>
  );
}
