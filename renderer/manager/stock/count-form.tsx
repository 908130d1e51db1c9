import { useState } from 'react';
import { formatStockQuantity, postCount, reviewCount } from '../../../src/stock';
import type { CountReview } from '../../../src/stock';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { newId } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { ProductEntry, productName } from './product-entry';
import { addScan, ScannedLines } from './scanned-lines';
import type { ScannedLine } from './scanned-lines';
import { storeMoves, writeMoves } from '../../lookup/stock-data';

/**
 * A stock count: scan or type counts area by area (part of the store is fine), review the
 * variances against the moves (src/stock reviewCount), send lines back for a recount, and post
 * the rest as `count` moves (postCount). Levels are never overwritten.
 */
export function CountForm() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const [area, setArea] = useState('');
  const [lines, setLines] = useState<ScannedLine[]>([]);
  const [review, setReview] = useState<CountReview | null>(null);
  const [recount, setRecount] = useState<string[]>([]);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function startReview(): Promise<void> {
    const { config } = services();
    try {
      setReview(
        reviewCount(
          {
            storeId: config.storeId,
            countId: newId('count'),
            countedAt: new Date().toISOString(),
            lines: lines.map((line) => ({
              sku: line.sku,
              counted: line.quantity,
              ...(line.location ? { location: line.location } : {}),
            })),
          },
          await storeMoves(),
        ),
      );
      setRecount([]);
      setMessage(null);
    } catch (caught) {
      setMessage({ error: true, text: t('common.error', { message: (caught as Error).message }) });
    }
  }

  async function post(approved: CountReview): Promise<void> {
    const moves = postCount(approved, {
      newId: () => newId('stk'),
      deviceId: services().config.deviceId,
      exclude: recount,
    });
    try {
      await writeMoves(moves);
      setMessage({ error: false, text: t('stock.countPosted', { lines: moves.length }) });
      // Lines sent back for a recount stay on the list; the rest are done.
      setLines(lines.filter((line) => recount.includes(line.sku)));
      setReview(null);
    } catch (caught) {
      setMessage({ error: true, text: t('common.error', { message: (caught as Error).message }) });
    }
  }

  return (
    <section className="manager-card" data-testid="count-form">
      <p className="muted">{t('stock.countHint')}</p>
      <label className="manager-field">
        <span>{t('stock.area')}</span>
        <input
          data-testid="count-area"
          autoComplete="off"
          maxLength={64}
          value={area}
          onChange={(event) => setArea(event.target.value)}
        />
      </label>
      <ProductEntry
        testId="count-entry"
        onProduct={(product) => {
          setReview(null);
          setLines((current) => addScan(current, product, locale, area.trim() || undefined));
        }}
      />
      <ScannedLines
        lines={lines}
        onChange={(next) => {
          setReview(null);
          setLines(next);
        }}
        quantityLabel={t('stock.counted')}
        testId="count-lines"
      />
      {!review && (
        <button
          type="button"
          className="button-secondary"
          disabled={lines.length === 0}
          data-testid="review-count"
          onClick={() => void startReview()}
        >
          {t('stock.review')}
        </button>
      )}
      {review && (
        <>
          <p data-testid="count-summary">
            {t('stock.reviewSummary', {
              lines: review.linesWithVariance,
              found: review.found,
              missing: review.missing,
            })}
          </p>
          <table className="manager-table" data-testid="variance-review">
            <thead>
              <tr>
                <th>{t('common.product')}</th>
                <th className="number">{t('stock.expected')}</th>
                <th className="number">{t('stock.counted')}</th>
                <th className="number">{t('stock.variance')}</th>
                <th>{t('stock.recount')}</th>
              </tr>
            </thead>
            <tbody>
              {review.lines.map((line) => {
                const product = services().catalog.bySku(line.sku);
                const shown = (quantity: number) =>
                  formatStockQuantity(quantity, product?.pricing ?? 'unit', locale);
                return (
                  <tr key={line.sku} data-testid={`variance-${line.sku}`}>
                    <td data-testid="variance-product">
                      {product ? productName(product, locale) : line.sku}{' '}
                      <span className="muted">{line.sku}</span>
                    </td>
                    <td className="number">{shown(line.expected)}</td>
                    <td className="number">{shown(line.counted)}</td>
                    <td
                      className={`number ${line.variance < 0 ? 'variance-negative' : line.variance > 0 ? 'variance-positive' : ''}`}
                      data-testid="variance"
                    >
                      {line.variance > 0 ? `+${shown(line.variance)}` : shown(line.variance)}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        className="touch-check"
                        aria-label={`${t('stock.recount')} ${line.sku}`}
                        checked={recount.includes(line.sku)}
                        onChange={(event) =>
                          setRecount(
                            event.target.checked
                              ? [...recount, line.sku]
                              : recount.filter((sku) => sku !== line.sku),
                          )
                        }
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            className="button-primary"
            data-testid="post-count"
            onClick={() => void post(review)}
          >
            {t('stock.postCount')}
          </button>
        </>
      )}
      {message && (
        <p className={message.error ? 'error' : 'notice'} role="status" data-testid="stock-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
