/**
 * E-invoices as server.ts starts them: the configuration from OMNITILL_EINVOICE_CONFIG, the
 * registers' part of it in the store settings (register-invoicing.ts), the provider's adapter
 * and the queue. Without the variable, no queue (the routes answer 503) and no store's settings
 * keep an `einvoice` section.
 */
import type { DocumentValidator } from '../gate/document-validator';
import type { SettingsHistory } from '../history/settings-history';
import type { DocumentStore } from '../storage/document-store';
import { eInvoiceConfigFromEnv } from './einvoice-config';
import { EInvoiceQueue } from './einvoice-queue';
import { HttpEInvoiceProvider } from './http-provider';
import { publishRegisterInvoicing } from './register-invoicing';

export async function startEInvoices(
  store: DocumentStore,
  validator: DocumentValidator,
  settingsHistory: SettingsHistory,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<EInvoiceQueue | undefined> {
  const config = eInvoiceConfigFromEnv(env);
  const published = await publishRegisterInvoicing(store, validator, settingsHistory, config);
  if (published.length > 0) {
    log(
      `omnitill-sync-server: e-invoice settings for registers updated in ${published.join(', ')}`,
    );
  }
  if (!config) return undefined;
  // local and http speak the same batch protocol; named providers are refused by the config.
  const provider = new HttpEInvoiceProvider(config.provider);
  const queue = new EInvoiceQueue(store, settingsHistory, config, provider, log);
  await queue.init();
  const stores = Object.keys(config.stores).join(', ') || 'no store';
  log(
    `omnitill-sync-server: e-invoices for ${stores} go to ${config.provider.name} at ${config.provider.url}`,
  );
  return queue;
}
