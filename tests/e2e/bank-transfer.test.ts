/**
 * Paying by VietQR bank transfer at the counter, against the real sync-server the launcher runs:
 * the register shows the code (its payload decodes to the amount and the reference) in the
 * payment panel and on the customer display, records the payment, and completes the sale by
 * itself once a signed bank notification reaches the webhook. A cancelled transfer is released
 * on the server; a supervisor's PIN confirms one by hand (a cashier's does not), also while the
 * payment routes are unreachable, and the payment is recorded once they answer again. The
 * provisional bill printed while the code is up carries the same payload in its QR command.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SaleDoc } from '../../src/documents';
import {
  decodeEscPos,
  jobEvents,
  printedLines,
} from '../integration/printer/support/escpos-decoder';
import { containsCut } from '../integration/printer/support/fake-printer-peer';
import { decodeVietQr } from '../unit/payments/emv-reader';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { demoServer } from './helpers/demo-server';
import type { DemoServer } from './helpers/demo-server';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { paymentScreen } from './helpers/payment-screen';
import { saveScreenshot } from './helpers/screenshots';
import { sellScreen } from './helpers/sell-screen';
import { startPrinterCapture } from './helpers/printer-capture';
import type { PrinterCapture } from './helpers/printer-capture';
import { openTillFor } from './helpers/till';
import { postBankNotification } from '../helpers/bank-notification';

const SECRET = 'e2e-bank-webhook-secret-0123456789abcdef';
const ACCOUNT = {
  bankBin: '970436',
  accountNumber: '0011000123456',
  accountName: 'CONG TY OMNITILL',
  bankName: 'Vietcombank',
};

/** The store's bank account, set as the administrator does (docs/PAYMENTS.md). */
async function setBankAccount(server: DemoServer): Promise<void> {
  const url = `${server.url}/db/settings/store_hcm-q1`;
  const current = (await (
    await fetch(url, { headers: { Authorization: server.auth } })
  ).json()) as Record<string, unknown>;
  const response = await fetch(url, {
    method: 'PUT',
    headers: { Authorization: server.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      ...current,
      bankTransfer: ACCOUNT,
      updatedAt: new Date().toISOString(),
    }),
  });
  if (!response.ok) throw new Error(`Setting the bank account failed: ${await response.text()}`);
}

/** A notification service's request, signed from the documented scheme. */
async function notifyTransfer(server: DemoServer, amount: number, content: string) {
  return postBankNotification(server.url, SECRET, 'generic', {
    transactionId: `FT${randomBytes(6).toString('hex')}`,
    amount,
    content,
  });
}

function intentResponse(server: DemoServer, reference: string) {
  return fetch(`${server.url}/api/v1/payments/intents/${reference}`, {
    headers: { Authorization: server.auth },
  });
}

async function intentOf(server: DemoServer, reference: string) {
  const response = await intentResponse(server, reference);
  return (
    (await response.json()) as {
      intent: { status: string; transactionId?: string; manual?: { approverId: string } };
    }
  ).intent;
}

/** Bank transfer for what is left; resolves once the server holds the payment. */
async function showTransferCode(page: Page): Promise<{ reference: string; payload: string }> {
  await page.getByTestId('tender-bank-transfer').click();
  await page.getByTestId('tender-add').click();
  await page.locator('[data-testid="transfer-qr"][data-recorded="true"]').waitFor();
  const reference = (await page.getByTestId('transfer-qr').getAttribute('data-reference')) ?? '';
  const payload = (await page.getByTestId('transfer-qr-image').getAttribute('data-payload')) ?? '';
  return { reference, payload };
}

async function lastSaleId(page: Page): Promise<string | null> {
  const last = page.getByTestId('last-sale');
  return (await last.count()) > 0 ? await last.getAttribute('data-sale-id') : null;
}

