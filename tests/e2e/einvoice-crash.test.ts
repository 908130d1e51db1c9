/**
 * E-invoice codes with the register killed (issue #17: "the register killed mid-sale never
 * skips or reuses a number"). The app runs with e-invoices configured (the local provider, a
 * real HTTP server validating each invoice, and batches sent at once); Chromium is started on a
 * profile that outlives it and killed (SIGKILL to its process group, tests/e2e/helpers/
 * crashable-browser.ts) at random points: while items are scanned, while paying, and 0–200 ms
 * after F12. After each start the cart the register restored is completed as a cashier would;
 * every receipt printed then is read back. At the end every sale is pushed and invoiced, and the
 * server's invoice codes for the register are exactly the register's number and 1…N (no gap, no
 * code twice), one per stored non-voided sale, each the code the register makes for the sale
 * (what its receipt prints) and the one printed where a receipt was; the provider accepted each
 * code once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EInvoiceView } from '../../src/api/einvoice-views';
import type { SaleDoc, StoreSettingsDoc } from '../../src/documents';
import { saleInvoiceCode } from '../../src/einvoice';
import { businessDate } from '../../src/store-clock';
import { startLocalEInvoiceProvider } from '../../sync-server/einvoice/local-provider';
import type { LocalEInvoiceProvider } from '../../sync-server/einvoice/local-provider';
import {
  decodeEscPos,
  jobEvents,
  printedLines,
} from '../integration/printer/support/escpos-decoder';
import { containsCut } from '../integration/printer/support/fake-printer-peer';
import { waitFor } from '../helpers/wait-for';
import { launchOnProfile } from './helpers/crashable-browser';
import type { CrashableBrowser } from './helpers/crashable-browser';
import { DEMO } from './helpers/demo-products';
import { demoServer } from './helpers/demo-server';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { loginScreen } from './helpers/login-screen';
import { paymentScreen } from './helpers/payment-screen';
import { startPrinterCapture } from './helpers/printer-capture';
import type { PrinterCapture } from './helpers/printer-capture';
import { readReplica } from './helpers/replica-reader';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

/** Two kills at each point by default: the register's start and sign-in dominate the runtime. */
const RUNS = Number(process.env.EINVOICE_CRASH_RUNS ?? 6);
const REPLICA = 'omnitill-hcm-q1-reg-01';
const REGISTER = 'reg-01';
const TODAY = businessDate(Date.now(), 'Asia/Ho_Chi_Minh');
const CODE = /M1-\d{2}-AB12C-\d{11}/;
const PRODUCTS = [DEMO.coffee, DEMO.bread, DEMO.water];
/** Where a run's kill falls: while scanning, while paying, or 0–200 ms after F12. */
const KILL_POINTS = ['scanning', 'paying', 'after-complete'] as const;
type KillPoint = (typeof KILL_POINTS)[number];

/** A small seeded generator, so a failing sequence of kills can be replayed (CRASH_SEED). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The supervisor signs in; the first time the register is opened with a float. */
async function signIn(page: Page, first: boolean): Promise<void> {
  if (first) {
    await openTillFor(page, '2222');
    return;
  }
  await loginScreen.signIn(page, '2222');
  await page.getByTestId('scan-input').waitFor({ timeout: 60_000 });
}

/** Scans a code and waits until the total shown has moved. */
async function scan(page: Page, code: string): Promise<void> {
  const before = await sellScreen.total(page).catch(() => '');
  await sellScreen.wedgeScan(page, code);
  await page.waitForFunction(
    (previous) => {
      const total = document.querySelector('[data-testid="cart-total"]')?.textContent ?? '';
      return total !== '' && total !== previous;
    },
    before,
    { timeout: 20_000 },
  );
}

async function registerSales(page: Page): Promise<SaleDoc[]> {
  const sales = await readReplica<SaleDoc>(page, REPLICA, 'sales');
  return sales.filter((sale) => sale.registerId === REGISTER);
}

