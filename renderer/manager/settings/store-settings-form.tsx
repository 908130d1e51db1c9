/**
 * The receipt header and footer and the quick keys, changed by a store manager. Store settings
 * and the catalog are server-written, so this asks the sync-server (POST /api/v1/store-settings)
 * with the manager's PIN, which the server checks; the change then syncs to every register.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { quickKeyProducts } from '../../lookup/quick-keys';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useManagerTranslate } from '../use-manager-translate';
import { ManagerPinFooter, useStoreSettingsSave } from './store-settings-save';

const toLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.length > 0);

export function StoreSettingsForm() {
  const t = useManagerTranslate();
  const settings = useAppStore((state) => state.settings);
  const catalogCount = useAppStore((state) => state.catalogCount);
  const [header, setHeader] = useState(() => settings?.receipt.header.join('\n') ?? '');
  const [footer, setFooter] = useState(() => settings?.receipt.footer.join('\n') ?? '');
  const [quickKeys, setQuickKeys] = useState(() =>
    catalogCount > 0
      ? quickKeyProducts(services().catalog, settings?.quickKeys)
          .map((product) => product.sku)
          .join('\n')
      : '',
  );
  const { pin, setPin, message, save } = useStoreSettingsSave(t('settings.storeSaved'));

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    await save({
      receipt: { header: toLines(header), footer: toLines(footer) },
      quickKeys: toLines(quickKeys).map((sku) => sku.trim()),
    });
  }

  return (
    <form
      className="manager-card"
      onSubmit={(event) => void submit(event)}
      data-testid="store-settings-form"
    >
      <h2>{t('settings.receipt')}</h2>
      <label>
        {t('settings.header')}
        <textarea rows={3} value={header} onChange={(event) => setHeader(event.target.value)} />
      </label>
      <label>
        {t('settings.footer')}
        <textarea rows={3} value={footer} onChange={(event) => setFooter(event.target.value)} />
      </label>
      <label>
        {t('settings.quickKeysSkus')}
        <textarea
          rows={6}
          value={quickKeys}
          onChange={(event) => setQuickKeys(event.target.value)}
        />
      </label>
      <ManagerPinFooter
        pin={pin}
        onPinChange={setPin}
        message={message}
        submitLabel={t('settings.saveStore')}
      />
    </form>
  );
}
