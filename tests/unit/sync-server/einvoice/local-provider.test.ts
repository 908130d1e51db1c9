/**
 * The local provider as a real HTTP server, reached through the server's HTTP adapter: attacks
 * first (a forged total in each place it can be forged, a second invoice under a used code, a
 * code not in the cash-register format, markup tricks), then what it accepts: an invoice of
 * src/einvoice at several rates, and the same invoice again (a resend after a crash) with the
 * id it was given the first time. A provider that is down fails the whole batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEInvoiceRecord, invoiceXml, vietnameseDongWords } from '../../../../src/einvoice';
import { HttpEInvoiceProvider } from '../../../../sync-server/einvoice/http-provider';
import { startLocalEInvoiceProvider } from '../../../../sync-server/einvoice/local-provider';
import type { LocalEInvoiceProvider } from '../../../../sync-server/einvoice/local-provider';
import type { InvoiceResult } from '../../../../sync-server/einvoice/einvoice-provider';
import { issueOf, line, saleOf } from '../../einvoice/einvoice-fixtures';

let provider: LocalEInvoiceProvider;
let adapter: HttpEInvoiceProvider;

const sale = saleOf([
  line('ten', 'vat10', 55_000, 2),
  line('eight', 'vat8', 25_000, 3),
  line('zero', 'vat0', 65_000),
  line('kct', 'kct', 12_000),
]);
const record = (sequence: number) => buildEInvoiceRecord(issueOf(sale, { sequence }));
const xmlOf = (sequence: number) => invoiceXml(record(sequence));

/** The element's first text in the XML, as a number. */
function valueOf(xml: string, name: string): number {
  return Number(new RegExp(`<${name}>(\\d+)</${name}>`).exec(xml)?.[1]);
}

function replaceFirst(xml: string, name: string, value: string | number): string {
  return xml.replace(new RegExp(`<${name}>[^<]*</${name}>`), `<${name}>${value}</${name}>`);
}

async function sendOne(xml: string, code = record(1).code): Promise<InvoiceResult> {
  const [result] = await adapter.send([{ id: 'inv-1', code, symbol: 'C26MAA', xml }]);
  if (!result) throw new Error('no result');
  return result;
}

beforeAll(async () => {
  provider = await startLocalEInvoiceProvider({ token: 'local-token' });
  adapter = new HttpEInvoiceProvider({
    name: 'local',
    url: provider.invoicesUrl,
    credentials: { token: 'local-token' },
    template: '1',
  });
});

afterAll(async () => {
  await provider?.stop();
});