async function waitForNewSale(page: Page, before: string | null, timeout: number): Promise<void> {
  await page.waitForFunction(
    (previous) => {
      const id = document.querySelector('[data-testid="last-sale"]')?.getAttribute('data-sale-id');
      return id && id !== previous;
    },
    before,
    { timeout },
  );
}

describe('paying by VietQR bank transfer', () => {
  let app: RunningApp;
  let server: DemoServer;
  let browser: TestBrowser;
  let display: Page;
  let printer: PrinterCapture;

  beforeAll(async () => {
    printer = await startPrinterCapture();
    app = await launchApp({
      env: { OMNITILL_BANK_WEBHOOK_SECRET: SECRET, OMNITILL_PRINTER: printer.url },
    });
    server = demoServer(app);
    await setBankAccount(server);
    browser = await openBrowser(app.url);
    await openTillFor(browser.page, '1111');
    display = await browser.context.newPage();
    await display.goto(`${app.url}/#/customer-display`);
    await display.getByTestId('customer-display').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await printer?.close();
  });

  it('shows the code, and completes the sale by itself when the bank reports the transfer', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await sellScreen.scanUntilTotal(page, DEMO.bread.barcode, '47.000 ₫');
    await paymentScreen.open(page);
    // The account arrives with the store settings, which the register pulls within seconds.
    await page.getByTestId('tender-bank-transfer').waitFor({ timeout: 30_000 });
    const { reference, payload } = await showTransferCode(page);

    const decoded = decodeVietQr(payload);
    expect(decoded.crcOk).toBe(true);
    expect(decoded.root.get('54')).toBe('47000');
    expect(decoded.beneficiary.get('01')).toBe(ACCOUNT.accountNumber);
    expect(decoded.additional.get('08')?.startsWith(reference)).toBe(true);
    await expect(page.getByTestId('transfer-amount').textContent()).resolves.toBe('47.000 ₫');
    await expect(page.locator('[data-testid="transfer-qr-image"] svg').count()).resolves.toBe(1);
    await display.locator('[data-testid="customer-display"][data-mode="transfer"]').waitFor();
    await expect(display.getByTestId('display-transfer-amount').textContent()).resolves.toBe(
      '47.000 ₫',
    );
    await expect(display.getByTestId('display-transfer-bank').textContent()).resolves.toBe(
      'Vietcombank',
    );
    await saveScreenshot(page, 'payment-bank-transfer');
    await saveScreenshot(display, 'customer-display-bank-transfer');

    // The provisional bill: the paper's QR is the screen's code.
    printer.peer.clear();
    await page.getByTestId('transfer-print-bill').click();
    await printer.peer.waitFor((received) => containsCut(received), 20_000);
    const bill = jobEvents(decodeEscPos(printer.peer.received));
    expect(bill.filter((event) => event.kind === 'qr')).toEqual([{ kind: 'qr', data: payload }]);
    const billLines = printedLines(bill).map((text) => text.trim());
    expect(billLines).toContain('PHIẾU TẠM TÍNH');
    expect(billLines).toContain('CHƯA THANH TOÁN');
    await page.getByTestId('transfer-bill-status').waitFor();

    const before = await lastSaleId(page);
    // Banks rewrite transfer text: lower case, spaces inside the reference.
    const spaced = `${reference.slice(0, 5)} ${reference.slice(5)}`.toLowerCase();
    const notified = await notifyTransfer(server, 47_000, `${spaced} chuyen tien`);
    expect(notified.status).toBe(200);
    await waitForNewSale(page, before, 5_000);
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(0);
    expect((await intentOf(server, reference)).status).toBe('confirmed');
    await display.locator('[data-testid="customer-display"][data-mode="thank-you"]').waitFor();
  });

  it('cancel (or leaving payment) releases the payment on the server; the sale is paid another way', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await paymentScreen.open(page);
    const first = await showTransferCode(page);
    await page.getByRole('button', { name: 'Quay lại bán hàng' }).click();
    await page.getByTestId('payment-panel').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await intentOf(server, first.reference)).status)
      .toBe('cancelled');
    await paymentScreen.open(page);
    const { reference } = await showTransferCode(page);
    await page.getByTestId('transfer-cancel').click();
    await page.getByTestId('transfer-qr').waitFor({ state: 'detached' });
    await expect.poll(async () => (await intentOf(server, reference)).status).toBe('cancelled');
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
  });

  it('a supervisor confirms by hand with their PIN; a cashier cannot', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await paymentScreen.open(page);
    const { reference } = await showTransferCode(page);
    const before = await lastSaleId(page);
    await page.getByTestId('transfer-by-hand').click();
    await page.getByTestId('transfer-pin').fill('1111');
    await page.getByTestId('transfer-pin-submit').click();
    await expect(paymentScreen.error(page)).resolves.toMatch(/thu ngân/);
    await page.getByTestId('transfer-pin').fill('2222');
    await page.getByTestId('transfer-pin-submit').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'payment-bank-transfer-by-hand');
    await page.getByTestId('transfer-pin-submit').click();
    await waitForNewSale(page, before, 5_000);
    const intent = await intentOf(server, reference);
    expect(intent.status).toBe('confirmed');
    expect(intent.manual?.approverId).toMatch(/./);
  });

  it('offline, a supervisor confirms by hand; the payment is recorded when the server answers', async () => {
    const { page } = browser;
    // The payment routes unreachable from the register: the rest of the sync goes on.
    await page.route('**/payments/intents**', (route) => route.abort('internetdisconnected'));
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await paymentScreen.open(page);
    await page.getByTestId('tender-bank-transfer').click();
    await page.getByTestId('tender-add').click();
    await page.getByTestId('transfer-status').filter({ hasText: 'Chưa kết nối' }).waitFor();
    const reference = (await page.getByTestId('transfer-qr').getAttribute('data-reference')) ?? '';
    await page.getByTestId('transfer-by-hand').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'payment-bank-transfer-offline');
    const before = await lastSaleId(page);
    await page.getByTestId('transfer-by-hand').click();
    await page.getByTestId('transfer-pin').fill('2222');
    await page.getByTestId('transfer-pin-submit').click();
    await waitForNewSale(page, before, 5_000);
    const saleId = (await lastSaleId(page)) ?? '';

    // The sale syncs with the approver on its tender.
    await vi.waitFor(
      async () => {
        const response = await fetch(`${server.url}/db/sales-hcm-q1/${saleId}`, {
          headers: { Authorization: server.auth },
        });
        expect(response.status).toBe(200);
        const sale = (await response.json()) as SaleDoc;
        expect(sale.payment.tenders).toHaveLength(1);
        expect(sale.payment.tenders[0]).toMatchObject({
          kind: 'bank-transfer',
          paymentReference: reference,
          confirmedOffline: true,
        });
        expect(sale.payment.tenders[0]).toHaveProperty('confirmedBy');
      },
      { timeout: 20_000, interval: 500 },
    );
    // The server checked the approver and recorded the payment from the sale, confirmed by hand.
    expect(await intentOf(server, reference)).toMatchObject({
      status: 'confirmed',
      manual: { approverId: 'staff_minh' },
    });

    // Back online: the register's outbox records the payment too (answered as the same one)...
    await page.unroute('**/payments/intents**');
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
    // ...and the bank's notification matches the confirmation instead of arriving unmatched.
    expect((await notifyTransfer(server, 25_000, reference)).status).toBe(200);
    expect((await intentOf(server, reference)).transactionId).toBeDefined();
  });

  it('logs no errors in the page but the requests this test cut off', () => {
    const cutOff = (error: string) => error.includes('net::ERR_INTERNET_DISCONNECTED');
    expect(unexpectedErrors(browser.consoleErrors).filter((error) => !cutOff(error))).toEqual([]);
  });
});
