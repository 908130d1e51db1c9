import type { DeviceStatus } from '../../src/ipc/contract';
import type { MessageKey } from '../i18n/messages';
import { useTranslate } from '../i18n/use-translate';
import { OmnichannelNavButtons } from './omnichannel-nav-buttons';
import { ManagerLink } from '../manager/manager-link';
import { useAppStore } from '../state/app-store';

/**
 * Always on screen: online or offline, documents waiting to sync, the devices, the register, the
 * cashier, the language, and switching user (the open sale stays).
 */
export function StatusBar() {
  const t = useTranslate();
  const config = useAppStore((state) => state.config);
  const settings = useAppStore((state) => state.settings);
  const staff = useAppStore((state) => state.staff);
  const sync = useAppStore((state) => state.sync);
  const devices = useAppStore((state) => state.devices);
  const locale = useAppStore((state) => state.locale);
  const toggleLocale = useAppStore((state) => state.toggleLocale);
  const signOut = useAppStore((state) => state.signOut);

  const lastSync = sync.lastSyncAt
    ? t('status.lastSync', { time: new Date(sync.lastSyncAt).toLocaleTimeString(locale) })
    : t('status.neverSynced');
  const registerLabel = t('status.register', { register: config?.registerId ?? '' });
  const pendingText =
    sync.pendingPush > 0 ? t('status.pending', { count: sync.pendingPush }) : lastSync;
  const deviceLabel = (device: DeviceStatus): string =>
    `${t(`status.device.${device.kind}` as MessageKey)}: ${t(`status.device.${device.state}` as MessageKey)}`;
  return (
    <header className="status-bar">
      <strong title={`${settings?.name ?? config?.storeId ?? ''} · ${registerLabel}`}>
        {settings?.name ?? config?.storeId}
      </strong>
      <span data-testid="register" className="register-label">
        {registerLabel}
      </span>
      <span
        className={sync.online ? 'badge badge-online' : 'badge badge-offline'}
        data-testid="sync-status"
        title={sync.lastError ?? lastSync}
      >
        {sync.online ? t('status.online') : t('status.offline')}
      </span>
      <span
        className={sync.pendingPush > 0 ? 'muted' : 'muted sync-time'}
        data-testid="sync-pending"
        title={pendingText}
      >
        {pendingText}
      </span>
      {devices.map((device) => (
        <span
          key={device.id}
          className={device.state === 'ready' ? 'device device-ready' : 'device device-problem'}
          data-testid={`device-${device.id}`}
          title={deviceLabel(device)}
        >
          {deviceLabel(device)}
        </span>
      ))}
      <span className="spacer" />
      {staff && <OmnichannelNavButtons />}
      <ManagerLink />
      {staff && (
        <span data-testid="signed-in-staff" aria-label={t('status.cashier', { name: staff.name })}>
          {staff.name}
        </span>
      )}
      <button type="button" className="button-secondary" onClick={toggleLocale}>
        {t('status.language')}
      </button>
      {staff && (
        <button
          type="button"
          className="button-secondary"
          onClick={signOut}
          data-testid="switch-user"
        >
          {t('status.logout')}
        </button>
      )}
    </header>
  );
}
