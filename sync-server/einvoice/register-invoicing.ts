/**
 * What registers need to print their sales' e-invoice codes offline, written into each store's
 * settings (`einvoice`, the document every register already replicates) from the e-invoice
 * configuration at start. The configuration file stays the one place the store owner sets block,
 * series and register numbers: the server's queue and the registers read the same values, and a
 * store taken out of the file (or the file unset) loses the section, so its registers stop
 * printing codes the server would not send.
 */
import type { EInvoiceSettings, StoreSettingsDoc } from '../../src/documents';
import type { DocumentValidator } from '../gate/document-validator';
import type { SettingsHistory } from '../history/settings-history';
import { readCollection } from '../storage/collection-reader';
import type { DocumentStore } from '../storage/document-store';
import { upsertDocs } from '../services/server-writes';
import type { EInvoiceConfig, StoreInvoicing } from './einvoice-config';

/** The settings section of one store's invoicing; registers in id order, so a rewrite is stable. */
export function settingsInvoicing(invoicing: StoreInvoicing): EInvoiceSettings {
  return {
    from: invoicing.from,
    sellerBlock: invoicing.sellerBlock,
    series: invoicing.series,
    registers: Object.entries(invoicing.registers)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([registerId, number]) => ({ registerId, number })),
    ...(invoicing.lookupUrl ? { lookupUrl: invoicing.lookupUrl } : {}),
  };
}

/** The settings documents whose section differs from the configuration, as they should be. */
async function changedSettings(
  store: DocumentStore,
  config: EInvoiceConfig | undefined,
): Promise<StoreSettingsDoc[]> {
  const changed: StoreSettingsDoc[] = [];
  for (const { doc } of await readCollection<StoreSettingsDoc>(store, 'settings')) {
    const invoicing = config?.stores[doc.storeId];
    const wanted = invoicing ? settingsInvoicing(invoicing) : undefined;
    if (JSON.stringify(wanted) === JSON.stringify(doc.einvoice)) continue;
    const { einvoice: _dropped, ...rest } = doc;
    changed.push({
      ...rest,
      ...(wanted ? { einvoice: wanted } : {}),
      updatedAt: new Date().toISOString(),
    });
  }
  return changed;
}

/**
 * Writes the section where it differs from the configuration; answers the stores changed.
 * Instances starting together with one file race for the same documents: a refused write is read
 * again (the other instance's write then matches), three times before start-up stops.
 */
export async function publishRegisterInvoicing(
  store: DocumentStore,
  validator: DocumentValidator,
  settingsHistory: SettingsHistory,
  config: EInvoiceConfig | undefined,
): Promise<string[]> {
  const published = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    const changed = await changedSettings(store, config);
    if (changed.length === 0) return [...published];
    const result = await upsertDocs(store, validator, 'settings', 'settings', changed);
    for (const doc of changed) {
      if (result.written.includes(doc.id)) {
        published.add(doc.storeId);
        await settingsHistory.refresh(doc.storeId);
      }
    }
    const refused = result.rejected[0];
    if (!refused) return [...published];
    if (attempt === 3) {
      throw new Error(`E-invoice settings for the registers refused: ${refused.reason}`);
    }
  }
}
