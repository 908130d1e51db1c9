/**
 * `#/customer-history`: the customer the counter is talking to, on every channel. Found by phone,
 * email or loyalty card, on this register and (online) on the server; shows the points, lifetime
 * spend, visits, last visit and every order, sale and return with where it happened. An order or
 * sale opens straight in the returns screen.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type {
  CustomerDoc,
  LoyaltyEntryDoc,
  ReturnDoc,
  SaleDoc,
  WebOrderDoc,
} from '../../src/documents';
import {
  customerHistory,
  customerMatchesEntry,
  customerSummary,
  mergeHistory,
} from '../../src/customers';
import type { HistoryItem } from '../../src/customers';
import type { ApiRequest } from '../../src/api';
import { loyaltyBalance } from '../../src/loyalty';
import { formatMoney } from '../../src/money';
import { navigate } from '../platform/use-hash-route';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { ledgerFor } from '../lookup/customer-ledger';
import { lookupDocument, serverApi } from '../lookup/document-lookup';
import type { FoundDocument } from '../lookup/document-lookup';
import { OMNI_MESSAGES } from '../i18n/omnichannel-messages';
import type { OmniMessageKey } from '../i18n/omnichannel-messages';
import { useOmniTranslate } from '../i18n/use-omni-translate';
import { useStoreNames } from '../lookup/store-names';
import type { StoreNameOf } from '../lookup/store-names';
import type { OmniTranslate } from '../i18n/use-omni-translate';
import { findFacts } from '../data/facts';

/** A sale's or order's status in words; a completed one says nothing (it is the usual case). */
function statusLabel(status: string | undefined, t: OmniTranslate): string {
  if (!status || status === 'completed') return '';
  const key = status === 'voided' ? 'customers.status.voided' : `pickup.state.${status}`;
  return key in OMNI_MESSAGES['vi-VN'] ? `(${t(key as OmniMessageKey)})` : `(${status})`;
}

/** Where it happened: the store by name, or the channel of an order with no store. */
function whereOf(item: HistoryItem, storeName: StoreNameOf, t: OmniTranslate): string {
  if (item.storeId) return storeName(item.storeId);
  const key = `customers.channel.${item.channel}`;
  return key in OMNI_MESSAGES['vi-VN'] ? t(key as OmniMessageKey) : item.channel;
}

interface Profile {
  customer: CustomerDoc;
  points: number;
  history: HistoryItem[];
  serverChecked: boolean;
}

function searchQuery(text: string): ApiRequest<'customers/find'> {
  const entry = text.trim();
  if (entry.includes('@')) return { email: entry };
  if (/^[+\d\s().-]{6,}$/.test(entry)) return { phone: entry.replace(/[\s().-]/g, '') };
  return { card: entry };
}

async function findCustomers(
  text: string,
): Promise<{ customers: CustomerDoc[]; serverChecked: boolean }> {
  const entry = text.trim();
  const local = (await services().db.customers.find().exec())
    .map((doc) => doc.toJSON() as CustomerDoc)
    .filter((customer) => customerMatchesEntry(customer, entry));
  const remote = await serverApi().call('customers/find', searchQuery(entry));
  const byId = new Map(local.map((customer) => [customer.id, customer]));
  if (remote.ok) for (const customer of remote.value.customers) byId.set(customer.id, customer);
  return { customers: [...byId.values()], serverChecked: remote.ok };
}

async function loadProfile(customer: CustomerDoc): Promise<Profile> {
  const { db } = services();
  const json = <T,>(docs: { toJSON(): unknown }[]) => docs.map((doc) => doc.toJSON() as T);
  const orders = json<WebOrderDoc>(
    await db.orders.find({ selector: { customerId: customer.id } }).exec(),
  );
  const held = {
    sales: json<SaleDoc>(await db.sales.find({ selector: { customerId: customer.id } }).exec()),
    orders,
    returns: json<ReturnDoc>(
      await db.returns.find({ selector: { customerId: customer.id } }).exec(),
    ),
    pickups: await findFacts(db, 'pickups', { orderId: { $in: orders.map((order) => order.id) } }),
  };
  const remote = await serverApi().call('customers/get', { id: customer.id });
  const ledger: LoyaltyEntryDoc[] = await ledgerFor(customer.id);
  return {
    customer,
    points: remote.ok
      ? remote.value.loyalty.available
      : loyaltyBalance(ledger, customer.id).available,
    history: mergeHistory(
      remote.ok ? remote.value.history : [],
      customerHistory(customer.id, held),
    ),
    serverChecked: remote.ok,
  };
}