describe('e-invoice codes with the register killed mid-sale and after Complete', () => {
  let provider: LocalEInvoiceProvider;
  let printer: PrinterCapture;
  let app: RunningApp;
  let profile: string;
  let configDir: string;
  let browser: CrashableBrowser | null = null;
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

  beforeAll(async () => {
    provider = await startLocalEInvoiceProvider();
    printer = await startPrinterCapture();
    configDir = mkdtempSync(join(tmpdir(), 'omnitill-einvoice-crash-'));
    const configFile = join(configDir, 'einvoices.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        provider: { name: 'local', url: provider.invoicesUrl },
        sendAt: '00:00',
        pollMs: 300,
        stores: {
          'hcm-q1': {
            from: TODAY,
            seller: {
              name: 'Công ty TNHH Omnitill Việt Nam',
              taxCode: '0312345678',
              address: '12 Lê Lợi, Phường Sài Gòn, TP. Hồ Chí Minh',
            },
            sellerBlock: 'AB12C',
            series: 'AA',
            registers: { [REGISTER]: 1 },
          },
        },
      }),
    );
    // The demo without its past (other registers' sales, stock moves): only reg-01's sales are
    // checked, and each of the 7 starts loaded the past's thousands of documents into the page.
    app = await launchApp({
      env: {
        OMNITILL_PRINTER: printer.url,
        OMNITILL_EINVOICE_CONFIG: configFile,
        OMNITILL_DEMO_HISTORY: 'none',
      },
    });
    profile = mkdtempSync(join(tmpdir(), 'omnitill-einvoice-crash-profile-'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await printer?.close();
    await provider?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  it(`invoices every sale under consecutive codes across ${RUNS} kills`, async () => {
    console.info(`einvoice-crash: CRASH_SEED=${seed}`);
    const random = mulberry32(seed);
    /** The code on each receipt printed, by sale id. */
    const printed = new Map<string, string>();
    const kills: string[] = [];
    const firstPoint = Math.floor(random() * KILL_POINTS.length);

    /** Completes the sale as a cashier would; reads the code on the receipt printed. */
    const completeAndRead = async (page: Page): Promise<void> => {
      await paymentScreen.open(page);
      const complete = page.getByTestId('complete-sale').and(page.locator(':enabled'));
      const paid = await complete
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (!paid) await paymentScreen.cashNote(page, 'exact');
      printer.peer.clear();
      const saleId = await paymentScreen.complete(page);
      await printer.peer.waitFor((received) => containsCut(received), 20_000);
      const lines = printedLines(jobEvents(decodeEscPos(printer.peer.received)));
      const code = lines.map((text) => CODE.exec(text)?.[0]).find(Boolean);
      printed.set(saleId, code ?? 'no code printed');
    };

    for (let run = 1; run <= RUNS + 1; run += 1) {
      browser = await launchOnProfile(profile, app.url);
      const { page } = browser;
      await signIn(page, run === 1);
      // What the last kill left in the cart (restored from the register's journal) is sold.
      if ((await sellScreen.cartLines(page).count()) > 0) await completeAndRead(page);
      if (run > RUNS) break;

      // Each point in turn, from a point the seed picks: every point is killed at.
      const point: KillPoint =
        KILL_POINTS[(run + firstPoint) % KILL_POINTS.length] ?? 'after-complete';
      const scans = 1 + Math.floor(random() * 3);
      if (point === 'scanning') {
        // Killed while the items go in: somewhere in the scans, 0–600 ms in.
        const ringing = (async () => {
          for (let index = 0; index < scans; index += 1) {
            await scan(page, PRODUCTS[index % PRODUCTS.length]?.barcode ?? DEMO.coffee.barcode);
          }
        })().catch(() => undefined);
        await sleep(random() * 600);
        await browser.kill();
        await ringing;
      } else {
        for (let index = 0; index < scans; index += 1) {
          await scan(page, PRODUCTS[index % PRODUCTS.length]?.barcode ?? DEMO.coffee.barcode);
        }
        await paymentScreen.open(page);
        await paymentScreen.cashNote(page, 'exact');
        await page.getByTestId('complete-sale').and(page.locator(':enabled')).waitFor();
        if (point === 'paying') {
          await sleep(random() * 100);
          await browser.kill();
        } else {
          const press = page.keyboard.press('F12').catch(() => undefined);
          await sleep(random() * 200);
          await browser.kill();
          await press;
        }
      }
      kills.push(point);
      browser = null;
    }
    if (!browser) throw new Error('the register did not start after the last kill');
    const { page } = browser;

    // One more sale on the restarted register, printed as any.
    await scan(page, DEMO.coffee.barcode);
    await completeAndRead(page);

    const sales = await registerSales(page);
    const settings = (await readReplica<StoreSettingsDoc>(page, REPLICA, 'settings')).find(
      (doc) => doc.storeId === 'hcm-q1',
    );
    expect(
      settings?.einvoice,
      "the register's store settings carry the e-invoice section",
    ).toBeDefined();
    const invoiced = sales.filter((sale) => sale.status === 'completed');
    const registerCodes = new Map(
      invoiced.map((sale) => [sale.id, saleInvoiceCode(sale, settings)?.code ?? 'none']),
    );

    // Everything pushed and sent: one accepted invoice per stored sale.
    const server = demoServer(app);
    const listed = async (): Promise<EInvoiceView[]> => {
      const response = await fetch(`${server.url}/api/v1/einvoices?store=hcm-q1&date=${TODAY}`, {
        headers: { Authorization: server.auth },
      });
      if (!response.ok) return [];
      const body = (await response.json()) as { invoices: EInvoiceView[] };
      return body.invoices.filter((invoice) => invoice.registerId === REGISTER);
    };
    const invoices = await waitFor(
      async () => {
        const all = await listed();
        return all.length === invoiced.length &&
          all.every((invoice) => invoice.status === 'accepted')
          ? all
          : null;
      },
      { timeoutMs: 90_000, intervalMs: 500, description: 'every sale invoiced and accepted' },
    ).catch(async () => {
      const all = await listed();
      throw new Error(
        `${invoiced.length} sales stored, the server has ${all.length} invoices: ` +
          all
            .map((invoice) => `${invoice.saleId} ${invoice.status} ${invoice.reason ?? ''}`)
            .join('; '),
      );
    });

    console.info(
      `einvoice-crash: ${kills.length} kills (${kills.join(', ')}), ${invoiced.length} sales, ` +
        `${printed.size} receipts read`,
    );
    // Consecutive: the register's number (001) then 1…N, no gap, no code twice.
    const numbers = invoices
      .map((invoice) => Number((invoice.code ?? '').slice(-8)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: invoiced.length }, (_, index) => index + 1));
    expect(new Set(invoices.map((invoice) => invoice.code)).size).toBe(invoices.length);
    expect(invoices.every((invoice) => invoice.code?.slice(-11, -8) === '001')).toBe(true);
    // One per stored sale, under the code the register makes for it (its receipt's).
    expect(new Set(invoices.map((invoice) => invoice.saleId))).toEqual(
      new Set(registerCodes.keys()),
    );
    for (const invoice of invoices) {
      expect(invoice.code, `sale ${invoice.saleId}`).toBe(registerCodes.get(invoice.saleId));
    }
    // Each receipt read back carries its sale's invoice code.
    const byCode = new Map(invoices.map((invoice) => [invoice.saleId, invoice.code]));
    expect(printed.size).toBeGreaterThan(0);
    for (const [saleId, code] of printed)
      expect(code, `receipt of ${saleId}`).toBe(byCode.get(saleId));
    // The provider accepted each code once.
    const accepted = provider
      .received()
      .flatMap((batch) => batch.results)
      .filter((result) => result.outcome === 'accepted');
    expect(accepted.map((result) => result.id).sort()).toEqual(
      invoices.map((invoice) => invoice.id).sort(),
    );
  }, 240_000);
});
