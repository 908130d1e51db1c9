import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ReportRow } from '../../../src/reports';
import { taxCategoryLabel, taxKindsById } from '../../../src/tax';
import { categoryName } from '../../i18n/category-names';
import { storeStaff } from '../../services';
import { useAppStore } from '../../state/app-store';
import { money } from '../manager-format';
import type { ManagerMessageKey } from '../manager-messages';
import { tenderLabel } from '../shift/report-table';
import { useManagerTranslate } from '../use-manager-translate';
import { BarChart, HourChart } from './bar-chart';
import { localReports, periodOf, reportsCsv, serverReports, today } from './reports-data';
import type { ReportSet } from './reports-data';

type Scope = 'store' | 'all';

/** Sales, returns, loyalty and customer measures for a day or a range, charted and exportable. */
export function ReportsPanel() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const currency = useAppStore((state) => state.settings?.currency ?? 'VND');
  const taxRates = useAppStore((state) => state.settings?.tax.rates);
  const taxKinds = taxKindsById(taxRates ?? []);
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const [scope, setScope] = useState<Scope>('store');
  const [request, setRequest] = useState({ from, to, scope });
  const [result, setResult] = useState<{
    request: typeof request;
    reports: ReportSet;
    fromServer: boolean | null;
  } | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});

  useEffect(() => {
    void storeStaff().then((staff) =>
      setNames(Object.fromEntries(staff.map((member) => [member.id, member.name]))),
    );
  }, []);

  // Figures for today on opening; later ones each time the manager asks.
  useEffect(() => {
    let current = true;
    const period = periodOf(request.from, request.to);
    void (async () => {
      const remote = request.scope === 'all' ? await serverReports(period) : null;
      const figures = remote ?? (await localReports(period));
      if (current) {
        setResult({
          request,
          reports: figures,
          fromServer: request.scope === 'all' ? remote !== null : null,
        });
      }
    })();
    return () => {
      current = false;
    };
  }, [request]);
  const loading = result?.request !== request;
  const reports = result?.reports ?? null;
  const note =
    result?.fromServer === true
      ? t('reports.allStoresServer')
      : result?.fromServer === false
        ? t('reports.allStoresOffline')
        : null;

  const label = useCallback(
    (section: string, key: string): string => {
      if (section.includes('tender')) return tenderLabel(key, t);
      if (section.includes('cashier')) return names[key] ?? key;
      if (section.includes('category')) return categoryName(key, locale);
      const channel = `channel.${key}` as ManagerMessageKey;
      return channel in CHANNELS ? t(channel) : key;
    },
    [names, t, locale],
  );

  /** The CSV is made when asked for: a Blob behind a short-lived download link. */
  function downloadCsv(figures: ReportSet): void {
    const url = URL.createObjectURL(
      new Blob([reportsCsv(figures, label)], { type: 'text/csv;charset=utf-8' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `omnitill-report-${request.from}-${request.to}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const show = (amount: number) => money(amount, currency, locale);
  const points = (amount: number) => amount.toLocaleString(locale);
  const percent = (bp: number) => `${(bp / 100).toLocaleString(locale)} %`;
  const chart = (
    title: ManagerMessageKey,
    rows: readonly ReportRow<number>[],
    section: string,
    value = show,
  ) => (
    <section className="manager-card" key={section}>
      <h3>{t(title)}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.empty')}</p>
      ) : (
        <BarChart
          rows={rows}
          title={t(title)}
          label={(key) => label(section, key)}
          value={value}
          testId={`chart-${section}`}
        />
      )}
    </section>
  );

  function submit(event: FormEvent): void {
    event.preventDefault();
    setRequest({ from, to, scope });
  }

  return (
    <div data-testid="reports-panel">
      <form className="manager-card manager-row" onSubmit={submit}>
        <label className="manager-field">
          <span>{t('reports.from')}</span>
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="manager-field">
          <span>{t('reports.to')}</span>
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <div className="segmented" role="radiogroup" aria-label={t('reports.scope')}>
          {(['store', 'all'] as const).map((option) => (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={scope === option}
              className={scope === option ? 'button-primary' : 'button-secondary'}
              data-testid={`reports-scope-${option}`}
              onClick={() => setScope(option)}
            >
              {t(option === 'store' ? 'reports.thisStore' : 'reports.allStores')}
            </button>
          ))}
        </div>
        <button type="submit" className="button-primary" data-testid="reports-show">
          {t('reports.show')}
        </button>
        {reports && (
          <button
            type="button"
            className="button-secondary"
            data-testid="reports-csv"
            onClick={() => downloadCsv(reports)}
          >
            {t('common.csv')}
          </button>
        )}
      </form>
      {note && (
        <p className="notice" role="status" data-testid="reports-note">
          {note}
        </p>
      )}
      {loading && <p className="muted">{t('reports.loading')}</p>}
      {reports && (
        <>
          <p data-testid="reports-summary">
            {t('reports.salesCount', {
              count: reports.sales.count,
              total: show(reports.sales.total),
            })}
          </p>
          {reports.sales.giftCards.count > 0 && (
            <p className="muted" data-testid="reports-gift-cards">
              {t('reports.giftCards', {
                count: reports.sales.giftCards.count,
                total: show(reports.sales.giftCards.total),
              })}
            </p>
          )}
          <section className="manager-card">
            <h3>{t('reports.byHour')}</h3>
            <HourChart rows={reports.sales.byHour} title={t('reports.byHour')} value={show} />
          </section>
          <div className="manager-columns">
            {chart('reports.byChannel', reports.sales.byChannel, 'sales-by-channel')}
            {chart('reports.byTender', reports.sales.byTender, 'sales-by-tender')}
            {chart('reports.byCashier', reports.sales.byCashier, 'sales-by-cashier')}
            {chart('reports.byCategory', reports.sales.byCategory, 'sales-by-category')}
            {chart('reports.returnsByChannel', reports.returns.byChannel, 'returns-by-channel')}
            {chart('reports.returnsByReason', reports.returns.byReason, 'returns-by-reason')}
          </div>
          {reports.sales.byTaxRate.length > 0 && (
            <section className="manager-card">
              <h3>{t('reports.vat')}</h3>
              <table className="manager-table" data-testid="reports-vat">
                <thead>
                  <tr>
                    <th>{t('reports.vatRate')}</th>
                    <th>{t('reports.vatTaxable')}</th>
                    <th>{t('reports.vatTax')}</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.sales.byTaxRate.map((row) => (
                    <tr key={`${row.taxRateId}@${row.rateBp}`}>
                      <td>
                        {taxCategoryLabel(taxKinds[row.taxRateId] ?? 'rate', row.rateBp, locale)}
                      </td>
                      <td>{show(row.taxable)}</td>
                      <td>{show(row.tax)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <section className="manager-card">
            <h3>{t('reports.loyalty')}</h3>
            <dl className="report-figures">
              <div>
                <dt>{t('reports.issued')}</dt>
                <dd data-testid="loyalty-issued">{points(reports.loyalty.issued)}</dd>
              </div>
              <div>
                <dt>{t('reports.redeemed')}</dt>
                <dd data-testid="loyalty-redeemed">{points(reports.loyalty.redeemed)}</dd>
              </div>
              <div>
                <dt>{t('reports.expired')}</dt>
                <dd>{points(reports.loyalty.expired)}</dd>
              </div>
            </dl>
          </section>
          <section className="manager-card">
            <h3>{t('reports.customers')}</h3>
            <dl className="report-figures">
              <div>
                <dt>{t('reports.customerCount')}</dt>
                <dd>{reports.customers.customers}</dd>
              </div>
              <div>
                <dt>{t('reports.clv')}</dt>
                <dd data-testid="customers-clv">{show(reports.customers.averageLifetimeValue)}</dd>
              </div>
              <div>
                <dt>{t('reports.repeat')}</dt>
                <dd data-testid="customers-repeat">{percent(reports.customers.repeatRateBp)}</dd>
              </div>
              <div>
                <dt>{t('reports.multiChannel')}</dt>
                <dd data-testid="customers-multichannel">
                  {percent(reports.customers.multiChannelShareBp)}
                </dd>
              </div>
            </dl>
          </section>
        </>
      )}
    </div>
  );
}

const CHANNELS: Record<string, true> = {
  'channel.store': true,
  'channel.web': true,
  'channel.care': true,
  'channel.social': true,
  'channel.no-receipt': true,
};
