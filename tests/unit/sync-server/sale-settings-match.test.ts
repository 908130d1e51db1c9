/**
 * Which version of a store's settings a pushed sale was priced with (sync-server/history/sale-check.ts):
 * the version in force when it completed first, then the others newest first. A sale priced
 * with settings already replaced when it completed is kept but marked as superseded; a sale no
 * version reproduces is refused with the nearest version named.
 */
import { describe, expect, it } from 'vitest';
import { demoStoreSettings } from '../../../src/demo';
import type { SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import type { Promotion } from '../../../src/pricing';
import { completeSale } from '../../../src/sales';
import { matchSaleToSettings } from '../../../sync-server/history/sale-check';
import { settingsVersion } from '../../../sync-server/history/settings-history';
import type { StoreSettingsHistory } from '../../../sync-server/history/settings-history';

const snacks = (percentBp: number, en = `Snacks ${percentBp / 100}% off`): Promotion => ({
  id: 'promo-snacks',
  kind: 'item-discount',
  label: { vi: en, en },
  target: { categoryIds: ['snacks'] },
  reward: { kind: 'percent', percentBp },
});

const base = demoStoreSettings('hcm-q1', 'Quận 1', '12 Lê Lợi', '2026-01-01T00:00:00.000Z');
const withPromotion = (promotion: Promotion, footer = base.receipt.footer): StoreSettingsDoc => ({
  ...base,
  promotions: [promotion],
  receipt: { ...base.receipt, footer },
});

const TEN = withPromotion(snacks(1000));
const TEN_NEW_FOOTER = withPromotion(snacks(1000), ['Hẹn gặp lại!']);
const TWENTY = withPromotion(snacks(2000));

function saleWith(settings: StoreSettingsDoc, completedAt: string, id = 'sale_01TEST'): SaleDoc {
  const result = completeSale({
    saleId: id,
    createdAt: completedAt,
    completedAt,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_test',
    staffId: 'staff_lan',
    settings,
    cart: {
      lines: [
        {
          lineId: 'l1',
          productId: 'prod_SKU000050',
          sku: 'SKU000050',
          name: 'Bánh quy',
          categoryId: 'snacks',
          pricing: 'unit',
          unitPrice: minor(40_000),
          quantity: 2,
          taxRateId: 'vat8',
        },
      ],
    },
    tenders: [{ kind: 'cash', tenderId: 't1', amount: minor(100_000) }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

function history(...versions: [StoreSettingsDoc, string][]): StoreSettingsHistory {
  return {
    storeId: 'hcm-q1',
    hasCurrent: true,
    versions: versions.map(([settings, from], index) =>
      settingsVersion(settings, `${index + 1}-rev`, from),
    ),
  };
}

const JAN = '2026-01-10T00:00:00.000Z';
const FEB = '2026-02-10T00:00:00.000Z';
const MAR = '2026-03-10T00:00:00.000Z';

describe('matching a sale to the store settings it was priced with', () => {
  it('sold under the version in force: matched, not superseded', () => {
    const match = matchSaleToSettings(
      saleWith(TWENTY, '2026-02-11T08:00:00.000Z'),
      history([TEN, JAN], [TWENTY, FEB]),
    );
    expect(match).toMatchObject({ ok: true, version: { settingsRev: '2-rev' } });
    expect(match.ok && match.supersededBy).toBeFalsy();
  });

  it('sold offline before a change and synced after it: the older version, not superseded', () => {
    const match = matchSaleToSettings(
      saleWith(TEN, '2026-02-09T08:00:00.000Z'),
      history([TEN, JAN], [TWENTY, FEB]),
    );
    expect(match).toMatchObject({ ok: true, version: { settingsRev: '1-rev' } });
    expect(match.ok && match.supersededBy).toBeFalsy();
  });

  it('completed after the change with the old promotion: matched, superseded by the new one', () => {
    const match = matchSaleToSettings(
      saleWith(TEN, '2026-02-11T08:00:00.000Z'),
      history([TEN, JAN], [TWENTY, FEB]),
    );
    expect(match).toMatchObject({
      ok: true,
      version: { settingsRev: '1-rev' },
      supersededBy: { settingsRev: '2-rev', inForceFrom: FEB },
    });
  });

  it('a receipt-only change prices alike: the newest equal version matches, superseded after', () => {
    const match = matchSaleToSettings(
      saleWith(TEN, '2026-03-11T08:00:00.000Z'),
      history([TEN, JAN], [TEN_NEW_FOOTER, FEB], [TWENTY, MAR]),
    );
    expect(match).toMatchObject({
      ok: true,
      version: { settingsRev: '2-rev' },
      supersededBy: { settingsRev: '3-rev' },
    });
  });

  it('a register ahead of the server clock: a newer version matches, not superseded', () => {
    const match = matchSaleToSettings(
      saleWith(TWENTY, '2026-02-09T23:59:00.000Z'),
      history([TEN, JAN], [TWENTY, FEB]),
    );
    expect(match).toMatchObject({ ok: true, version: { settingsRev: '2-rev' } });
    expect(match.ok && match.supersededBy).toBeFalsy();
  });

  it('a sale from before the first recorded version: matched, not superseded', () => {
    const match = matchSaleToSettings(
      saleWith(TEN, '2025-12-01T08:00:00.000Z'),
      history([TEN, JAN]),
    );
    expect(match).toMatchObject({ ok: true, version: { settingsRev: '1-rev' } });
    expect(match.ok && match.supersededBy).toBeFalsy();
  });

  it('no version reproduces the totals: refused, naming the version in force and the difference', () => {
    const forged = withPromotion(snacks(5000, 'Half price'));
    const match = matchSaleToSettings(
      saleWith(forged, '2026-02-11T08:00:00.000Z'),
      history([TEN, JAN], [TWENTY, FEB]),
    );
    expect(match.ok).toBe(false);
    const reason = match.ok ? '' : match.reason;
    expect(reason).toContain('(2 tried)');
    expect(reason).toContain(
      `the version in force when the sale completed (2026-02-11T08:00:00.000Z), from ${FEB}`,
    );
    expect(reason).toMatch(/Totals differ at priced\./);
  });

  it('a store without live settings takes no sales, saying to create them', () => {
    const match = matchSaleToSettings(saleWith(TEN, FEB), {
      ...history([TEN, JAN]),
      hasCurrent: false,
    });
    expect(match).toEqual({
      ok: false,
      reason: expect.stringContaining("create the store's settings first") as string,
    });
  });
});
