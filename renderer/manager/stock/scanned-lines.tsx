/**
 * The list a receiving or counting person builds by scanning: each scan adds one to the line of
 * that product (and area), and the number can be typed over when a whole case is counted. A
 * weighed product's line counts grams (the measure of its stock moves), and says so.
 */
import type { ProductDoc } from '../../../src/documents';
import { useManagerTranslate } from '../use-manager-translate';
import { productName } from './product-entry';

export interface ScannedLine {
  sku: string;
  name: string;
  quantity: number;
  location?: string;
  /** Weighed products are counted in grams. */
  weighed?: boolean;
}

export function addScan(
  lines: readonly ScannedLine[],
  product: ProductDoc,
  locale: 'vi-VN' | 'en-US',
  location?: string,
): ScannedLine[] {
  const same = lines.find((line) => line.sku === product.sku && line.location === location);
  if (same) {
    return lines.map((line) => (line === same ? { ...line, quantity: line.quantity + 1 } : line));
  }
  const line: ScannedLine = { sku: product.sku, name: productName(product, locale), quantity: 1 };
  if (product.pricing === 'weight') line.weighed = true;
  if (location) line.location = location;
  return [...lines, line];
}

export function ScannedLines(props: {
  lines: readonly ScannedLine[];
  onChange: (lines: ScannedLine[]) => void;
  quantityLabel: string;
  testId: string;
}) {
  const t = useManagerTranslate();
  if (props.lines.length === 0) return null;
  return (
    <table className="manager-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{t('common.product')}</th>
          {props.lines.some((line) => line.location) && <th>{t('stock.area')}</th>}
          <th className="number">{props.quantityLabel}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {props.lines.map((line, index) => (
          <tr key={`${line.sku}|${line.location ?? ''}`} data-testid={`line-${line.sku}`}>
            <td>
              {line.name} <span className="muted">{line.sku}</span>
            </td>
            {props.lines.some((entry) => entry.location) && <td>{line.location ?? ''}</td>}
            <td className="number">
              <input
                aria-label={`${props.quantityLabel} ${line.sku}`}
                data-testid={`quantity-${line.sku}`}
                inputMode="numeric"
                size={6}
                value={line.quantity}
                onChange={(event) => {
                  const quantity = Number(event.target.value.replace(/\D/g, '') || '0');
                  props.onChange(
                    props.lines.map((entry, at) => (at === index ? { ...entry, quantity } : entry)),
                  );
                }}
              />
              {line.weighed && ' g'}
            </td>
            <td>
              <button
                type="button"
                className="button-icon"
                aria-label={`${t('common.remove')} ${line.sku}`}
                onClick={() => props.onChange(props.lines.filter((_, at) => at !== index))}
              >
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
