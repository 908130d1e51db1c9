/** The shape of a bench run's results: what docs/bench-results.json keeps and the report reads. */
import type { MachineInfo } from './machine-info';
import type { Summary } from './stats';

export const METRIC_IDS = [
  'scan-to-line',
  'search-as-you-type',
  'sale-completion',
  'cold-start',
  'first-sync',
  'first-sync-pouchdb',
  'first-sync-ratio',
  'registers-sales-per-second',
  'registers-push-p99',
  'paced-push-p99',
  'registers-server-rss',
  'validation-overhead',
  'receipt-escpos',
  'register-memory',
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

export interface Target {
  op: '<=' | '<';
  value: number;
  text: string;
}

export interface Metric {
  id: MetricId;
  title: string;
  unit: 'ms' | 's' | 'MB' | 'sales/s' | 'x';
  /** Which statistic `value` is: the one the target is judged on. */
  stat: 'p95' | 'p99' | 'median' | 'max' | 'single run' | 'ratio' | 'peak';
  value: number;
  target: Target | null;
  /** null when the metric has no target (reported for information). */
  pass: boolean | null;
  /** The samples behind `value`, when there are several. */
  summary: Summary | null;
  details: Record<string, number | string>;
}

export interface BenchResults {
  scale: string;
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  /** What the run counted and used (product and customer counts, registers, iterations). */
  setup: Record<string, number | string>;
  metrics: Metric[];
  /** Every sample, for whoever wants to look again. */
  raw: Record<string, number[]>;
}

export function judge(value: number, target: Target | null): boolean | null {
  if (!target) return null;
  return target.op === '<=' ? value <= target.value : value < target.value;
}
