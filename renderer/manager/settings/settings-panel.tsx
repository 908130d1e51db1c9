/**
 * The register's set-up: its printer and scanners, which a manager changes here (the device host
 * saves them to register.json), their live state, and the store-wide receipt header, footer and
 * quick keys, which a manager changes on the server (with their PIN) for every register.
 */
import { useTranslate } from '../../i18n/use-translate';
import { useAppStore } from '../../state/app-store';
import { useManagerTranslate } from '../use-manager-translate';
import { DeviceSetupForm } from './device-setup-form';
import { StoreSettingsForm } from './store-settings-form';

export function SettingsPanel() {
  const t = useManagerTranslate();
  const tc = useTranslate();
  // The same live status the status bar shows (boot.ts follows the host's 'device/status'
  // events): a copy read once when the panel opened went stale as soon as a printer was saved.
  const devices = useAppStore((state) => state.devices);

  return (
    <div className="manager-columns" data-testid="settings-panel">
      <p className="notice" role="note">
        {t('settings.readOnly')}
      </p>
      <DeviceSetupForm />
      <section className="manager-card">
        <h2>{t('settings.devices')}</h2>
        {devices.length === 0 && <p className="muted">{t('settings.noDevices')}</p>}
        <ul data-testid="settings-devices">
          {devices.map((device) => (
            <li key={device.id} data-testid={`settings-device-${device.id}`}>
              {/* The host's name and message are English (for its log): say kind and state. */}
              <strong>{tc(`status.device.${device.kind}`)}</strong>:{' '}
              {tc(`status.device.${device.state}`)}
            </li>
          ))}
        </ul>
      </section>
      <StoreSettingsForm />
    </div>
  );
}
