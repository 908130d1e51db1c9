/**
 * Buyer details after the sale (issue #17): a sale's invoice waits for the end of the day
 * (`sendAt` 24:00) at the embedded sync-server, whose provider is the local provider (a real HTTP
 * server that validates each invoice). The manager opens the E-invoices tab, opens "Thông tin
 * người mua" on the invoice, types a bad tax code and is told in Vietnamese what is wrong, then
 * enters the company's name, tax code, address and phone with the PIN; the invoice goes at once
 * and the XML the provider accepted carries them in NMua (the phone in E.164).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EInvoiceView } from '../../src/api/einvoice-views';
import { businessDate } from '../../src/store-clock';
import { startLocalEInvoiceProvider } from '../../sync-server/einvoice/local-provider';
import type { LocalEInvoiceProvider } from '../../sync-server/einvoice/local-provider';
import { waitFor } from '../helpers/wait-for';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { demoServer } from './helpers/demo-server';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { paymentScreen } from './helpers/payment-screen';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor, switchUser } from './helpers/till';

const TODAY = businessDate(Date.now(), 'Asia/Ho_Chi_Minh');

describe("the buyer's details entered by the manager after the sale", () => {
  let provider: LocalEInvoiceProvider;
  let app: RunningApp;
  let browser: TestBrowser;
  let configDir: string;

  beforeAll(async () => {
    provider = await startLocalEInvoiceProvider();
    configDir = mkdtempSync(join(tmpdir(), 'omnitill-einvoice-buyer-'));
    const configFile = join(configDir, 'einvoices.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        provider: { name: 'local', url: provider.invoicesUrl },
        sendAt: '24:00',
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
            registers: { 'reg-01': 1 },
          },
        },
      }),
    );
    app = await launchApp({ env: { OMNITILL_EINVOICE_CONFIG: configFile } });
    browser = await openBrowser(app.url);
    await openTillFor(browser.page, '1111');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await provider?.stop();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  /** The sale's invoice as the server's queue holds it, read as the administrator. */
  async function invoiceOnServer(saleId: string): Promise<EInvoiceView | undefined> {
    const server = demoServer(app);
    const response = await fetch(`${server.url}/api/v1/einvoices?store=hcm-q1&date=${TODAY}`, {
      headers: { Authorization: server.auth },
    });
    if (!response.ok) return undefined;
    const { invoices } = (await response.json()) as { invoices: EInvoiceView[] };
    return invoices.find((invoice) => invoice.saleId === saleId);
  }

  it('puts the name, tax code, address and phone into the NMua the provider receives', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    const saleId = await paymentScreen.complete(page);
    const queued = await waitFor(
      async () => {
        const invoice = await invoiceOnServer(saleId);
        return invoice?.status === 'queued' ? invoice : null;
      },
      { timeoutMs: 60_000, intervalMs: 300, description: "the sale's invoice queued" },
    );

    await switchUser(page, '9999');
    await page.getByTestId('open-manager').click();
    await page.getByTestId('manager-tab-einvoices').click();
    const panel = page.getByTestId('einvoices-panel');
    const row = panel.getByTestId(`einvoice-${saleId}`);
    await waitFor(
      async () => {
        await panel.getByTestId('einvoices-refresh').click();
        return (await row.count()) > 0 || null;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: 'the invoice listed' },
    );
    await row.getByTestId('einvoice-buyer').click();
    const form = panel.getByTestId('einvoice-buyer-form');
    await expect(form.textContent()).resolves.toContain('Thông tin người mua cho hóa đơn');

    // A tax code of 5 digits: worded in Vietnamese before anything is sent.
    await form.getByTestId('einvoice-buyer-name').fill('Công ty TNHH Hoa Sen');
    await form.getByTestId('einvoice-buyer-taxCode').fill('03012');
    await form.getByTestId('einvoice-buyer-pin').fill('9999');
    await form.getByTestId('einvoice-buyer-submit').click();
    await form.getByRole('alert').filter({ hasText: 'Mã số thuế phải gồm 10 chữ số' }).waitFor();
    expect((await invoiceOnServer(saleId))?.buyer).toBeUndefined();

    await form.getByTestId('einvoice-buyer-taxCode').fill('0301234567');
    await form.getByTestId('einvoice-buyer-address').fill('5 Nguyễn Huệ, TP. Hồ Chí Minh');
    await form.getByTestId('einvoice-buyer-phone').fill('0901 234 567');
    await form.getByTestId('einvoice-buyer-submit').click();
    await panel.getByRole('alert').filter({ hasText: 'Đã lưu thông tin người mua' }).waitFor();

    await waitFor(
      async () => {
        await panel.getByTestId('einvoices-refresh').click();
        const status = await row
          .getByTestId('einvoice-status')
          .getAttribute('data-status', { timeout: 2000 });
        return status === 'accepted' || null;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'the invoice accepted with its buyer' },
    );
    await expect(row.getByTestId('einvoice-buyer-shown').textContent()).resolves.toBe(
      'Người mua: Công ty TNHH Hoa Sen',
    );
    // Accepted: the form is no longer offered.
    expect(await row.getByTestId('einvoice-buyer').count()).toBe(0);

    const xml = provider.acceptedXml(queued.code ?? '') ?? '';
    expect(xml).toContain(
      '<NMua><Ten>Công ty TNHH Hoa Sen</Ten><MST>0301234567</MST>' +
        '<DChi>5 Nguyễn Huệ, TP. Hồ Chí Minh</DChi><SDThoai>+84901234567</SDThoai></NMua>',
    );
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});