/** `startReturn` opens the returns screen on a found document (returns/, handed in by the shell). */
export function CustomerHistoryScreen(props: {
  startReturn: (found: FoundDocument) => Promise<void>;
}) {
  const t = useOmniTranslate();
  const storeName = useStoreNames();
  const locale = useAppStore((state) => state.locale);
  const currency = useAppStore((state) => state.settings?.currency ?? 'VND');
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<CustomerDoc[] | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const money = (amount: number) => formatMoney(amount as never, currency, locale);
  const date = (iso: string) => new Date(iso).toLocaleString(locale);

  async function search(event: FormEvent): Promise<void> {
    event.preventDefault();
    setProfile(null);
    const found = await findCustomers(text);
    setMatches(found.customers);
    setError(found.customers.length === 0 ? t('customers.noMatch', { text }) : null);
    if (found.customers.length === 1 && found.customers[0])
      setProfile(await loadProfile(found.customers[0]));
  }

  async function openForReturn(item: HistoryItem): Promise<void> {
    const result = await lookupDocument(
      item.kind === 'sale' ? { kind: 'sale', id: item.id } : { kind: 'order', key: item.id },
    );
    if (!result.ok) {
      setError(t('lookup.notFound', { text: item.id }));
      return;
    }
    await props.startReturn(result.found);
  }

  const summary = profile ? customerSummary(profile.history) : null;
  return (
    <main className="screen" data-testid="customer-history-screen">
      <header className="screen-header">
        <h1>{t('customers.title')}</h1>
        <button type="button" className="button-secondary" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      <form className="search-row" onSubmit={(event) => void search(event)}>
        <input
          className="scan-input"
          data-testid="customer-search"
          aria-label={t('customers.search')}
          placeholder={t('customers.search')}
          value={text}
          autoFocus
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button-primary">
          {t('lookup.submit')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {matches && matches.length > 1 && !profile && (
        <ul className="result-list panel">
          {matches.map((customer) => (
            <li key={customer.id}>
              <button
                type="button"
                className="button-secondary"
                onClick={() => void loadProfile(customer).then(setProfile)}
              >
                {customer.name} {customer.phone ?? ''} {customer.loyaltyCardNumber ?? ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {profile && summary && (
        <section className="panel" data-testid="customer-profile">
          <h2>
            {profile.customer.name}{' '}
            {profile.customer.loyaltyCardNumber ? `(${profile.customer.loyaltyCardNumber})` : ''}
          </h2>
          {!profile.serverChecked && <p className="muted">{t('customers.offline')}</p>}
          <div className="figures">
            <p data-testid="customer-points">{t('customers.points', { points: profile.points })}</p>
            <p data-testid="customer-lifetime">
              {t('customers.lifetime', { amount: money(summary.lifetimeSpend) })}
            </p>
            <p data-testid="customer-visits">{t('customers.visits', { count: summary.visits })}</p>
            <p>
              {t('customers.lastVisit', {
                date: summary.lastVisit ? date(summary.lastVisit) : t('customers.never'),
              })}
            </p>
          </div>
          <h3>{t('customers.history')}</h3>
          <table className="cart-table" data-testid="customer-history">
            <thead>
              <tr>
                <th>{t('customers.when')}</th>
                <th />
                <th>{t('customers.where')}</th>
                <th className="number">{t('customers.amount')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {profile.history.map((item) => (
                <tr key={item.id} data-testid="history-row" data-kind={item.kind}>
                  <td>{date(item.at)}</td>
                  <td>
                    {t(`customers.kind.${item.kind}`)}
                    {item.reference ? ` ${item.reference}` : ''}
                    {item.originalReference ? ` ← ${item.originalReference}` : ''}{' '}
                    {statusLabel(item.status, t)}
                  </td>
                  <td>{whereOf(item, storeName, t)}</td>
                  <td className="number">{money(item.total)}</td>
                  <td>
                    {item.kind !== 'return' && (
                      <button
                        type="button"
                        className="button-secondary"
                        onClick={() => void openForReturn(item)}
                      >
                        {t('nav.returns')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
