import { minor } from '../../../src/money';
import type { PricedCart } from '../../../src/pricing';
import { taxCategoryLabel, taxKindsById } from '../../../src/tax';
import { useAppStore } from '../../state/app-store';
import { useTranslate } from '../../i18n/use-translate';
import { useCartStore } from '../cart-store';
import { useMoney } from '../use-money';

/** Subtotal, promotions, discounts, VAT per rate and the total, as priceCart made them. */
export function CartTotals(props: { priced: PricedCart }) {
  const t = useTranslate();
  const money = useMoney();
  const orderDiscount = useCartStore((state) => state.orderDiscount);
  const { totals } = props.priced;
  const locale = useAppStore((state) => state.locale);
  const rates = useAppStore((state) => state.settings?.tax.rates);
  const kinds = taxKindsById(rates ?? []);
  const discounts = minor(totals.lineDiscount + totals.orderDiscount);
  return (
    <dl className="totals">
      <dt>{t('cart.subtotal')}</dt>
      <dd>{money(totals.gross)}</dd>
      {totals.promotionDiscount > 0 && (
        <>
          <dt>{t('cart.promotions')}</dt>
          <dd>−{money(totals.promotionDiscount)}</dd>
        </>
      )}
      {discounts > 0 && (
        <>
          <dt>
            {totals.orderDiscount > 0 && orderDiscount
              ? t('cart.orderDiscount', {
                  what: orderDiscount.kind === 'percent' ? `${orderDiscount.percentBp / 100}%` : '',
                })
              : t('cart.discount')}
          </dt>
          <dd data-testid="cart-discounts">−{money(discounts)}</dd>
        </>
      )}
      {props.priced.taxBreakdown.map((entry) => (
        <div key={entry.taxRateId} className="tax-row">
          <dt className="muted">
            {t('cart.tax')}{' '}
            {taxCategoryLabel(kinds[entry.taxRateId] ?? 'rate', entry.rateBp, locale)}
          </dt>
          <dd className="muted">{money(entry.tax)}</dd>
        </div>
      ))}
      <dt className="grand-total">{t('cart.total')}</dt>
      <dd className="grand-total" data-testid="cart-total">
        {money(totals.total)}
      </dd>
    </dl>
  );
}
