/**
 * What a receipt or report prints for a tax category: the rate ("0%", "8%", "10%") for a taxed
 * category, and the category's own words for goods not subject to VAT (KCT) and goods not
 * declared (KKKNT). 0 % is a rate (exports, international transport), never "not subject".
 */
import type { TaxKind, TaxRate } from '../documents/store-settings';

export type TaxLabelLocale = 'vi-VN' | 'en-US';

const KIND_LABELS: Record<Exclude<TaxKind, 'rate'>, Record<TaxLabelLocale, string>> = {
  'not-subject': { 'vi-VN': 'Không chịu thuế GTGT', 'en-US': 'Not subject to VAT' },
  'not-declared': {
    'vi-VN': 'Không kê khai, tính nộp thuế GTGT',
    'en-US': 'VAT not declared or paid',
  },
};

/** A rate in bp as a percentage: 800 → "8%", 525 → "5.25%" (en) / "5,25%" (vi). */
function percent(rateBp: number, locale: TaxLabelLocale): string {
  const whole = Math.trunc(rateBp / 100);
  const fraction = String(rateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const mark = locale === 'vi-VN' ? ',' : '.';
  return fraction ? `${whole}${mark}${fraction}%` : `${whole}%`;
}

export function taxCategoryLabel(kind: TaxKind, rateBp: number, locale: TaxLabelLocale): string {
  return kind === 'rate' ? percent(rateBp, locale) : KIND_LABELS[kind][locale];
}

/** Each category's kind by id, what a receipt needs to name the rows of a sale's tax summary. */
export function taxKindsById(rates: readonly TaxRate[]): Record<string, TaxKind> {
  return Object.fromEntries(rates.map((rate) => [rate.id, rate.kind ?? 'rate']));
}
