/**
 * The demo stores' tax categories, with the real change of 1 January 2027: the goods at the
 * reduced 8 % of Resolution 204/2025/QH15 and Decree 174/2025/NĐ-CP (until 31 December 2026) go
 * back to the standard 10 % (docs/TAX.md). Not-subject and not-declared are there to show them;
 * no demo product uses them.
 */
import type { TaxRate } from '../documents/store-settings';

export const DEMO_TAX_RATES: readonly TaxRate[] = [
  { id: 'vat0', rateBp: 0, label: { vi: 'Thuế suất 0%', en: 'Zero rate' } },
  { id: 'vat5', rateBp: 500, label: { vi: 'Thuế suất 5%', en: '5 % rate' } },
  {
    id: 'vat8',
    rateBp: 800,
    label: {
      vi: 'Giảm thuế 8% (NQ 204/2025/QH15), 10% từ 01/01/2027',
      en: 'Reduced 8 % (Res. 204/2025/QH15), 10 % from 1 Jan 2027',
    },
    changes: [{ from: '2027-01-01', rateBp: 1000 }],
  },
  { id: 'vat10', rateBp: 1000, label: { vi: 'Thuế suất 10%', en: 'Standard 10 %' } },
  {
    id: 'kct',
    rateBp: 0,
    kind: 'not-subject',
    label: { vi: 'Không chịu thuế GTGT', en: 'Not subject to VAT' },
  },
  {
    id: 'kkknt',
    rateBp: 0,
    kind: 'not-declared',
    label: { vi: 'Không kê khai, tính nộp thuế GTGT', en: 'VAT not declared or paid' },
  },
];