describe('the local e-invoice provider', () => {
  it('refuses a forged grand total', async () => {
    const xml = xmlOf(1);
    const forged = replaceFirst(xml, 'TgTTTBSo', valueOf(xml, 'TgTTTBSo') - 10_000);
    const result = await sendOne(forged);
    expect(result).toMatchObject({ outcome: 'refused' });
    expect(result).toHaveProperty('reason', expect.stringMatching(/amount plus the VAT/));
  });

  it('refuses totals lowered consistently when the lines do not add up to them', async () => {
    const xml = xmlOf(1);
    const total = valueOf(xml, 'TgTTTBSo') - 10_000;
    let forged = replaceFirst(xml, 'TgTCThue', valueOf(xml, 'TgTCThue') - 10_000);
    forged = replaceFirst(forged, 'TgTTTBSo', total);
    forged = replaceFirst(forged, 'TgTTTBChu', vietnameseDongWords(total));
    const result = await sendOne(forged);
    expect(result).toMatchObject({ outcome: 'refused' });
    expect(result).toHaveProperty('reason', expect.stringMatching(/sum of the rates/));
  });

  it("refuses a rate's row that is not the sum of its lines, even with the totals made to match", async () => {
    const xml = xmlOf(1);
    const row = /<LTSuat><TSuat>10%<\/TSuat><ThTien>(\d+)<\/ThTien>/.exec(xml);
    const amount = Number(row?.[1]);
    let forged = xml.replace(
      `<LTSuat><TSuat>10%</TSuat><ThTien>${amount}</ThTien>`,
      `<LTSuat><TSuat>10%</TSuat><ThTien>${amount - 10_000}</ThTien>`,
    );
    const total = valueOf(xml, 'TgTTTBSo') - 10_000;
    forged = replaceFirst(forged, 'TgTCThue', valueOf(xml, 'TgTCThue') - 10_000);
    forged = replaceFirst(forged, 'TgTTTBSo', total);
    forged = replaceFirst(forged, 'TgTTTBChu', vietnameseDongWords(total));
    const result = await sendOne(forged);
    expect(result).toMatchObject({ outcome: 'refused' });
    expect(result).toHaveProperty('reason', expect.stringMatching(/LTSuat 10%.*sum of the lines/));
  });

  it('refuses a code that is not a cash-register code, or disagrees with the number', async () => {
    const xml = xmlOf(2);
    const code = record(2).code;
    const bad = await sendOne(
      xml.replace(`<MCCQT>${code}</MCCQT>`, '<MCCQT>K1-26-AB12C-1</MCCQT>'),
    );
    expect(bad).toHaveProperty('reason', expect.stringMatching(/^MCCQT: .*not a cash-register/));
    const otherNumber = replaceFirst(xml, 'SHDon', '00700000099');
    expect(await sendOne(otherNumber, code)).toHaveProperty(
      'reason',
      expect.stringMatching(/SHDon/),
    );
  });

  it('refuses an invoice without a required element, and XML with a DOCTYPE', async () => {
    const withoutSeller = xmlOf(3).replace(/<NBan>.*<\/NBan>/, '');
    expect(await sendOne(withoutSeller, record(3).code)).toHaveProperty(
      'reason',
      'NDHDon has no NBan; the format requires it.',
    );
    const doctype = xmlOf(3).replace('?>\n', '?>\n<!DOCTYPE HDon [<!ENTITY a "x">]>');
    expect(await sendOne(doctype, record(3).code)).toHaveProperty(
      'reason',
      expect.stringMatching(/does not read/),
    );
  });

  it('accepts an invoice at several rates, and the same invoice again with the same id', async () => {
    const first = await sendOne(xmlOf(10), record(10).code);
    expect(first).toMatchObject({ outcome: 'accepted' });
    const again = await sendOne(xmlOf(10), record(10).code);
    expect(again).toEqual(first);
  });

  it('refuses a second, different invoice under a code already used', async () => {
    const code = record(11).code;
    expect(await sendOne(xmlOf(11), code)).toMatchObject({ outcome: 'accepted' });
    const other = buildEInvoiceRecord(
      issueOf(saleOf([line('ten', 'vat10', 99_000)]), { sequence: 11 }),
    );
    expect(other.code).toBe(code);
    const result = await sendOne(invoiceXml(other), code);
    expect(result).toMatchObject({ outcome: 'refused' });
    expect(result).toHaveProperty('reason', expect.stringMatching(/already used/));
  });

  it('a provider that is down or rejects the token fails the whole batch for a later try', async () => {
    provider.failNext(1);
    const batch = [12, 13].map((sequence) => ({
      id: `inv-${sequence}`,
      code: record(sequence).code,
      symbol: 'C26MAA',
      xml: xmlOf(sequence),
    }));
    const down = await adapter.send(batch);
    expect(down.map((result) => result.outcome)).toEqual(['failed', 'failed']);
    expect(down[0]).toHaveProperty('reason', expect.stringMatching(/503/));
    const wrongToken = new HttpEInvoiceProvider({
      name: 'local',
      url: provider.invoicesUrl,
      credentials: { token: 'wrong' },
      template: '1',
    });
    expect((await wrongToken.send(batch)).map((result) => result.outcome)).toEqual([
      'failed',
      'failed',
    ]);
    expect((await adapter.send(batch)).map((result) => result.outcome)).toEqual([
      'accepted',
      'accepted',
    ]);
  });
});
