import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { classifyScan } from '../../../src/barcodes';
import type { CustomerDoc } from '../../../src/documents';
import { createCustomer, heldCustomers, useCustomerStore } from '../customer-store';
import { normalizePhone } from '../../../src/customers';
import { matchCustomers, parseCustomerQuery } from '../customer-lookup';
import { onScan } from '../../devices/scan-router';
import type { MessageKey } from '../../i18n/messages';
import { useTranslate } from '../../i18n/use-translate';
import { useAppStore } from '../../state/app-store';
import { scanContext } from '../../state/scan-context';
import { attachByCard } from '../scan-entry';
import { findCustomerOnServer } from '../server-customer-find';
import { useSellUiStore } from '../sell-ui-store';
import { useMoney } from '../use-money';

const isCard = (text: string): boolean => classifyScan(text, scanContext()).kind === 'loyalty-card';

/** Find, create and show the sale's customer: tier, points and orders from every channel. */
export function CustomerPanel() {
  const t = useTranslate();
  const close = useSellUiStore((state) => state.close);
  const customer = useCustomerStore((state) => state.customer);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CustomerDoc[] | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(
    () =>
      onScan(({ scan }) =>
        scan.kind === 'loyalty-card' ? attachByCard(scan.cardNumber, t) : false,
      ),
    [t],
  );

  async function search(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsed = parseCustomerQuery(query, isCard);
    if (!parsed) return;
    const held = matchCustomers(await heldCustomers(), parsed);
    const found = held.length > 0 ? held : await findCustomerOnServer(parsed);
    if (found.length === 1 && parsed.kind !== 'name' && found[0]) {
      useCustomerStore.getState().attach(found[0]);
      setResults(null);
      setQuery('');
      return;
    }
    setResults(found);
  }

  return (
    <div
      className="dialog-backdrop"
      role="dialog"
      aria-modal="true"
      aria-labelledby="customer-title"
    >
      <div className="dialog dialog-wide" data-testid="customer-panel">
        <h2 id="customer-title">{t('customer.title')}</h2>
        {customer && <CustomerDetails customer={customer} />}
        <form onSubmit={(event) => void search(event)} className="inline-form">
          <input
            autoFocus
            autoComplete="off"
            data-testid="customer-search"
            aria-label={t('customer.search')}
            placeholder={t('customer.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </form>
        {results && results.length === 0 && <p className="muted">{t('customer.noMatch')}</p>}
        {results && results.length > 0 && (
          <ul className="customer-results" data-testid="customer-results">
            {results.map((found) => (
              <li key={found.id}>
                <span>
                  {found.name} · {found.phone ?? ''} · {found.loyaltyCardNumber ?? ''}
                </span>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => {
                    useCustomerStore.getState().attach(found);
                    setResults(null);
                  }}
                >
                  {t('customer.attach')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {creating ? (
          <CreateCustomerForm onDone={() => setCreating(false)} initial={query} />
        ) : (
          <button
            type="button"
            className="button-secondary"
            data-testid="customer-create"
            onClick={() => setCreating(true)}
          >
            {t('customer.create')}
          </button>
        )}
        <div className="dialog-actions">
          {customer && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => useCustomerStore.getState().detach()}
            >
              {t('customer.detach')}
            </button>
          )}
          <button
            type="button"
            className="button-primary"
            data-testid="customer-close"
            onClick={close}
          >
            {t('customer.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

function CustomerDetails(props: { customer: CustomerDoc }) {
  const t = useTranslate();
  const money = useMoney();
  const locale = useAppStore((state) => state.locale);
  const program = useAppStore((state) => state.settings?.loyalty?.program);
  const balance = useCustomerStore((state) => state.balance);
  const standing = useCustomerStore((state) => state.standing);
  const history = useCustomerStore((state) => state.history);
  const source = useCustomerStore((state) => state.historySource);
  const historyAt = useCustomerStore((state) => state.historyAt);
  const tierName = (name: { vi: string; en: string }) => (locale === 'vi-VN' ? name.vi : name.en);
  const time = historyAt ? new Date(historyAt).toLocaleString(locale) : '';
  return (
    <section className="customer-details" data-testid="customer-details">
      <h3 data-testid="customer-name">{props.customer.name}</h3>
      <p className="muted">
        {props.customer.phone ?? ''} {props.customer.loyaltyCardNumber ?? ''}
      </p>
      {program ? (
        <>
          <p data-testid="customer-tier">
            {standing?.tier
              ? t('customer.tier', { tier: tierName(standing.tier.name) })
              : t('customer.noTier')}
          </p>
          <p className="grand-total" data-testid="customer-points">
            {t('customer.points', { points: balance?.available ?? 0 })}
          </p>
          {standing?.next && (
            <p className="muted">
              {t('customer.nextTier', {
                points: standing.next.pointsNeeded,
                tier: tierName(standing.next.tier.name),
              })}
            </p>
          )}
        </>
      ) : (
        <p className="muted">{t('customer.noProgram')}</p>
      )}
      <h4>{t('customer.history')}</h4>
      <p className="muted" data-testid="customer-history-source">
        {source === 'server'
          ? t('customer.historyServer', { time })
          : source === 'cache'
            ? t('customer.historyCache', { time })
            : t('customer.historyLocal')}
      </p>
      {history.length === 0 ? (
        <p className="muted">{t('customer.noHistory')}</p>
      ) : (
        <ul className="history" data-testid="customer-history">
          {history.map((entry) => (
            <li key={entry.id}>
              {new Date(entry.at).toLocaleDateString(locale)} ·{' '}
              {t(`customer.channel.${entry.channel}` as MessageKey)} · {money(entry.total)}
              {entry.status ? ` · ${t(`customer.status.${entry.status}` as MessageKey)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CreateCustomerForm(props: { onDone(): void; initial: string }) {
  const t = useTranslate();
  const initialPhone = normalizePhone(props.initial) ? props.initial : '';
  const [name, setName] = useState(initialPhone ? '' : props.initial);
  const [phone, setPhone] = useState(initialPhone);
  const [email, setEmail] = useState('');
  const [card, setCard] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!name.trim()) return setError(t('customer.needName'));
    const normalized = phone.trim() ? normalizePhone(phone) : null;
    if (phone.trim() && !normalized) return setError(t('customer.badPhone'));
    if (normalized) {
      const taken = matchCustomers(await heldCustomers(), { kind: 'phone', phone: normalized });
      if (taken[0]) return setError(t('customer.phoneTaken', { name: taken[0].name }));
    }
    const customer = await createCustomer({
      name,
      ...(normalized ? { phone: normalized } : {}),
      ...(email.trim() ? { email } : {}),
      ...(card.trim() ? { loyaltyCardNumber: card } : {}),
    });
    useCustomerStore.getState().attach(customer);
    props.onDone();
  }

  return (
    <form
      className="create-customer"
      data-testid="customer-form"
      onSubmit={(event) => void save(event)}
    >
      <label>
        {t('customer.name')}
        <input autoFocus value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        {t('customer.phone')}
        <input inputMode="tel" value={phone} onChange={(event) => setPhone(event.target.value)} />
      </label>
      <label>
        {t('customer.email')}
        <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <label>
        {t('customer.card')}
        <input value={card} onChange={(event) => setCard(event.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-primary">
        {t('customer.save')}
      </button>
    </form>
  );
}
