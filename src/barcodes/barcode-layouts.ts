/**
 * The `barcodeLayouts` section of store settings (typed in documents/parts/barcode-layouts.ts):
 * its defaults, which the register falls back to while a store has none, and its problems.
 */
import type { BarcodeLayouts } from '../documents/parts/barcode-layouts';
import { codePatternProblems } from './code-pattern';
import {
  DEFAULT_VARIABLE_MEASURE_LAYOUTS,
  variableMeasureLayoutProblems,
} from './variable-measure';

/** No card patterns by default: a wrong guess would turn products into cards. */
export const DEFAULT_BARCODE_LAYOUTS: Readonly<BarcodeLayouts> = {
  variableMeasure: [...DEFAULT_VARIABLE_MEASURE_LAYOUTS],
  loyaltyCards: [],
  giftCards: [],
  staffBadges: [],
  coupons: [],
};

/** Everything wrong with a store's layouts, for the settings screen and the sync-server. */
export function barcodeLayoutProblems(layouts: BarcodeLayouts): string[] {
  const problems = layouts.variableMeasure.flatMap(variableMeasureLayoutProblems);
  const prefixes = layouts.variableMeasure.map((layout) => layout.prefix);
  for (const prefix of new Set(prefixes)) {
    if (prefixes.filter((other) => other === prefix).length > 1) {
      problems.push(`Prefix ${prefix} has more than one layout`);
    }
  }
  for (const pattern of [
    ...layouts.loyaltyCards,
    ...layouts.giftCards,
    ...layouts.staffBadges,
    ...layouts.coupons,
  ]) {
    problems.push(...codePatternProblems(pattern));
  }
  return problems;
}
