/**
 * The sync-server's check on a pushed sale: re-price its cart with priceCart, re-settle its
 * tenders, and compare with what the register stored. Pass the store settings that were in force
 * when the sale was made: promotions are looked up at the sale's createdAt, tax rates at its
 * completedAt in the store's time zone (docs/TAX.md).
 */
import type { CashRounding, StoreSettingsDoc } from '../documents/store-settings';
import type { SaleDoc } from '../documents/sale';
import { businessDate, storeTimeZone } from '../store-clock';
import { settle } from '../tenders/settle';
import type { AppliedTender, TenderInput } from '../documents/parts/tender';
import { priceCart } from './price-cart';
import { pricingContextFromSettings } from './pricing-context';
import type { Promotion } from '../documents/parts/promotion';

export type VerifySettings = Pick<StoreSettingsDoc, 'currency' | 'tax' | 'timeZone'> & {
  cashRounding: CashRounding | null;
  promotions?: readonly Promotion[];
};

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** The first place two JSON values differ, ignoring key order and absent-vs-undefined keys. */
function firstDifference(stored: unknown, computed: unknown, path: string): string | undefined {
  if (Array.isArray(stored) || Array.isArray(computed)) {
    if (!Array.isArray(stored) || !Array.isArray(computed)) return `${path}: not a list`;
    if (stored.length !== computed.length) {
      return `${path}: ${stored.length} entries stored, ${computed.length} recomputed`;
    }
    for (let index = 0; index < stored.length; index++) {
      const difference = firstDifference(stored[index], computed[index], `${path}[${index}]`);
      if (difference) return difference;
    }
    return undefined;
  }
  if (isRecord(stored) && isRecord(computed)) {
    const keys = new Set([...Object.keys(stored), ...Object.keys(computed)]);
    for (const key of [...keys].sort()) {
      const difference = firstDifference(stored[key], computed[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return undefined;
  }
  if (stored === computed) return undefined;
  return `${path}: stored ${JSON.stringify(stored)}, recomputed ${JSON.stringify(computed)}`;
}

/**
 * A line taxed at another rate than its category's at the sale's completion, said in words: the
 * usual cause is a register still on a rate that has since changed (8 % after 31 Dec 2026).
 */
function taxRateDifference(
  sale: SaleDoc,
  recomputed: readonly { lineId: string; taxRateId: string; rateBp: number }[],
  settings: VerifySettings,
): string | undefined {
  for (const line of recomputed) {
    const stored = sale.priced.lines.find((candidate) => candidate.lineId === line.lineId);
    if (stored && stored.taxRateId === line.taxRateId && stored.rateBp !== line.rateBp) {
      const zone = storeTimeZone(settings);
      return `Line ${line.lineId} is taxed at ${stored.rateBp / 100}% but tax category "${line.taxRateId}" is ${line.rateBp / 100}% when the sale completed (${sale.completedAt}, ${businessDate(sale.completedAt, zone)} in ${zone}). The register's tax rates are out of date: let it pull the store settings, then ring the sale up again.`;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function tenderInput(tender: AppliedTender): TenderInput {
  const { applied: _applied, rounding: _rounding, change: _change, ...input } = tender;
  return input;
}

export function verifySaleTotals(sale: SaleDoc, settings: VerifySettings): VerifyResult {
  if (sale.currency !== settings.currency) {
    return {
      ok: false,
      reason: `The sale is in ${sale.currency}, the store prices in ${settings.currency}.`,
    };
  }
  let priced;
  try {
    priced = priceCart(
      sale.cart,
      pricingContextFromSettings(settings, sale.createdAt, sale.completedAt),
    );
  } catch (error) {
    return { ok: false, reason: `The cart cannot be priced: ${(error as Error).message}` };
  }
  const rateDifference = taxRateDifference(sale, priced.lines, settings);
  if (rateDifference) return { ok: false, reason: rateDifference };
  const priceDifference = firstDifference(sale.priced, priced, 'priced');
  if (priceDifference) return { ok: false, reason: `Totals differ at ${priceDifference}.` };

  const settled = settle(priced.totals.total, sale.payment.tenders.map(tenderInput), {
    currency: settings.currency,
    cashRounding: settings.cashRounding,
  });
  if (!settled.ok) {
    return {
      ok: false,
      reason: `The payment does not settle: ${settled.errors.map((error) => error.message).join(' ')}`,
    };
  }
  const {
    remaining: _remaining,
    remainingInCash: _cash,
    complete: _complete,
    ...payment
  } = settled.settlement;
  const paymentDifference = firstDifference(sale.payment, payment, 'payment');
  if (paymentDifference) return { ok: false, reason: `Payment differs at ${paymentDifference}.` };
  const pointsTendered = sale.payment.tenders.reduce(
    (total, tender) => total + (tender.kind === 'loyalty-points' ? tender.points : 0),
    0,
  );
  if (sale.loyalty && sale.loyalty.pointsRedeemed !== pointsTendered) {
    return {
      ok: false,
      reason: `The sale says ${sale.loyalty.pointsRedeemed} points were redeemed, its tenders spend ${pointsTendered}.`,
    };
  }
  return { ok: true };
}
