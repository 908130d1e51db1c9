import { useEffect, useRef } from 'react';
import type { StaffDoc } from '../../../src/documents';
import type { PricedCart } from '../../../src/pricing';
import { useTranslate } from '../../i18n/use-translate';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../cart-store';
import { removeLine } from '../sale-actions';
import { useMoney } from '../use-money';

/**
 * The open sale's lines, each with why its price is what it is: list price and quantity, the
 * promotions, a manual discount, a changed price with its reason and approver, its share of an
 * order discount. Touching a line selects it (+, -, Del and F6 act on it).
 */
export function CartLines(props: { priced: PricedCart | null; staff: readonly StaffDoc[] }) {
  const t = useTranslate();
  const money = useMoney();
  const locale = useAppStore((state) => state.locale);
  const lines = useCartStore((state) => state.lines);
  const lastLineId = useCartStore((state) => state.lastLineId);
  const selectLine = useCartStore((state) => state.selectLine);
  const setQuantity = useCartStore((state) => state.setQuantity);
  const scroller = useRef<HTMLDivElement>(null);
  // The line just scanned or touched stays in view as the list scrolls (a long cart).
  useEffect(() => {
    scroller.current
      ?.querySelector('tr[aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest' });
  }, [lastLineId, lines.length]);
  const pricedById = new Map(props.priced?.lines.map((line) => [line.lineId, line]));
  const staffName = (id: string) => props.staff.find((member) => member.id === id)?.name ?? id;

  return (
    <div className="cart-scroll" ref={scroller}>
      <table className="cart-table" data-testid="cart">
        <thead>
          <tr>
            <th>{t('cart.item')}</th>
            <th className="number">{t('cart.quantity')}</th>
            <th className="number">{t('cart.amount')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('sell.emptyCart')}
              </td>
            </tr>
          )}
          {lines.map((line) => {
            const priced = pricedById.get(line.lineId);
            const selected = line.lineId === lastLineId;
            return (
              <tr
                key={line.lineId}
                className={selected ? 'last-line' : undefined}
                aria-selected={selected}
                data-testid="cart-line"
                onClick={() => selectLine(line.lineId)}
              >
                <td>
                  <div className="line-name">{line.name}</div>
                  {priced && (
                    <div className="explain muted">
                      {line.pricing === 'weight'
                        ? `${line.grams ?? 0} g × ${money(priced.unitPrice)}/kg`
                        : t('cart.listPrice', {
                            quantity: line.quantity,
                            price: money(priced.unitPrice),
                          })}
                    </div>
                  )}
                  {line.override && (
                    <div className="explain override" data-testid="line-override">
                      {t('cart.override', {
                        from: money(line.unitPrice),
                        to: money(line.override.unitPrice),
                        reason: line.override.reason,
                        approver: staffName(line.override.approvedBy),
                      })}
                    </div>
                  )}
                  {priced?.promotions.map((promotion) => (
                    <div key={promotion.promotionId} className="explain promotion">
                      {locale === 'vi-VN' ? promotion.label.vi : promotion.label.en}: −
                      {money(promotion.amount)}
                    </div>
                  ))}
                  {priced && line.discount && priced.lineDiscount > 0 && (
                    <div className="explain promotion" data-testid="line-discount">
                      {t('cart.lineDiscount', {
                        what:
                          line.discount.kind === 'percent'
                            ? `${line.discount.percentBp / 100}%`
                            : '',
                      })}
                      : −{money(priced.lineDiscount)}
                    </div>
                  )}
                  {priced && priced.orderDiscount > 0 && (
                    <div className="explain promotion">
                      {t('cart.orderDiscountShare')}: −{money(priced.orderDiscount)}
                    </div>
                  )}
                </td>
                <td className="number">
                  {line.pricing === 'weight' ? (
                    `${line.grams ?? 0} g`
                  ) : (
                    <span className="quantity">
                      <button
                        type="button"
                        className="button-icon"
                        aria-label={t('cart.decrease')}
                        onClick={(event) => {
                          event.stopPropagation();
                          if (line.quantity > 1) setQuantity(line.lineId, line.quantity - 1);
                        }}
                      >
                        −
                      </button>
                      <span data-testid="line-quantity">{line.quantity}</span>
                      <button
                        type="button"
                        className="button-icon"
                        aria-label={t('cart.increase')}
                        onClick={(event) => {
                          event.stopPropagation();
                          setQuantity(line.lineId, line.quantity + 1);
                        }}
                      >
                        +
                      </button>
                    </span>
                  )}
                </td>
                <td className="number" data-testid="line-total">
                  {priced ? money(priced.total) : ''}
                </td>
                <td>
                  <button
                    type="button"
                    className="button-icon"
                    aria-label={t('cart.remove')}
                    onClick={(event) => {
                      event.stopPropagation();
                      void removeLine(line.lineId, props.priced, t);
                    }}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
