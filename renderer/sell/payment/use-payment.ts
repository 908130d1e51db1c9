/**
 * The payment panel's orchestration, apart from what it draws: the tender being entered, the
 * checks of src/tenders (through payment-rules.ts), the server holds on points and stored value
 * taken before a tender goes in (and released when it is refused after all), a credit note
 * offered by a scan or an exchange, and finishing the sale.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { classifyScan } from '../../../src/barcodes';
import type { Minor } from '../../../src/money';
import type { PricedCart } from '../../../src/pricing';
import { normalizeStoredValueNumber } from '../../../src/stored-value';
import type { TenderInput, TenderKind } from '../../../src/tenders';
import { useTranslate } from '../../i18n/use-translate';
import { readTypedAmount } from '../../platform/typed-amount';
import { useAppStore } from '../../state/app-store';
import { scanContext } from '../../state/scan-context';
import { newId, useCartStore } from '../cart-store';
import { creditNoteOfScan, useCreditNoteOfferStore } from '../credit-note-offer';
import type { CreditNoteOffer } from '../credit-note-offer';
import { useCustomerStore } from '../customer-store';
import { finishSale, useLastSaleStore } from '../finish-sale';
import { useMoney } from '../use-money';
import {
  checkPoints,
  checkTenders,
  notForGiftCardMessage,
  storedValueMessage,
  tenderKindsFor,
} from './payment-rules';
import { useBankTransfer } from './use-bank-transfer';
import { releasePoints, reservePoints } from './points-holds';
import { releaseStoredValue, reserveStoredValue, useStoredValueStore } from './stored-value-holds';
import { usePointsCap } from './use-points-cap';

/** An exchange's credit is for the sale it reserved; a scanned note for the sale now open. */
function takesOffer(offer: CreditNoteOffer, saleId: string | null): boolean {
  return offer.saleId === undefined || offer.saleId === saleId;
}

