/**
 * Cash-register e-invoices from the counter to the manager (issue #17), with the local provider
 * (a real HTTP server that validates each invoice) as the embedded sync-server's provider and
 * batches sent at once (`sendAt` "00:00"). Two sales: each printed receipt carries its code
 * (the register's number 1 and its receipt sequence) and the lookup QR; the provider receives
 * both under those codes. The first batch meets the provider down with one try allowed, so the
 * manager sees the first invoice failed with its tries used up and the second accepted, resends
 * the first with the manager's PIN, and sees it accepted. The second sale is then partly
 * returned at the counter: its adjusting invoice (the store's adjustments number 900) goes once
 * the sale's invoice is accepted, the provider checks it against that invoice, and the manager
 * sees it accepted as "Điều chỉnh" with the code of the invoice it decreases.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EInvoiceView } from '../../src/api/einvoice-views';
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
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { demoServer } from './helpers/demo-server';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { returnsScreen } from './helpers/omnichannel-screens';
import { paymentScreen } from './helpers/payment-screen';
import { startPrinterCapture } from './helpers/printer-capture';
import type { PrinterCapture } from './helpers/printer-capture';
import { saveScreenshot } from './helpers/screenshots';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor, switchUser } from './helpers/till';

const TODAY = businessDate(Date.now(), 'Asia/Ho_Chi_Minh');
const YY = TODAY.slice(2, 4);
const LOOKUP = 'https://hoadon.example.vn/tra-cuu?ma={code}';

describe('e-invoices at the register and for the manager', () => {
  let provider: LocalEInvoiceProvider;
  let printer: PrinterCapture;
  let app: RunningApp;
  let browser: TestBrowser;
  let configDir: string;

  beforeAll(async () => {
    provider = await startLocalEInvoiceProvider();
    printer = await startPrinterCapture();
    configDir = mkdtempSync(join(tmpdir(), 'omnitill-einvoice-config-'));
    const configFile = join(configDir, 'einvoices.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        provider: { name: 'local', url: provider.invoicesUrl },
        sendAt: '00:00',
        pollMs: 300,
        retry: { baseMs: 100, maxMs: 200, maxAttempts: 1 },
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
            registers: { 'reg-01': 1 },
            adjustmentsNumber: 900,
            lookupUrl: LOOKUP,
          },
        },
      }),
    );
    app = await launchApp({
      env: { OMNITILL_PRINTER: printer.url, OMNITILL_EINVOICE_CONFIG: configFile },
    });
    browser = await openBrowser(app.url);
    await openTillFor(browser.page, '1111');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await printer?.close();
    await provider?.stop();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  /** The day's invoices as the server's queue holds them, read as the administrator. */
  async function invoicesOnServer(): Promise<EInvoiceView[]> {
    const server = demoServer(app);
    const response = await fetch(`${server.url}/api/v1/einvoices?store=hcm-q1&date=${TODAY}`, {
      headers: { Authorization: server.auth },
    });
    if (!response.ok) return [];
    return ((await response.json()) as { invoices: EInvoiceView[] }).invoices;
  }

  /** A sale's invoice status on the server. */
  async function statusOnServer(saleId: string): Promise<string | undefined> {
    const invoices = await invoicesOnServer();
    return invoices.find((invoice) => invoice.saleId === saleId && invoice.kind === 'sale')?.status;
  }

  it('prints each code, sends both, and the manager resends the one that failed', async () => {
    const { page } = browser;
    const sales = [
      { barcode: DEMO.coffee.barcode, total: '25.000 ₫' },
      { barcode: DEMO.water.barcode, total: '6.000 ₫' },
    ];
    const saleIds: string[] = [];
    // The provider is down for the first batch, which holds the first sale alone.
    provider.failNext(1);
    for (const [index, sale] of sales.entries()) {
      printer.peer.clear();
      await sellScreen.scanUntilTotal(page, sale.barcode, sale.total);
      await paymentScreen.open(page);
      await paymentScreen.cashNote(page, 'exact');
      saleIds.push(await paymentScreen.complete(page));
      await printer.peer.waitFor((received) => containsCut(received), 20_000);
      const events = jobEvents(decodeEscPos(printer.peer.received));
      // Register number 001, then the receipt sequence in 8 digits.
      const code = `M1-${YY}-AB12C-001${String(index + 1).padStart(8, '0')}`;
      const lines = printedLines(events).map((text) => text.trim());
      expect(lines).toContain('Mã hóa đơn điện tử');
      expect(lines).toContain(code);
      const qrs = events.flatMap((event) => (event.kind === 'qr' ? [event.data] : []));
      expect(qrs).toContain(LOOKUP.replace('{code}', code));
      if (index === 0) {
        // Its batch failed before the second sale is rung up.
        const saleId = saleIds[0] ?? '';
        await waitFor(async () => (await statusOnServer(saleId)) === 'failed' || null, {
          timeoutMs: 30_000,
          intervalMs: 300,
          description: 'the first invoice failed at the provider',
        });
      }
    }

    // The customer brings the water of the second sale back: a return with its receipt.
    const [first = '', second = ''] = saleIds;
    await returnsScreen.open(page);
    await returnsScreen.find(page, second);
    const returned = page.getByTestId('return-line').first();
    await returned.locator('input[type="number"]').fill('1');
    await returned.locator('select').selectOption('sellable');
    await returnsScreen.plan(page);
    const done = await returnsScreen.confirm(page);
    const returnId = /ret_\w+/.exec(done)?.[0] ?? '';
    expect(returnId).not.toBe('');
    await page.getByTestId('returns-screen').locator('.screen-header button').click();
    await page.getByTestId('scan-input').waitFor();

    await switchUser(page, '9999');
    await page.getByTestId('open-manager').click();
    await page.getByTestId('manager-tab-einvoices').click();
    const panel = page.getByTestId('einvoices-panel');
    const statusOf = (saleId: string) =>
      panel.getByTestId(`einvoice-${saleId}`).getByTestId('einvoice-status');
    await waitFor(
      async () => {
        await panel.getByTestId('einvoices-refresh').click();
        const [a, b, c] = await Promise.all([
          statusOf(first).getAttribute('data-status', { timeout: 2000 }),
          statusOf(second).getAttribute('data-status', { timeout: 2000 }),
          statusOf(returnId).getAttribute('data-status', { timeout: 2000 }),
        ]);
        return a === 'failed' && b === 'accepted' && c === 'accepted' ? true : null;
      },
      {
        timeoutMs: 60_000,
        intervalMs: 500,
        description: 'first failed, second and its adjusting invoice accepted',
      },
    );
    // The adjusting invoice: its own code (number 900), kind and the sale invoice it decreases.
    const secondCode = `M1-${YY}-AB12C-00100000002`;
    const adjustingRow = panel.getByTestId(`einvoice-${returnId}`);
    await expect(adjustingRow.textContent()).resolves.toContain(`M1-${YY}-AB12C-90000000001`);
    await expect(adjustingRow.getByTestId('einvoice-kind').getAttribute('data-kind')).resolves.toBe(
      'adjusting',
    );
    await expect(adjustingRow.getByTestId('einvoice-kind').textContent()).resolves.toContain(
      'Điều chỉnh',
    );
    await expect(adjustingRow.getByTestId('einvoice-original').textContent()).resolves.toBe(
      `Giảm cho hóa đơn ${secondCode}`,
    );
    const adjusting = (await invoicesOnServer()).find((invoice) => invoice.returnId === returnId);
    expect(adjusting).toMatchObject({ kind: 'adjusting', originalCode: secondCode, total: -6000 });
    await expect(panel.getByTestId(`einvoice-${first}`).textContent()).resolves.toContain(
      'Đã hết 1 lượt thử',
    );
    await saveScreenshot(page, 'manager-einvoices');

    await panel.getByTestId(`einvoice-${first}`).getByTestId('einvoice-resend').click();
    await panel.getByTestId('einvoice-resend-pin').fill('9999');
    await panel.getByTestId('einvoice-resend-submit').click();
    await waitFor(
      async () => {
        await panel.getByTestId('einvoices-refresh').click();
        const status = await statusOf(first).getAttribute('data-status', { timeout: 2000 });
        return status === 'accepted' ? true : null;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'the resent invoice accepted' },
    );

    // The provider accepted both sales under the codes the receipts carry, and the adjustment.
    const accepted = provider
      .received()
      .flatMap((batch) => batch.results)
      .filter((result) => result.outcome === 'accepted');
    expect(accepted).toHaveLength(3);
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});
