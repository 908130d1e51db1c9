/**
 * A supervisor's own discount above the cashier limit needs no prompt, but the sale must still
 * name its approver: the server checks the sale against whoever completes it, and after a user
 * switch that may be a cashier.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src/demo';
import type { StaffDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { saleApprovals } from '../../../src/sales/sale-approvals';
import { applyDiscount } from '../../../renderer/sell/sale-actions';
import { useCartStore } from '../../../renderer/sell/cart-store';
import { useAppStore } from '../../../renderer/state/app-store';
import { cart, storeSettings } from './sale-fixtures';

const demo = generateDemoData({
  now: '2026-11-23T08:00:00.000Z',
  productCount: 2,
  customerCount: 1,
});

function staffWithRole(role: StaffDoc['role']): StaffDoc {
  const found = demo.staff.find((candidate) => candidate.role === role);
  if (!found) throw new Error(`The demo has no ${role}.`);
  const { pin: _pin, ...staff } = found as StaffDoc & { pin?: string };
  return staff as StaffDoc;
}

const t = (key: string): string => key;

describe('a discount over the cashier limit', () => {
  afterEach(() => {
    useCartStore.getState().clear();
    useAppStore.getState().signOut();
  });

  it('names the supervisor who gave it on their own authority, so a cashier can finish the sale', async () => {
    const settings = storeSettings();
    const supervisor = staffWithRole('supervisor');
    useAppStore.getState().setSettings(settings);
    useAppStore.getState().signIn(supervisor);

    const given = await applyDiscount(
      null,
      { kind: 'percent', percentBp: 2_000, reason: 'damaged box' },
      minor(72_000),
      t,
    );
    expect(given).toBe(true);
    const discount = useCartStore.getState().orderDiscount;
    expect(discount?.approvedBy).toBe(supervisor.id);

    // The server's reading once a cashier completes it: every approval names an approver.
    const sale = {
      cart: { ...cart(), orderDiscount: discount ?? undefined },
      priced: { lines: [], totals: { gross: minor(72_000) } },
    } as unknown as Parameters<typeof saleApprovals>[0];
    const approvals = saleApprovals(sale, 'cashier', settings);
    expect(approvals).toHaveLength(1);
    expect(approvals[0]?.approvedBy).toBe(supervisor.id);
  });

  it('names no approver for a discount within the limit', async () => {
    useAppStore.getState().setSettings(storeSettings());
    useAppStore.getState().signIn(staffWithRole('supervisor'));
    await applyDiscount(null, { kind: 'percent', percentBp: 500 }, minor(72_000), t);
    expect(useCartStore.getState().orderDiscount?.approvedBy).toBeUndefined();
  });
});
