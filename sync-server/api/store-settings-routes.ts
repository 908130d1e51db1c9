/**
 * What a store manager may change from a register: the receipt header and footer, the store's
 * promotions, its low-stock thresholds and the quick keys. Store settings and the catalog are written by the server only (ARCHITECTURE.md rule 2),
 * so the register asks here, with the manager's PIN checked at the server against the store's
 * permissions; the change then replicates to every register of the store.
 */
import { Router } from 'express';
import { MAX_QUICK_KEYS } from '../../src/documents';
import type { StaffDoc, StoreSettingsDoc } from '../../src/documents';
import { applyStockSettingsChange, StockSettingsError } from '../../src/stock';
import type { StockSettings, StockSettingsChange } from '../../src/stock';
import { badRequest, forbidden, notFound } from '../http/api-error';
import { principalOf } from '../access/auth';
import { readCollection } from '../storage/collection-reader';
import { parsePromotions } from '../services/promotion-input';
import { isPlainObject } from '../http/read-json-body';
import type { ServerContext } from '../server-context';
import { upsertDocs } from '../services/server-writes';
import { PinAttempts, requireStaffPin } from '../access/pin-attempts';
import { answer, contractRoute } from './contract-route';

const MAX_LINES = 10;
const MAX_LINE = 64;

/**
 * The store's own quick keys: known SKUs, in grid order. Products are stored as `prod_<sku>`
 * (docs/DATA.md), so only the SKUs asked for are read, not the catalog.
 */
async function quickKeys(context: ServerContext, value: unknown): Promise<string[]> {
  if (
    !Array.isArray(value) ||
    value.length > MAX_QUICK_KEYS ||
    !value.every((sku) => typeof sku === 'string' && sku.length > 0 && sku.length <= 64)
  ) {
    throw badRequest(`quickKeys must be a list of at most ${MAX_QUICK_KEYS} SKUs.`, {
      field: 'quickKeys',
    });
  }
  const wanted = [...new Set(value as string[])];
  const found = await context.store.getCurrent(
    'products',
    wanted.map((sku) => `prod_${sku}`),
  );
  const unknown = wanted.filter((sku) => {
    const doc = found.get(`prod_${sku}`);
    return !doc || doc._deleted === true || doc.sku !== sku;
  });
  if (unknown.length > 0) {
    throw badRequest(`No product has SKU ${unknown.join(', ')}.`, { field: 'quickKeys' });
  }
  return wanted;
}

/** `{"defaultThreshold"?: n, "thresholds"?: {"SKU": n | null}}`: null clears a SKU's own. */
function stockChange(value: unknown, current: StockSettings | undefined): StockSettings {
  const shape =
    'stock must be {"defaultThreshold"?: number, "thresholds"?: {"<sku>": number or null}}.';
  if (!isPlainObject(value)) throw badRequest(shape, { field: 'stock' });
  const { defaultThreshold, thresholds } = value;
  if (defaultThreshold !== undefined && typeof defaultThreshold !== 'number')
    throw badRequest(shape, { field: 'stock.defaultThreshold' });
  if (thresholds !== undefined && !isPlainObject(thresholds))
    throw badRequest(shape, { field: 'stock.thresholds' });
  const change: StockSettingsChange = {};
  if (defaultThreshold !== undefined) change.defaultThreshold = defaultThreshold;
  if (thresholds !== undefined) change.thresholds = thresholds as Record<string, number | null>;
  try {
    return applyStockSettingsChange(current, change);
  } catch (error) {
    if (error instanceof StockSettingsError)
      throw badRequest(error.message, { field: error.field });
    throw error;
  }
}

function lines(value: unknown, field: string): string[] {
  if (
    !Array.isArray(value) ||
    value.length > MAX_LINES ||
    !value.every((line) => typeof line === 'string' && line.length <= MAX_LINE)
  ) {
    throw badRequest(
      `${field} must be at most ${MAX_LINES} lines of at most ${MAX_LINE} characters.`,
      {
        field,
      },
    );
  }
  return value as string[];
}

export function storeSettingsRoutes(context: ServerContext): Router {
  const router = Router();
  const attempts = new PinAttempts(context.store);

  contractRoute(
    router,
    'store-settings/change',
    context.auth.require('device'),
    async (body, res) => {
      const principal = principalOf(res);
      if (principal.kind !== 'device') throw forbidden('Only a register of the store may ask.');
      const storeId = principal.storeId;
      const [settingsEntry] = (
        await readCollection<StoreSettingsDoc>(context.store, 'settings')
      ).filter((entry) => entry.doc.storeId === storeId);
      if (!settingsEntry) throw notFound(`The server has no settings for store ${storeId}.`);
      const settings = settingsEntry.doc;
      const member = (await readCollection<StaffDoc>(context.store, 'staff')).find(
        (entry) => entry.doc.id === body.staffId,
      )?.doc;
      const staff = await requireStaffPin(attempts, principal.id, member, storeId, body.pin);
      if (!settings.permissions[staff.role].includes('manage-settings')) {
        throw forbidden(`${staff.name} may not change the store's settings; ask a manager.`);
      }

      const now = new Date().toISOString();
      const changed: string[] = [];
      // All of these are one settings document: one new version, in force from now.
      let updated: StoreSettingsDoc = settings;
      if (body.receipt !== undefined) {
        if (!isPlainObject(body.receipt))
          throw badRequest('receipt must be {"header": [...], "footer": [...]}.');
        const receipt = {
          header: lines(body.receipt.header, 'receipt.header'),
          footer: lines(body.receipt.footer, 'receipt.footer'),
        };
        updated = { ...updated, receipt };
        changed.push('receipt');
      }
      if (body.promotions !== undefined) {
        updated = { ...updated, promotions: parsePromotions(body.promotions) };
        changed.push('promotions');
      }
      if (body.stock !== undefined) {
        updated = { ...updated, stock: stockChange(body.stock, updated.stock) };
        changed.push('stock');
      }
      if (body.quickKeys !== undefined) {
        updated = { ...updated, quickKeys: await quickKeys(context, body.quickKeys) };
        changed.push('quickKeys');
      }
      if (updated !== settings) {
        const toWrite: StoreSettingsDoc = { ...updated, updatedAt: now };
        const result = await upsertDocs(context.store, context.validator, 'settings', 'settings', [
          toWrite,
        ]);
        if (result.rejected[0]) throw badRequest(result.rejected[0].reason);
        // Recorded before the answer: a sale completed from now on is judged against it.
        await context.settingsHistory.refresh(storeId);
      }
      console.log(
        `omnitill-sync-server: ${staff.name} (${staff.id}) changed ${changed.join(' and ') || 'nothing'} for ${storeId}`,
      );
      return answer({ changed, by: staff.id, at: now });
    },
  );
  return router;
}
