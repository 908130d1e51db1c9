/**
 * Cross-channel customer measures: lifetime value, repeat-purchase rate and the share of
 * customers who buy on more than one channel. A purchase is a completed till sale or a web,
 * care or social order that was not cancelled, with a known customer; refunds lower the value.
 * "Lifetime" is everything held up to `asOf`, not only the report's period.
 *
 * Rates are basis points (10 % = 1,000) and averages are rounded half-up to whole minor units:
 * no float ever reaches a figure the manager reads.
 */
import type { ReturnDoc, SaleDoc, WebOrderDoc } from '../documents';
import { minor } from '../money';
import { saleRevenue, sellsGoods } from '../stored-value';
import type { Minor } from '../money';

export interface CustomerValue {
  customerId: string;
  purchases: number;
  channels: string[];
  /** Σ purchases − Σ refunds. */
  lifetimeValue: Minor;
}

export interface CustomerReport {
  /** Customers with at least one purchase. */
  customers: number;
  averageLifetimeValue: Minor;
  /** Customers with two or more purchases, over `customers`, in basis points. */
  repeatRateBp: number;
  /** Customers who bought on two or more channels, over `customers`, in basis points. */
  multiChannelShareBp: number;
  /** Highest lifetime value first. */
  top: CustomerValue[];
}

export interface CustomerReportInput {
  sales: Iterable<SaleDoc>;
  orders?: Iterable<WebOrderDoc>;
  returns?: Iterable<ReturnDoc>;
  asOf: string;
  /** How many customers to list in `top`. */
  topCount?: number;
}

/** a / b in basis points, rounded half-up; 0 when b is 0. */
export function ratioBp(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor((a * 10_000 * 2 + b) / (2 * b));
}

export function customerReport(input: CustomerReportInput): CustomerReport {
  const until = Date.parse(input.asOf);
  const values = new Map<
    string,
    { purchases: Set<string>; channels: Set<string>; value: number }
  >();
  const valueOf = (customerId: string) => {
    let value = values.get(customerId);
    if (!value) {
      value = { purchases: new Set(), channels: new Set(), value: 0 };
      values.set(customerId, value);
    }
    return value;
  };
  const buy = (customerId: string, id: string, channel: string, amount: number): void => {
    const value = valueOf(customerId);
    if (value.purchases.has(id)) return;
    value.purchases.add(id);
    value.channels.add(channel);
    value.value += amount;
  };
  for (const sale of input.sales) {
    if (!sale.customerId || sale.status !== 'completed') continue;
    if (Date.parse(sale.completedAt) > until) continue;
    // Gift cards bought are no purchase of goods: value is counted when a card is spent.
    if (!sellsGoods(sale)) continue;
    buy(sale.customerId, sale.id, sale.channel, saleRevenue(sale));
  }
  for (const order of input.orders ?? []) {
    if (order.status === 'cancelled' || Date.parse(order.placedAt) > until) continue;
    buy(order.customerId, order.id, order.channel, order.total);
  }
  const refunded = new Set<string>();
  for (const refund of input.returns ?? []) {
    if (!refund.customerId || refunded.has(refund.id)) continue;
    if (Date.parse(refund.completedAt) > until) continue;
    refunded.add(refund.id);
    // A refund of someone who never bought here still lowers their value: it is money out.
    valueOf(refund.customerId).value -= refund.totals.refund;
  }
  const buyers = [...values.entries()]
    .filter(([, value]) => value.purchases.size > 0)
    .map(([customerId, value]): CustomerValue => ({
      customerId,
      purchases: value.purchases.size,
      channels: [...value.channels].sort(),
      lifetimeValue: minor(value.value),
    }));
  const totalValue = buyers.reduce((total, buyer) => total + buyer.lifetimeValue, 0);
  const top = [...buyers]
    .sort((a, b) => b.lifetimeValue - a.lifetimeValue || (a.customerId < b.customerId ? -1 : 1))
    .slice(0, input.topCount ?? 10);
  return {
    customers: buyers.length,
    averageLifetimeValue: minor(
      buyers.length === 0 ? 0 : Math.floor((totalValue * 2 + buyers.length) / (2 * buyers.length)),
    ),
    repeatRateBp: ratioBp(buyers.filter((buyer) => buyer.purchases >= 2).length, buyers.length),
    multiChannelShareBp: ratioBp(
      buyers.filter((buyer) => buyer.channels.length >= 2).length,
      buyers.length,
    ),
    top,
  };
}
