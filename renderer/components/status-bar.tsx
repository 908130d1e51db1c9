import { useTranslate } from '../i18n/use-translate';
import { useAppStore } from '../state/app-store';
import { ManagerLink } from '../manager/manager-link';

/** Always on screen: online or offline, last sync, the register, the cashier, the language. */
export function StatusBar() {
  const t = useTranslate();
  const config = useAppStore((state) => state.config);
  const settings = useAppStore((state) => state.settings);
  const staff = useAppStore((state) => state.staff);
  const sync = useAppStore((state) => state.sync);
  const locale = useAppStore((state) => state.locale);
  const toggleLocale = useAppStore((state) => state.toggleLocale);
  const signOut = useAppStore((state) => state.signOut);

  const lastSync = sync.lastSyncAt
    ? t('status.lastSync', { time: new Date(sync.lastSyncAt).toLocaleTimeString(locale) })
    : t('status.neverSynced');
  return (
    <header className="status-bar">
      <strong>{settings?.name ?? config?.storeId}</strong>
      <span>{t('status.register', { register: config?.registerId ?? '' })}</span>
      <span
        className={sync.online ? 'badge badge-online' : 'badge badge-offline'}
        data-testid="sync-status"
        title={sync.lastError ?? undefined}
      >
        {sync.online ? t('status.online') : t('status.offline')}
      </span>
      <span className="muted">{lastSync}</span>
      <span className="spacer" />
      {staff && <span data-testid="signed-in-staff">{staff.name}</span>}
      <ManagerLink />
      <button type="button" className="button-secondary" onClick={toggleLocale}>
        {t('status.language')}
      </button>
      {staff && (
        <button type="button" className="button-secondary" onClick={signOut}>
          {t('status.logout')}
        </button>
      )}
    </header>
  );
}
