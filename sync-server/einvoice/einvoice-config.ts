/**
 * The e-invoice configuration: a JSON file named by OMNITILL_EINVOICE_CONFIG (docs/INVOICES.md
 * has an example). Without it the server issues no e-invoices. Read and checked once at start:
 * a mistake stops the server with what to fix, rather than blocking every invoice later.
 *
 *   { "provider": { "name": "http", "url": "https://relay/invoices", "credentials": {"token": "…"}, "template": "1" },
 *     "sendAt": "23:30", "pollMs": 60000, "batchSize": 100,
 *     "retry": { "baseMs": 60000, "maxMs": 3600000, "maxAttempts": 8 },
 *     "stores": { "hcm-q1": { "from": "2026-12-04", "seller": { "name", "taxCode", "address" }, "sellerBlock": "AB12C",
 *                             "series": "AA", "registers": { "reg-01": 1 } } } }
 */
import { readFileSync } from 'node:fs';
import {
  checkSeller,
  EInvoiceError,
  invoiceSeriesProblem,
  MAX_REGISTER_NUMBER,
  sellerBlockProblem,
} from '../../src/einvoice';
import type { EInvoiceSeller } from '../../src/einvoice';
import { providerConfigProblem } from './einvoice-provider';
import type { ProviderConfig, ProviderCredentials } from './einvoice-provider';
import type { RetryPolicy } from './einvoice-queue-state';

export interface StoreInvoicing {
  /**
   * The store's first day of e-invoices (yyyy-mm-dd, its calendar): sales of earlier days get
   * none. Required, so turning invoices on never sends every sale the server already holds.
   */
  from: string;
  seller: EInvoiceSeller;
  sellerBlock: string;
  series: string;
  /** Register id → its number among the seller's registers (1-999, never reused). */
  registers: Record<string, number>;
  /**
   * The number (1-999, never a register's) whose codes the store's adjusting invoices take, with
   * the server's gapless sequence for it (docs/INVOICES.md, "Returns and exchanges"). Without
   * it, a return's adjusting invoice is blocked until it is set.
   */
  adjustmentsNumber?: number;
  /** Printed on receipts for customers to look an invoice up; `{code}` is replaced by its code. */
  lookupUrl?: string;
}

export interface EInvoiceConfig {
  provider: ProviderConfig;
  /**
   * Minutes after the start of the store's day at which its invoices go: 1440 (the default) is
   * the end of the day; a sale after that time goes at the next pass.
   */
  sendAtMinutes: number;
  pollMs: number;
  batchSize: number;
  retry: RetryPolicy;
  stores: Record<string, StoreInvoicing>;
}

export class EInvoiceConfigError extends Error {}

function fail(message: string): never {
  throw new EInvoiceConfigError(`E-invoice configuration: ${message}`);
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(object: Json, key: string, where: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value.trim() === '') fail(`${where}.${key} must be text.`);
  return value;
}

function whole(value: unknown, where: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    fail(`${where} must be a whole number from ${min}.`);
  }
  return value;
}

/** "23:30" → 1410; "24:00" is the end of the day. */
export function sendAtMinutes(value: unknown): number {
  if (value === undefined) return 24 * 60;
  const match = typeof value === 'string' ? /^(\d{2}):(\d{2})$/.exec(value) : null;
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || !(minutes <= 24 * 60)) {
    fail(`sendAt ${JSON.stringify(value)} must be a time of the store's day, "00:00" to "24:00".`);
  }
  return minutes;
}

function credentialsOf(value: unknown): ProviderCredentials | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail('provider.credentials must be {"token"} or {"username", "password"}.');
  if (typeof value.token === 'string') return { token: value.token };
  return {
    username: text(value, 'username', 'provider.credentials'),
    password: text(value, 'password', 'provider.credentials'),
  };
}

function providerOf(value: unknown): ProviderConfig {
  if (!isObject(value)) fail('provider must be {"name", "url", "credentials", "template"}.');
  if (value.template !== undefined && value.template !== '1') {
    fail('provider.template must be "1" (VAT invoice), the only template built.');
  }
  const credentials = credentialsOf(value.credentials);
  const provider: ProviderConfig = {
    name: text(value, 'name', 'provider'),
    url: text(value, 'url', 'provider'),
    template: '1',
    ...(credentials ? { credentials } : {}),
  };
  const problem = providerConfigProblem(provider);
  if (problem) fail(problem);
  return provider;
}

