/**
 * The e-invoice configuration is checked at start, each mistake named: a named provider whose
 * mapping is not built, a register number given twice within a seller, a send time outside the
 * day, a seller tax code src/einvoice refuses. The defaults send at the end of the store's day.
 */
import { describe, expect, it } from 'vitest';
import {
  EInvoiceConfigError,
  parseEInvoiceConfig,
} from '../../../../sync-server/einvoice/einvoice-config';
import { NAMED_PROVIDERS } from '../../../../sync-server/einvoice/einvoice-provider';

const seller = { name: 'Công ty Omnitill', taxCode: '0312345678', address: '12 Lê Lợi' };
const store = (registers: Record<string, number>, overrides: object = {}) => ({
  from: '2026-12-04',
  seller,
  sellerBlock: 'AB12C',
  series: 'AA',
  registers,
  ...overrides,
});
const valid = {
  provider: { name: 'http', url: 'https://relay.example/invoices', credentials: { token: 't' } },
  stores: { 'hcm-q1': store({ 'reg-01': 1, 'reg-02': 2 }) },
};

describe('the e-invoice configuration', () => {
  it('defaults to sending at the end of the store day, with doubling retries', () => {
    const config = parseEInvoiceConfig(valid);
    expect(config).toMatchObject({
      sendAtMinutes: 1440,
      provider: { name: 'http', template: '1', credentials: { token: 't' } },
      retry: { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 8 },
    });
    expect(parseEInvoiceConfig({ ...valid, sendAt: '23:30' }).sendAtMinutes).toBe(1410);
  });

  it.each(['25:00', '23:60', '7:00', 1800])('refuses the send time %s', (sendAt) => {
    expect(() => parseEInvoiceConfig({ ...valid, sendAt })).toThrow(/sendAt .* "00:00" to "24:00"/);
  });

  it.each(Object.keys(NAMED_PROVIDERS))(
    'refuses %s, whose request mapping is not built, saying what to use',
    (name) => {
      expect(() =>
        parseEInvoiceConfig({ ...valid, provider: { name, url: 'https://x.example' } }),
      ).toThrow(/configuration only.*Use "http".*or "local"/);
    },
  );

  it('refuses a register number given twice by one seller, in one store or two', () => {
    expect(() =>
      parseEInvoiceConfig({ ...valid, stores: { 'hcm-q1': store({ a: 3, b: 3 }) } }),
    ).toThrow(/registers a and b share number 3/);
    expect(() =>
      parseEInvoiceConfig({
        ...valid,
        stores: { 'hcm-q1': store({ a: 3 }), 'hn-hk': store({ b: 3 }) },
      }),
    ).toThrow(/hcm-q1\/a and hn-hk\/b share register number 3/);
  });

  it('takes a number for adjusting invoices that no register of the seller has', () => {
    const ok = parseEInvoiceConfig({
      ...valid,
      stores: { x: store({ a: 1 }, { adjustmentsNumber: 900 }) },
    });
    expect(ok.stores.x?.adjustmentsNumber).toBe(900);
    expect(() =>
      parseEInvoiceConfig({ ...valid, stores: { x: store({ a: 1 }, { adjustmentsNumber: 1 }) } }),
    ).toThrow(/adjustmentsNumber 1 is register a's number/);
    expect(() =>
      parseEInvoiceConfig({
        ...valid,
        stores: {
          'hcm-q1': store({ a: 1 }, { adjustmentsNumber: 900 }),
          'hn-hk': store({ b: 900 }),
        },
      }),
    ).toThrow(/share register number 900/);
    expect(() =>
      parseEInvoiceConfig({
        ...valid,
        stores: { x: store({ a: 1 }, { adjustmentsNumber: 1000 }) },
      }),
    ).toThrow(/adjustmentsNumber is over 999/);
  });

  it("refuses a seller src/einvoice refuses, and a block or series not in the tax authority's format", () => {
    expect(() =>
      parseEInvoiceConfig({
        ...valid,
        stores: { x: store({ a: 1 }, { seller: { ...seller, taxCode: '123' } }) },
      }),
    ).toThrow(EInvoiceConfigError);
    expect(() =>
      parseEInvoiceConfig({ ...valid, stores: { x: store({ a: 1 }, { sellerBlock: 'ab' }) } }),
    ).toThrow(/5-character block/);
    expect(() =>
      parseEInvoiceConfig({ ...valid, stores: { x: store({ a: 1 }, { series: 'A1' }) } }),
    ).toThrow(/series "A1"/);
  });

  it('needs the first day of e-invoices, so turning them on does not invoice every past sale', () => {
    const { from: _from, ...withoutFrom } = store({ a: 1 });
    expect(() => parseEInvoiceConfig({ ...valid, stores: { x: withoutFrom } })).toThrow(
      /stores\.x\.from must be text/,
    );
    expect(() =>
      parseEInvoiceConfig({ ...valid, stores: { x: store({ a: 1 }, { from: '4/12/2026' }) } }),
    ).toThrow(/first day of e-invoices, yyyy-mm-dd/);
  });

  it('refuses a provider URL that is not http(s) and a template other than 1', () => {
    expect(() =>
      parseEInvoiceConfig({ ...valid, provider: { name: 'http', url: 'ftp://x' } }),
    ).toThrow(/not an http\(s\) address/);
    expect(() =>
      parseEInvoiceConfig({ ...valid, provider: { ...valid.provider, template: '2' } }),
    ).toThrow(/template must be "1"/);
  });
});
