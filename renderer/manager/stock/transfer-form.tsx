import { useEffect, useState } from 'react';
import type { StockMoveDoc } from '../../../src/documents';
import { transfersInTransit } from '../../../src/stock';
import type { InTransit } from '../../../src/stock';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { newId } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { ProductEntry } from './product-entry';
import { addScan, ScannedLines } from './scanned-lines';
import type { ScannedLine } from './scanned-lines';
import { storeMoves, writeMoves } from '../../lookup/stock-data';

const STORE_ID = /^[a-z0-9-]{1,64}$/;

/**
 * Transfers between stores: the sender writes `transfer-out` moves under a new transfer number;
 * the receiver, typing that number, writes `transfer-in`. What is on the road is the gap
 * (src/stock transfersInTransit), never a status to keep in sync.
 */
export function TransferForm() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [otherStore, setOtherStore] = useState('');
  const [transferId, setTransferId] = useState('');
  const [lines, setLines] = useState<ScannedLine[]>([]);
  const [inTransit, setInTransit] = useState<InTransit[]>([]);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void storeMoves().then((moves) => setInTransit(transfersInTransit(moves)));
  }, [version]);

  async function post(): Promise<void> {
    const { config } = services();
    if (!STORE_ID.test(otherStore.trim()) || otherStore.trim() === config.storeId) {
      setMessage({ error: true, text: t('stock.needStore') });
      return;
    }
    const id = direction === 'out' ? newId('xfer') : transferId.trim();
    if (!id) return;
    const createdAt = new Date().toISOString();
    const moves = lines
      .filter((line) => line.quantity > 0)
      .map((line): StockMoveDoc => ({
        id: newId('stk'),
        kind: direction === 'out' ? 'transfer-out' : 'transfer-in',
        sku: line.sku,
        quantity: direction === 'out' ? -line.quantity : line.quantity,
        storeId: config.storeId,
        counterpartStoreId: otherStore.trim(),
        sourceId: id,
        deviceId: config.deviceId,
        createdAt,
      }));
    try {
      await writeMoves(moves);
      setMessage({ error: false, text: t('stock.transferred', { id }) });
      setLines([]);
      setTransferId('');
      setVersion((current) => current + 1);
    } catch (caught) {
      setMessage({ error: true, text: t('common.error', { message: (caught as Error).message }) });
    }
  }

  return (
    <section className="manager-card" data-testid="transfer-form">
      <div className="segmented" role="radiogroup" aria-label={t('stock.direction')}>
        {(['out', 'in'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={direction === option}
            className={direction === option ? 'button-primary' : 'button-secondary'}
            onClick={() => setDirection(option)}
          >
            {t(option === 'out' ? 'stock.out' : 'stock.in')}
          </button>
        ))}
      </div>
      <label className="manager-field">
        <span>{t('stock.otherStore')}</span>
        <input
          data-testid="transfer-store"
          autoComplete="off"
          value={otherStore}
          onChange={(event) => setOtherStore(event.target.value.toLowerCase())}
        />
      </label>
      {direction === 'in' && (
        <label className="manager-field">
          <span>{t('stock.transferId')}</span>
          <input
            data-testid="transfer-id"
            autoComplete="off"
            value={transferId}
            onChange={(event) => setTransferId(event.target.value)}
          />
        </label>
      )}
      <ProductEntry
        testId="transfer-entry"
        onProduct={(product) => setLines((current) => addScan(current, product, locale))}
      />
      <ScannedLines
        lines={lines}
        onChange={setLines}
        quantityLabel={t('common.quantity')}
        testId="transfer-lines"
      />
      {message && (
        <p className={message.error ? 'error' : 'notice'} role="status" data-testid="stock-message">
          {message.text}
        </p>
      )}
      <button
        type="button"
        className="button-primary"
        disabled={lines.length === 0 || (direction === 'in' && !transferId.trim())}
        data-testid="post-transfer"
        onClick={() => void post()}
      >
        {t('stock.transferButton')}
      </button>
      {inTransit.length > 0 && (
        <>
          <h3>{t('stock.inTransit')}</h3>
          <ul data-testid="in-transit">
            {inTransit.map((entry) => (
              <li key={`${entry.transferId}|${entry.sku}`}>
                {entry.transferId}: {entry.sku} × {entry.quantity} ({entry.fromStoreId} →{' '}
                {entry.toStoreId})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