function storeOf(storeId: string, value: unknown): StoreInvoicing {
  const where = `stores.${storeId}`;
  if (!isObject(value)) fail(`${where} must be {"seller", "sellerBlock", "series", "registers"}.`);
  if (!isObject(value.seller)) fail(`${where}.seller must be {"name", "taxCode", "address"}.`);
  let seller: EInvoiceSeller;
  try {
    seller = checkSeller({
      name: text(value.seller, 'name', `${where}.seller`),
      taxCode: text(value.seller, 'taxCode', `${where}.seller`),
      address: text(value.seller, 'address', `${where}.seller`),
    });
  } catch (error) {
    if (error instanceof EInvoiceError) fail(`${where}: ${error.message}`);
    throw error;
  }
  const from = text(value, 'from', where);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(from))) {
    fail(`${where}.from "${from}" must be the store's first day of e-invoices, yyyy-mm-dd.`);
  }
  const sellerBlock = text(value, 'sellerBlock', where);
  const series = text(value, 'series', where);
  const problem = sellerBlockProblem(sellerBlock) ?? invoiceSeriesProblem(series);
  if (problem) fail(`${where}: ${problem}`);
  if (!isObject(value.registers)) fail(`${where}.registers must map register ids to numbers.`);
  const registers: Record<string, number> = {};
  const used = new Map<number, string>();
  for (const [registerId, number] of Object.entries(value.registers)) {
    const checked = whole(number, `${where}.registers.${registerId}`, 0);
    if (checked > MAX_REGISTER_NUMBER) fail(`${where}.registers.${registerId} is over 999.`);
    const other = used.get(checked);
    if (other) fail(`${where}: registers ${other} and ${registerId} share number ${checked}.`);
    used.set(checked, registerId);
    registers[registerId] = checked;
  }
  const adjustmentsNumber =
    value.adjustmentsNumber === undefined
      ? undefined
      : whole(value.adjustmentsNumber, `${where}.adjustmentsNumber`, 0);
  if (adjustmentsNumber !== undefined) {
    if (adjustmentsNumber > MAX_REGISTER_NUMBER) fail(`${where}.adjustmentsNumber is over 999.`);
    const register = used.get(adjustmentsNumber);
    if (register) {
      fail(
        `${where}.adjustmentsNumber ${adjustmentsNumber} is register ${register}'s number; adjusting invoices take a number no register uses.`,
      );
    }
  }
  const lookupUrl = value.lookupUrl === undefined ? undefined : text(value, 'lookupUrl', where);
  if (lookupUrl !== undefined && (!/^https?:\/\//.test(lookupUrl) || lookupUrl.length > 200)) {
    fail(`${where}.lookupUrl must be an http(s) address of at most 200 characters.`);
  }
  return {
    from,
    seller,
    sellerBlock,
    series,
    registers,
    ...(adjustmentsNumber === undefined ? {} : { adjustmentsNumber }),
    ...(lookupUrl ? { lookupUrl } : {}),
  };
}

/**
 * Register numbers are the seller's: two stores of one seller must not share one, nor use a
 * register's number for their adjusting invoices.
 */
function checkSellerRegisters(stores: Record<string, StoreInvoicing>): void {
  const used = new Map<string, string>();
  for (const [storeId, store] of Object.entries(stores)) {
    const numbered = Object.entries(store.registers);
    if (store.adjustmentsNumber !== undefined) {
      numbered.push(['adjustmentsNumber', store.adjustmentsNumber]);
    }
    for (const [registerId, number] of numbered) {
      const key = `${store.seller.taxCode}/${store.sellerBlock}/${number}`;
      const other = used.get(key);
      if (other) {
        fail(
          `${other} and ${storeId}/${registerId} share register number ${number} of one seller.`,
        );
      }
      used.set(key, `${storeId}/${registerId}`);
    }
  }
}

export function parseEInvoiceConfig(value: unknown): EInvoiceConfig {
  if (!isObject(value)) fail('the file must hold one JSON object.');
  if (!isObject(value.stores)) fail('stores must map store ids to their invoicing settings.');
  const stores: Record<string, StoreInvoicing> = {};
  for (const [storeId, store] of Object.entries(value.stores)) {
    stores[storeId] = storeOf(storeId, store);
  }
  checkSellerRegisters(stores);
  const retry = isObject(value.retry) ? value.retry : {};
  return {
    provider: providerOf(value.provider),
    sendAtMinutes: sendAtMinutes(value.sendAt),
    pollMs: whole(value.pollMs, 'pollMs', 60_000, 100),
    batchSize: whole(value.batchSize, 'batchSize', 100),
    retry: {
      baseMs: whole(retry.baseMs, 'retry.baseMs', 60_000, 10),
      maxMs: whole(retry.maxMs, 'retry.maxMs', 3_600_000, 10),
      maxAttempts: whole(retry.maxAttempts, 'retry.maxAttempts', 8),
    },
    stores,
  };
}

/** The configuration named by OMNITILL_EINVOICE_CONFIG, or undefined when unset. */
export function eInvoiceConfigFromEnv(env: NodeJS.ProcessEnv): EInvoiceConfig | undefined {
  const file = env.OMNITILL_EINVOICE_CONFIG;
  if (!file) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    fail(`cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  return parseEInvoiceConfig(json);
}
