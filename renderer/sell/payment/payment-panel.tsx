import type { Minor } from '../../../src/money';
import type { PricedCart } from '../../../src/pricing';
import { BankTransferView } from './bank-transfer-view';
import { quickCashAmounts, TENDER_LABEL } from './payment-rules';
import { useProvisionalBill } from './provisional-bill-printing';
import { usePayment } from './use-payment';

/**
 * Taking payment: any split of cash (quick VND notes, change), card (approval code from the
 * terminal, never more than is due), gift card, store credit and loyalty points (a cart selling
 * a gift card is offered cash, a bank card and a transfer only). src/tenders
 * does the arithmetic, cash rounding included; the sale stays intact whatever is refused. What
 * happens on each button is use-payment.ts's; this panel only draws.
 */
export function PaymentPanel(props: { priced: PricedCart }) {
  const pay = usePayment(props.priced);
  const { t, money, kind, settlement, amountDue, tenders } = pay;
  const bill = useProvisionalBill(props.priced, t);

  const dueInCash = settlement?.remainingInCash ?? amountDue;
  return (
    <section className="payment-panel" aria-labelledby="payment-title" data-testid="payment-panel">
      <h2 id="payment-title">{t('payment.title')}</h2>
      <dl className="totals">
        <dt>{t('payment.due')}</dt>
        <dd data-testid="payment-due">{money(amountDue)}</dd>
        <dt>{t('payment.remaining')}</dt>
        <dd data-testid="payment-remaining">{money(settlement?.remaining ?? amountDue)}</dd>
        {settlement && settlement.remainingInCash !== settlement.remaining && (
          <>
            <dt className="muted">
              {t('payment.dueCash', { amount: money(settlement.remainingInCash) })}
            </dt>
            <dd />
          </>
        )}
        <dt className="grand-total">{t('payment.change')}</dt>
        <dd className="grand-total" data-testid="payment-change">
          {money(settlement?.change ?? (0 as Minor))}
        </dd>
      </dl>
      {tenders.length > 0 && (
        <ul className="tender-list" data-testid="tenders">
          {tenders.map((tender) => (
            <li key={tender.tenderId}>
              <span>
                {t(TENDER_LABEL[tender.kind])}
                {tender.kind === 'card' ? ` (${tender.approvalCode})` : ''}
                {tender.kind === 'gift-card' ? ` ${tender.cardNumber}` : ''}
                {tender.kind === 'store-credit' && tender.creditReference
                  ? ` ${tender.creditReference}`
                  : ''}
                {pay.noteLeft[tender.tenderId] && (
                  <span className="muted" data-testid="tender-note-left">
                    {' '}
                    (
                    {t('payment.storedValue.left', {
                      amount: money(pay.noteLeft[tender.tenderId]?.balanceAfter ?? (0 as Minor)),
                    })}
                    )
                  </span>
                )}
                {tender.kind === 'loyalty-points' ? ` (${tender.points})` : ''}
                {tender.kind === 'bank-transfer' ? ` ${tender.paymentReference}` : ''}
              </span>
              <span>{money(tender.amount)}</span>
              <button
                type="button"
                className="button-icon"
                aria-label={t('payment.removeTender')}
                onClick={() => pay.removeTender(tender.tenderId)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tender-kinds" role="tablist">
        {pay.kinds
          .filter((candidate) => candidate !== 'bank-transfer' || pay.bankTransfer.available)
          .map((candidate) => (
            <button
              key={candidate}
              type="button"
              role="tab"
              aria-selected={kind === candidate}
              className={kind === candidate ? 'button-primary' : 'button-secondary'}
              data-testid={`tender-${candidate}`}
              onClick={() => pay.chooseKind(candidate)}
            >
              {t(TENDER_LABEL[candidate])}
            </button>
          ))}
      </div>
      {kind === 'cash' && !settlement?.complete && pay.bankTransfer.transfer === null && (
        <div className="quick-cash">
          {quickCashAmounts(dueInCash).map((amount, index) => (
            <button
              key={`${index}-${amount}`}
              type="button"
              className="button-secondary"
              data-testid={index === 0 ? 'cash-exact' : `cash-${amount}`}
              onClick={() => pay.addCash(amount)}
            >
              {index === 0 ? `${t('payment.exact')} ${money(amount)}` : money(amount)}
            </button>
          ))}
        </div>
      )}
      <BankTransferView t={t} money={money} transfer={pay.bankTransfer} bill={bill} />
      {/* While a transfer code is up, the cashier cancels it or confirms it; nothing else goes in. */}
      {pay.bankTransfer.transfer === null && (
        <form className="tender-form" onSubmit={pay.submit}>
          <label>
            {kind === 'loyalty-points' ? t('payment.pointsToUse') : t('payment.amount')}
            <input
              data-testid="tender-amount"
              inputMode="numeric"
              autoComplete="off"
              value={pay.amountText}
              placeholder={
                kind === 'cash' || kind === 'loyalty-points'
                  ? ''
                  : money(settlement?.remaining ?? amountDue)
              }
              onChange={(event) => pay.setAmountText(event.target.value.replace(/[^\d.,]/g, ''))}
            />
          </label>
          {kind !== 'cash' && kind !== 'loyalty-points' && kind !== 'bank-transfer' && (
            <label>
              {kind === 'card'
                ? t('payment.approvalCode')
                : kind === 'gift-card'
                  ? t('payment.cardNumber')
                  : t('payment.creditReference')}
              <input
                data-testid="tender-reference"
                autoComplete="off"
                value={pay.reference}
                onChange={(event) => pay.setReference(event.target.value)}
              />
            </label>
          )}
          {kind === 'card' && (
            <label>
              {t('payment.last4')}
              <input
                inputMode="numeric"
                maxLength={4}
                autoComplete="off"
                value={pay.last4}
                onChange={(event) => pay.setLast4(event.target.value.replace(/\D/g, ''))}
              />
            </label>
          )}
          {kind === 'loyalty-points' && pay.program && (
            <p className="muted" data-testid="points-info">
              {t('payment.pointsInfo', {
                balance: pay.points.available,
                max: pay.points.cap,
                value: money(pay.program.pointValue),
              })}
            </p>
          )}
          <button type="submit" className="button-secondary" data-testid="tender-add">
            {kind === 'bank-transfer' ? t('payment.transfer.show') : t('payment.add')}
          </button>
        </form>
      )}
      {pay.error && (
        <p className="error" role="alert" data-testid="payment-error">
          {pay.error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={pay.back}>
          {t('payment.back')}
        </button>
        <button
          type="button"
          className="button-primary"
          data-testid="complete-sale"
          disabled={!settlement?.complete || pay.finishing}
          onClick={pay.complete}
        >
          {t('payment.complete')}
        </button>
      </div>
    </section>
  );
}