export function usePayment(priced: PricedCart) {
  const t = useTranslate();
  const money = useMoney();
  const settings = useAppStore((state) => state.settings);
  const tenders = useCartStore((state) => state.tenders);
  const addTender = useCartStore((state) => state.addTender);
  const removeTender = useCartStore((state) => state.removeTender);
  const setPaying = useCartStore((state) => state.setPaying);
  const customer = useCustomerStore((state) => state.customer);
  const saleId = useCartStore((state) => state.saleId);
  const finishing = useLastSaleStore((state) => state.finishing);
  const noteLeft = useStoredValueStore((state) => state.left);
  const [kind, setKind] = useState<TenderKind>('cash');
  const [amountText, setAmountText] = useState('');
  const [reference, setReference] = useState('');
  const [last4, setLast4] = useState('');
  const [error, setError] = useState<string | null>(null);

  const currency = settings?.currency ?? 'VND';
  const locale = useAppStore((state) => state.locale);
  const lines = useCartStore((state) => state.lines);
  // The cart's lines: a cart selling a gift card refuses points, credit and gift cards.
  const options = { currency, cashRounding: settings?.cashRounding ?? null, lines };
  const amountDue = priced.totals.total;
  const current = checkTenders(amountDue, tenders, options, t, money);
  const kinds = tenderKindsFor(lines);
  const settlement = current.ok ? current.settlement : null;
  const program = settings?.loyalty?.program;
  const pointsTendered = tenders.reduce(
    (total, tender) => total + (tender.kind === 'loyalty-points' ? tender.points : 0),
    0,
  );
  // The sale's own holds are not spent twice; the cap is the one completion checks.
  const points = usePointsCap({
    saleId,
    saleTotal: amountDue,
    tendered: pointsTendered,
    program,
    active: kind === 'loyalty-points',
  });

  function tryAdd(tender: TenderInput): boolean {
    const next = checkTenders(amountDue, [...tenders, tender], options, t, money);
    if (!next.ok) {
      setError(next.message);
      return false;
    }
    addTender(tender);
    // What is left after a card or a voucher is most often paid in cash.
    setKind('cash');
    setError(null);
    setAmountText('');
    setReference('');
    setLast4('');
    return true;
  }

  const bankTransfer = useBankTransfer({
    saleId,
    t,
    setError,
    // The bank (or a supervisor) confirmed it: the tender goes in, and a paid sale completes.
    onPaid: (tender) => {
      if (!tryAdd(tender)) return false;
      const after = checkTenders(amountDue, useCartStore.getState().tenders, options, t, money);
      if (after.ok && after.settlement.complete) void finishSale(t);
      return true;
    },
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const tenderId = newId('tender');
    if (!kinds.includes(kind)) {
      // Said before any hold is taken (points, a note): the tender would be refused anyway.
      setError(notForGiftCardMessage(kind, t));
      return;
    }
    if (kind === 'loyalty-points') {
      const check = checkPoints(
        Number(amountText),
        {
          hasCustomer: customer !== null,
          program,
          available: points.available,
          saleTotal: amountDue,
          alreadyTendered: pointsTendered,
        },
        t,
      );
      if (!check.ok) {
        setError(check.message);
        return;
      }
      if (!customer || !saleId) return;
      void reservePoints(tenderId, {
        customerId: customer.id,
        points: check.points,
        saleId,
        saleTotal: amountDue,
      }).then((outcome) => {
        if (!outcome.ok) {
          setError(outcome.message);
          return;
        }
        const tender = { tenderId, kind, amount: outcome.reservation.value, points: check.points };
        if (!tryAdd(tender)) void releasePoints(tenderId);
      });
      return;
    }
    // An empty amount pays what is left, except in cash, where the note handed over is needed.
    const read = amountText.trim() ? readTypedAmount(amountText, currency, locale) : null;
    if (read && !read.ok) {
      setError(read.message);
      return;
    }
    const amount = read?.amount ?? (kind === 'cash' ? null : (settlement?.remaining ?? null));
    if (amount === null || amount <= 0) {
      setError(t('payment.badAmount'));
      return;
    }
    switch (kind) {
      case 'cash':
        tryAdd({ tenderId, kind, amount });
        return;
      case 'card':
        tryAdd({
          tenderId,
          kind,
          amount,
          approvalCode: reference.trim(),
          ...(/^\d{4}$/.test(last4) ? { cardLast4: last4 } : {}),
        });
        return;
      case 'bank-transfer': {
        // No code for more than is due; the tender goes in once the money is confirmed.
        const tender: TenderInput = { tenderId, kind, amount, paymentReference: '' };
        const precheck = checkTenders(amountDue, [...tenders, tender], options, t, money);
        if (!precheck.ok) setError(precheck.message);
        else void bankTransfer.start(amount);
        return;
      }
      case 'gift-card':
      case 'store-credit': {
        // A return receipt's QR text typed or pasted in the field reads as its note number.
        const scanned =
          kind === 'store-credit'
            ? creditNoteOfScan(classifyScan(reference.trim(), scanContext()))
            : null;
        takeStoredValue(tenderId, kind, scanned ?? normalizeStoredValueNumber(reference), amount);
        return;
      }
    }
  }

  /**
   * Stored value is money: the server holds it (or, offline, this store's own note is checked
   * here) before the tender goes in; never more than is due, never more than is left.
   */
  function takeStoredValue(
    tenderId: string,
    tenderKind: 'gift-card' | 'store-credit',
    number: string,
    amount: Minor,
  ): void {
    if (!number) {
      setError(
        tenderKind === 'gift-card'
          ? t('payment.needCardNumber')
          : t('payment.storedValue.needNumber'),
      );
      return;
    }
    const tender: TenderInput =
      tenderKind === 'gift-card'
        ? { tenderId, kind: tenderKind, amount, cardNumber: number }
        : { tenderId, kind: tenderKind, amount, creditReference: number };
    const precheck = checkTenders(amountDue, [...tenders, tender], options, t, money);
    if (!precheck.ok) {
      setError(precheck.message);
      return;
    }
    if (!saleId) return;
    void reserveStoredValue(tenderId, {
      tenderKind,
      number,
      amount,
      saleId,
      currency,
    }).then((outcome) => {
      if (!outcome.ok) {
        setKind(tenderKind);
        setReference(number);
        setError(storedValueMessage(outcome, t, money));
        return;
      }
      if (!tryAdd(tender)) void releaseStoredValue(tenderId);
    });
  }

  // A credit note handed over without typing: a return receipt scanned now, or an exchange's
  // credit (that one goes in at once, for the credit or what is due, whichever is less).
  // Read whenever the panel renders or an offer arrives, so the amounts are the current ones.
  useEffect(() => {
    let live = true;
    const take = (): void => {
      const offer = useCreditNoteOfferStore.getState().offer;
      if (!live || !offer || !takesOffer(offer, saleId)) return;
      useCreditNoteOfferStore.getState().setOffer(null);
      setKind('store-credit');
      setReference(offer.number);
      setError(null);
      if (offer.amount === undefined) return;
      const due = settlement?.remaining ?? amountDue;
      const amount = offer.amount < due ? offer.amount : due;
      if (amount > 0) takeStoredValue(newId('tender'), 'store-credit', offer.number, amount);
    };
    const unsubscribe = useCreditNoteOfferStore.subscribe(take);
    void Promise.resolve().then(take);
    return () => {
      live = false;
      unsubscribe();
    };
  });

  function chooseKind(candidate: TenderKind): void {
    setKind(candidate);
    setError(null);
  }

  return {
    t,
    money,
    /** The tenders this cart may take. */
    kinds,
    kind,
    chooseKind,
    amountText,
    setAmountText,
    reference,
    setReference,
    last4,
    setLast4,
    /** A tender refused now, or tenders the changed sale no longer settles. */
    error: error ?? (current.ok ? null : current.message),
    amountDue,
    settlement,
    tenders,
    noteLeft,
    program,
    points,
    finishing,
    removeTender,
    back: () => setPaying(false),
    addCash: (amount: Minor) => tryAdd({ tenderId: newId('tender'), kind: 'cash', amount }),
    submit,
    complete: () => void finishSale(t),
    bankTransfer,
  };
}
