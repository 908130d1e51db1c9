import { useState } from 'react';
import type { StockMoveDoc } from '../../../src/documents';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { newId } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { ProductEntry } from './product-entry';
import { addScan, ScannedLines } from './scanned-lines';
import type { ScannedLine } from './scanned-lines';
import { writeMoves } from '../../lookup/stock-data';

/** Receiving a delivery: scan what arrived, then one `receive` move per line. */
export function ReceiveForm() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const [lines, setLines] = useState<ScannedLine[]>([]);
  const [delivery, setDelivery] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function post(): Promise<void> {
    const { config } = services();
    const receiptId = newId('rcv');
    const createdAt = new Date().toISOString();
    const moves = lines
      .filter((line) => line.quantity > 0)
      .map((line): StockMoveDoc => ({
        id: newId('stk'),
        kind: 'receive',
        sku: line.sku,
        quantity: line.quantity,
        storeId: config.storeId,
        sourceId: receiptId,
        deviceId: config.deviceId,
        ...(delivery.trim() ? { reason: `delivery ${delivery.trim()}` } : {}),
        createdAt,
      }));
    try {
      await writeMoves(moves);
      setMessage({
        error: false,
        text: t('stock.received', {
          lines: moves.length,
          units: moves.reduce((total, move) => total + move.quantity, 0),
        }),
      });
      setLines([]);
      setDelivery('');
    } catch (caught) {
      setMessage({ error: true, text: t('common.error', { message: (caught as Error).message }) });
    }
  }

  return (
    <section className="manager-card" data-testid="receive-form">
      <p className="muted">{t('stock.receiveHint')}</p>
      <label className="manager-field">
        <span>{t('stock.delivery')}</span>
        <input
          autoComplete="off"
          maxLength={100}
          value={delivery}
          onChange={(event) => setDelivery(event.target.value)}
        />
      </label>
      <ProductEntry
        testId="receive-entry"
        onProduct={(product) => setLines((current) => addScan(current, product, locale))}
      />
      <ScannedLines
        lines={lines}
        onChange={setLines}
        quantityLabel={t('common.quantity')}
        testId="receive-lines"
      />
      {message && (
        <p className={message.error ? 'error' : 'notice'} role="status" data-testid="stock-message">
          {message.text}
        </p>
      )}
      <button
        type="button"
        className="button-primary"
        disabled={lines.length === 0}
        data-testid="post-receive"
        onClick={() => void post()}
      >
        {t('stock.postReceive')}
      </button>
    </section>
  );
}
