/**
 * The register's set-up: its printer and scanners, which a manager changes here (the device host
 * saves them to register.json), their live state, and the store-wide receipt header, footer and
 * quick keys, which head office sets on the server for every register of the store.
 */
import { useEffect, useState } from 'react';
import type { DeviceStatus } from '../../../src/ipc/contract';
import { formatMoney } from '../../../src/money';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useManagerTranslate } from '../use-manager-translate';
import { DeviceSetupForm } from './device-setup-form';

export function SettingsPanel() {
  const t = useManagerTranslate();
  const settings = useAppStore((state) => state.settings);
  const locale = useAppStore((state) => state.locale);
  const catalogCount = useAppStore((state) => state.catalogCount);
  const [devices, setDevices] = useState<DeviceStatus[] | null>(null);

  useEffect(() => {
    void services()
      .api.invoke('device/status', null)
      .then((result) => setDevices(result.ok ? result.value : []));
  }, []);
  // Read on each render (this screen renders rarely): the quick keys follow the catalog's sync.
  const quickKeys = catalogCount > 0 ? services().catalog.quickKeys() : [];

  return (
    <div className="manager-columns" data-testid="settings-panel">
      <p className="notice" role="note">
        {t('settings.readOnly')}
      </p>
      <DeviceSetupForm />
      <section className="manager-card">
        <h2>{t('settings.devices')}</h2>
        {devices?.length === 0 && <p className="muted">{t('settings.noDevices')}</p>}
        <ul>
          {devices?.map((device) => (
            <li key={device.id}>
              <strong>{device.name}</strong> ({device.kind}): {device.state}
              {device.message ? ` — ${device.message}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section className="manager-card">
        <h2>{t('settings.receipt')}</h2>
        <h3>{t('settings.header')}</h3>
        <pre className="receipt-preview">{settings?.receipt.header.join('\n')}</pre>
        <h3>{t('settings.footer')}</h3>
        <pre className="receipt-preview">{settings?.receipt.footer.join('\n')}</pre>
      </section>
      <section className="manager-card">
        <h2>{t('settings.quickKeys')}</h2>
        <ol>
          {quickKeys.map((product) => (
            <li key={product.id}>
              {locale === 'vi-VN' ? product.name.vi : product.name.en} —{' '}
              {formatMoney(product.unitPrice, product.currency, locale)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
