/**
 * Cashier actions that may need a manager: each asks src-backed permissions first, opens the
 * override prompt when needed (which writes the audit trail), then changes the open sale.
 * Amounts shown in prompts are formatted here; none is computed (priceCart owns prices).
 */
import { formatMoney, minor } from '../../src/money';
import type { Minor } from '../../src/money';
import type { ManualDiscount, PricedCart } from '../../src/pricing';
import {
  discountAboveCashierLimit,
  discountBasisPoints,
  discountNeedsApproval,
} from '../auth/permissions';
import { requireApproval } from '../auth/override-store';
import { useCustomerStore } from './customer-store';
import type { Translate } from '../i18n/translate';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { useCartStore } from './cart-store';
import { deviceProblem } from '../i18n/device-text';

function money(amount: Minor): string {
  const { settings, locale } = useAppStore.getState();
  return formatMoney(amount, settings?.currency ?? 'VND', locale);
}

function describeDiscount(discount: ManualDiscount): string {
  return discount.kind === 'percent' ? `${discount.percentBp / 100}%` : money(discount.amount);
}

export async function removeLine(
  lineId: string,
  priced: PricedCart | null,
  t: Translate,
): Promise<void> {
  const cart = useCartStore.getState();
  const line = cart.lines.find((candidate) => candidate.lineId === lineId);
  if (!line) return;
  if (cart.tenders.length > 0) {
    const approval = await requireApproval({
      action: 'remove-line-after-payment',
      summary: t('override.remove-line-after-payment', { name: line.name }),
      audit: {
        ...(cart.saleId ? { saleId: cart.saleId } : {}),
        lineId,
        sku: line.sku,
        amountBefore:
          priced?.lines.find((candidate) => candidate.lineId === lineId)?.total ?? minor(0),
      },
    });
    if (!approval) return;
  }
  useCartStore.getState().removeLine(lineId);
}

export async function overridePrice(
  lineId: string,
  unitPrice: Minor,
  reason: string,
  t: Translate,
): Promise<boolean> {
  const cart = useCartStore.getState();
  const line = cart.lines.find((candidate) => candidate.lineId === lineId);
  if (!line) return false;
  const approval = await requireApproval({
    action: 'price-override',
    summary: t('override.price-override', {
      name: line.name,
      from: money(line.unitPrice),
      to: money(unitPrice),
      reason,
    }),
    audit: {
      ...(cart.saleId ? { saleId: cart.saleId } : {}),
      lineId,
      sku: line.sku,
      amountBefore: line.unitPrice,
      amountAfter: unitPrice,
      reason,
    },
  });
  if (!approval) return false;
  useCartStore
    .getState()
    .setOverride(lineId, { unitPrice, reason, approvedBy: approval.approver.id });
  return true;
}

/**
 * A line discount (lineId) or an order discount (null), approved when it is over what the
 * signed-in role may give alone. `base` is what it is taken off, for amount discounts.
 */
export async function applyDiscount(
  lineId: string | null,
  discount: ManualDiscount,
  base: Minor,
  t: Translate,
): Promise<boolean> {
  const { settings, staff } = useAppStore.getState();
  if (!staff) return false;
  const cart = useCartStore.getState();
  const line = lineId ? cart.lines.find((candidate) => candidate.lineId === lineId) : undefined;
  const percentBp =
    discount.kind === 'percent' ? discount.percentBp : discountBasisPoints(discount.amount, base);
  let approved = discount;
  if (discountNeedsApproval(settings, staff.role, percentBp)) {
    const approval = await requireApproval({
      action: 'discount-over-limit',
      summary: t('override.discount-over-limit', {
        what: describeDiscount(discount),
        name: line?.name ?? t('cart.total'),
        limit: (settings?.cashierMaxDiscountBp ?? 0) / 100,
      }),
      audit: {
        ...(cart.saleId ? { saleId: cart.saleId } : {}),
        ...(line ? { lineId: line.lineId, sku: line.sku } : {}),
        percentBp,
        ...(discount.kind === 'amount' ? { amountAfter: discount.amount } : {}),
        ...(discount.reason ? { reason: discount.reason } : {}),
      },
    });
    if (!approval) return false;
    approved = { ...discount, approvedBy: approval.approver.id };
  } else if (discountAboveCashierLimit(settings, percentBp)) {
    // Given on the signed-in supervisor's own authority: named, so the sale stays valid if a
    // cashier finishes it after a user switch.
    approved = { ...discount, approvedBy: staff.id };
  }
  if (lineId) useCartStore.getState().setLineDiscount(lineId, approved);
  else useCartStore.getState().setOrderDiscount(approved);
  return true;
}

export async function voidSale(
  reason: string,
  priced: PricedCart | null,
  t: Translate,
): Promise<boolean> {
  const cart = useCartStore.getState();
  const total = priced?.totals.total ?? minor(0);
  const approval = await requireApproval({
    action: 'void-sale',
    summary: t('override.void-sale', { total: money(total), reason }),
    audit: { ...(cart.saleId ? { saleId: cart.saleId } : {}), amountBefore: total, reason },
  });
  if (!approval) return false;
  const hadCard = cart.tenders.some((tender) => tender.kind === 'card');
  useCartStore.getState().clear();
  useCustomerStore.getState().detach();
  useCartStore.getState().setNotice({
    kind: 'info',
    text: hadCard ? `${t('sell.saleVoided')} ${t('sell.voidCardWarning')}` : t('sell.saleVoided'),
  });
  return true;
}

export async function openDrawerNoSale(t: Translate): Promise<void> {
  const staff = useAppStore.getState().staff;
  if (!staff) return;
  const approval = await requireApproval({
    action: 'no-sale',
    summary: t('override.no-sale'),
    audit: {},
  });
  if (!approval) return;
  const result = await services().api.invoke('drawer/open', {
    reason: 'no-sale',
    staffId: staff.id,
  });
  useCartStore.getState().setNotice(
    result.ok
      ? { kind: 'info', text: t('sell.drawerOpened') }
      : {
          kind: 'error',
          text: t('sell.drawerFailed', { reason: deviceProblem(t, 'drawer', result.code) }),
        },
  );
}
