/**
 * Gift cards sold at the till (docs/OMNICHANNEL.md "Selling a gift card"): attacks by an
 * enrolled register against the real sync-server process. A sale's gift card lines issue value
 * only once the server has re-derived the sale, so each attack must be refused (nothing stored,
 * nothing issued) and the honest sale must make the card spendable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDoc, StoreSettingsDoc } from '../../../../src/documents';
import { pointsValue } from '../../../../src/loyalty';
import { minor } from '../../../../src/money';
import type { Minor } from '../../../../src/money';
import { giftCardLine } from '../../../../src/stored-value';
import type { TenderInput } from '../../../../src/tenders';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import {
  DEMO,
  buildSale,
  lineOf,
  product,
  push,
  readAsAdmin,
  rejectionCodes,
  stored,
} from './sale-attack-fixtures';
import type { SaleSpec } from './sale-attack-fixtures';

let server: SyncServerProcess;
let register: EnrolledDevice;
let settings: StoreSettingsDoc;

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  settings = await readAsAdmin<StoreSettingsDoc>(server, 'settings/store_hcm-q1');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

let counter = 0;
const nextId = () => `sale_gc${String(++counter).padStart(4, '0')}`;
let cards = 0;
const newCard = () => `GC${Date.now()}${String(++cards).padStart(3, '0')}`;
const card = (number: string, amount: number, lineId = 'g1') =>
  giftCardLine({ lineId, number, amount: minor(amount), name: 'Thẻ quà tặng' });
const sale = (spec: Omit<SaleSpec, 'id' | 'device' | 'settings'>) =>
  buildSale({ id: nextId(), device: register, settings, ...spec });
const inCash = (total: Minor): TenderInput[] => [{ kind: 'cash', tenderId: 't1', amount: total }];

async function balance(number: string): Promise<{ status: number; balance?: number }> {
  const response = await fetch(`${server.url}/api/v1/stored-value/${number}`, {
    headers: { Authorization: register.auth },
  });
  const body = (await response.json()) as { balance?: number };
  return { status: response.status, ...body };
}

async function expectRefused(doc: SaleDoc, code: string): Promise<string> {
  const [row] = await push(server, register, [doc]);
  expect(row).toMatchObject({ id: doc.id, error: 'forbidden', rejected: true });
  expect((await rejectionCodes(server, register)).get(doc.id)).toBe(code);
  expect(await stored(server, register, doc.id)).toBe(false);
  return row?.reason ?? '';
}

async function expectAccepted(doc: SaleDoc): Promise<void> {
  const [row] = await push(server, register, [doc]);
  expect(row?.error, row?.reason).toBeUndefined();
  expect(await stored(server, register, doc.id)).toBe(true);
}

describe('a gift card sold at the till', () => {
  it('is issued by the verified sale: paid 200.000 ₫ in cash, the card holds 200.000 ₫', async () => {
    const number = newCard();
    expect((await balance(number)).status).toBe(404);
    const coffee = lineOf(product('SKU000001'), 'l1');
    const doc = sale({ cart: { lines: [coffee, card(number, 200_000)] }, tenders: inCash });
    expect(doc.priced.totals.total).toBe(200_000 + doc.priced.lines[0]!.total);
    expect(doc.priced.lines[1]).toMatchObject({ tax: 0, taxable: 0, total: 200_000 });
    await expectAccepted(doc);
    expect(await balance(number)).toMatchObject({ status: 200, balance: 200_000 });
  });

  it('refuses a line claiming more value than the tenders paid (totals forged)', async () => {
    const number = newCard();
    const honest = sale({ cart: { lines: [card(number, 100_000)] }, tenders: inCash });
    const forgedLine = { ...honest.cart.lines[0]!, unitPrice: minor(5_000_000) };
    const forged: SaleDoc = { ...honest, cart: { lines: [forgedLine] } };
    const reason = await expectRefused(forged, 'totals_mismatch');
    expect(reason).toContain('5000000');
    // The priced cart says so too, but the cash still paid 100.000 ₫ only.
    const pricedLine = { ...honest.priced.lines[0]!, unitPrice: minor(5_000_000) };
    const both: SaleDoc = {
      ...forged,
      id: nextId(),
      priced: {
        ...honest.priced,
        lines: [
          {
            ...pricedLine,
            listAmount: pricedLine.unitPrice,
            gross: pricedLine.unitPrice,
            net: pricedLine.unitPrice,
            total: pricedLine.unitPrice,
          },
        ],
        totals: {
          ...honest.priced.totals,
          listAmount: minor(5_000_000),
          gross: minor(5_000_000),
          net: minor(5_000_000),
          total: minor(5_000_000),
        },
      },
    };
    expect(await expectRefused(both, 'totals_mismatch')).toContain('payment');
    expect((await balance(number)).status).toBe(404);
  });

  it('refuses a zero or negative amount', async () => {
    const number = newCard();
    const honest = sale({ cart: { lines: [card(number, 50_000)] }, tenders: inCash });
    const zero: SaleDoc = {
      ...honest,
      cart: { lines: [{ ...honest.cart.lines[0]!, unitPrice: minor(0) }] },
    };
    expect(await expectRefused(zero, 'totals_mismatch')).toContain('Gift card line');
    const negative: SaleDoc = {
      ...honest,
      id: nextId(),
      cart: { lines: [{ ...honest.cart.lines[0]!, unitPrice: minor(-50_000) }] },
    };
    const [row] = await push(server, register, [negative]);
    expect(row).toMatchObject({ error: 'forbidden', rejected: true });
    expect(row?.reason).toContain('unitPrice" must be >= 0');
    expect(await stored(server, register, negative.id)).toBe(false);
    expect((await balance(number)).status).toBe(404);
  });

  it('refuses the same card sold by a second sale (a card is sold once, never topped up)', async () => {
    const number = newCard();
    await expectAccepted(sale({ cart: { lines: [card(number, 100_000)] }, tenders: inCash }));
    const again = sale({ cart: { lines: [card(number, 300_000)] }, tenders: inCash });
    expect(await expectRefused(again, 'gift_card_exists')).toContain(number);
    expect(await balance(number)).toMatchObject({ balance: 100_000 });
  });

  it('refuses two sales of one push selling the same card', async () => {
    const number = newCard();
    const first = sale({ cart: { lines: [card(number, 100_000)] }, tenders: inCash });
    const second = sale({ cart: { lines: [card(number, 100_000)] }, tenders: inCash });
    const rows = await push(server, register, [first, second]);
    expect(rows[0]?.ok).toBe(true);
    expect(rows[1]).toMatchObject({ rejected: true });
    expect((await rejectionCodes(server, register)).get(second.id)).toBe('gift_card_exists');
    expect(await balance(number)).toMatchObject({ balance: 100_000 });
  });

  it('refuses a gift card bought with another gift card', async () => {
    const paying = newCard();
    await expectAccepted(sale({ cart: { lines: [card(paying, 500_000)] }, tenders: inCash }));
    const number = newCard();
    const doc = sale({
      cart: { lines: [card(number, 200_000)] },
      tenders: (total) => [
        { kind: 'gift-card', tenderId: 't1', amount: total, cardNumber: paying },
      ],
    });
    expect(await expectRefused(doc, 'gift_card_for_gift_card')).toContain(paying);
    expect(await balance(paying)).toMatchObject({ balance: 500_000 });
    expect((await balance(number)).status).toBe(404);
  });

  it('refuses a sale that pays with the card it sells', async () => {
    const number = newCard();
    const doc = sale({
      cart: { lines: [card(number, 200_000)] },
      tenders: (total) => [
        { kind: 'gift-card', tenderId: 't1', amount: total, cardNumber: number },
      ],
    });
    expect(await expectRefused(doc, 'gift_card_for_gift_card')).toContain('the card it sells');
    expect((await balance(number)).status).toBe(404);
  });

  it('refuses a discount or a second line for one card in one cart', async () => {
    const number = newCard();
    const discounted = {
      ...card(number, 200_000),
      discount: { kind: 'percent' as const, percentBp: 5000 },
    };
    const honest = sale({ cart: { lines: [card(number, 200_000)] }, tenders: inCash });
    expect(
      await expectRefused({ ...honest, cart: { lines: [discounted] } }, 'totals_mismatch'),
    ).toContain('Gift card line');
    const twice = { lines: [card(number, 100_000, 'g1'), card(number, 100_000, 'g2')] };
    expect(
      await expectRefused({ ...honest, id: nextId(), cart: twice }, 'totals_mismatch'),
    ).toContain('already in this cart');
  });

  it('refuses a gift card paid with loyalty points: points would become a bearer card', async () => {
    const number = newCard();
    // A demo customer from the eleventh on, every second one, holds points (src/demo).
    const holder = DEMO.customers.find((_, index) => index >= 10 && index % 2 === 0)!;
    const program = settings.loyalty!.program;
    const points = program.minimumRedemptionPoints;
    const doc = sale({
      cart: { lines: [lineOf(product('SKU000001'), 'l1'), card(number, 100_000)] },
      customer: { id: holder.id, tier: null, availablePoints: 1_000_000 },
      tenders: (total) => {
        const value = pointsValue(points, program);
        return [
          { kind: 'loyalty-points', tenderId: 'p1', points, amount: value },
          { kind: 'cash', tenderId: 't1', amount: minor(total - value) },
        ];
      },
    });
    const reason = await expectRefused(doc, 'gift_card_for_points_or_credit');
    expect(reason).toContain('loyalty points');
    expect(reason).toContain('cash, a bank card or a transfer');
    expect((await balance(number)).status).toBe(404);
  });

  it('refuses a gift card paid with store credit (a credit note): the whole cart takes none', async () => {
    const number = newCard();
    const doc = sale({
      cart: { lines: [lineOf(product('SKU000001'), 'l1'), card(number, 100_000)] },
      tenders: (total) => [
        { kind: 'store-credit', tenderId: 's1', amount: minor(10_000), creditReference: 'CN1' },
        { kind: 'cash', tenderId: 't1', amount: minor(total - 10_000) },
      ],
    });
    expect(await expectRefused(doc, 'gift_card_for_points_or_credit')).toContain('store credit');
    expect((await balance(number)).status).toBe(404);
  });

  it('issues a card once when two registers push sales of it at the same moment', async () => {
    // Separate requests, all in flight together: each check reads before the others write.
    const numbers = [newCard(), newCard(), newCard(), newCard()];
    const docs = numbers.flatMap((number) =>
      [100_000, 300_000].map((amount) =>
        sale({ cart: { lines: [card(number, amount)] }, tenders: inCash }),
      ),
    );
    const rows = (await Promise.all(docs.map((doc) => push(server, register, [doc])))).map(
      ([row]) => row,
    );
    const codes = await rejectionCodes(server, register);
    for (const [index, number] of numbers.entries()) {
      const pair = [docs[index * 2]!, docs[index * 2 + 1]!];
      const accepted = pair.filter((_, at) => rows[index * 2 + at]?.error === undefined);
      expect(accepted, `card ${number}`).toHaveLength(1);
      const loser = pair.find((doc) => doc !== accepted[0])!;
      expect(codes.get(loser.id)).toBe('gift_card_exists');
      expect(await stored(server, register, loser.id)).toBe(false);
      const loaded = accepted[0]!.priced.totals.total;
      expect(await balance(number)).toMatchObject({ balance: loaded });
      // The winner pushed again (a retry after a lost reply) is accepted again, not refused.
      await expectAccepted(accepted[0]!);
      expect(await balance(number)).toMatchObject({ balance: loaded });
    }
  });

  it('creates a card once when the head office issues it as a till sells it', async () => {
    const numbers = [newCard(), newCard(), newCard(), newCard()];
    const docs = numbers.map((number) =>
      sale({ cart: { lines: [card(number, 100_000)] }, tenders: inCash }),
    );
    const issue = (number: string) =>
      fetch(`${server.url}/api/v1/admin/gift-cards`, {
        method: 'POST',
        headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ cardNumber: number, amount: 500_000 }),
      });
    const results = await Promise.all(
      numbers.map(async (number, at) => {
        const [answer, [row]] = await Promise.all([
          issue(number),
          push(server, register, [docs[at]!]),
        ]);
        return {
          issued: answer.status === 201,
          sold: row?.error === undefined,
          status: answer.status,
        };
      }),
    );
    for (const [at, number] of numbers.entries()) {
      const { issued, sold, status } = results[at]!;
      // Exactly one of the two created the card; the other was told so.
      expect([issued, sold], `card ${number}: issue ${status}`).toContain(true);
      expect(issued && sold, `card ${number}`).toBe(false);
      expect(issued || status === 409, `card ${number}: issue ${status}`).toBe(true);
      expect(await balance(number)).toMatchObject({ balance: issued ? 500_000 : 100_000 });
    }
  });
});
