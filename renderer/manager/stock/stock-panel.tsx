import { useState } from 'react';
import type { ManagerMessageKey } from '../manager-messages';
import { useManagerTranslate } from '../use-manager-translate';
import { AdjustForm } from './adjust-form';
import { CountForm } from './count-form';
import { LowStockList } from './low-stock-list';
import { ReceiveForm } from './receive-form';
import { StockLookup } from './stock-lookup';
import { TransferForm } from './transfer-form';

const VIEWS = ['lookup', 'low', 'receive', 'count', 'adjust', 'transfer'] as const;
type StockView = (typeof VIEWS)[number];

/** The stock area: look-up here and elsewhere, low stock, receiving, counts, adjustments, transfers. */
export function StockPanel() {
  const t = useManagerTranslate();
  const [view, setView] = useState<StockView>('lookup');
  return (
    <div data-testid="stock-panel">
      <nav className="segmented" aria-label={t('manager.tab.stock')}>
        {VIEWS.map((option) => (
          <button
            key={option}
            type="button"
            aria-current={view === option ? 'page' : undefined}
            className={view === option ? 'button-primary' : 'button-secondary'}
            data-testid={`stock-view-${option}`}
            onClick={() => setView(option)}
          >
            {t(`stock.tab.${option}` as ManagerMessageKey)}
          </button>
        ))}
      </nav>
      {view === 'lookup' && <StockLookup />}
      {view === 'low' && <LowStockList />}
      {view === 'receive' && <ReceiveForm />}
      {view === 'count' && <CountForm />}
      {view === 'adjust' && <AdjustForm />}
      {view === 'transfer' && <TransferForm />}
    </div>
  );
}
