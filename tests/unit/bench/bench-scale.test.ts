/** The bench's catalog size setting and its report (issue #19: 100,000 and 300,000 products). */
import { describe, expect, it } from 'vitest';
import { FULL_SCALE, SMOKE_SCALE, scaleFromArgs } from '../../bench/bench-scale';
import type { BenchResults, Metric } from '../../bench/bench-results';
import { renderScalesSection, resultsFileOf } from '../../bench/scale-report';

describe('scaleFromArgs', () => {
  it('keeps the full and smoke scales when no size is asked for', () => {
    expect(scaleFromArgs([], {})).toEqual(FULL_SCALE);
    expect(scaleFromArgs(['--smoke'], {})).toEqual(SMOKE_SCALE);
  });

  it('changes only the catalog size, from the argument or the environment', () => {
    expect(scaleFromArgs(['--products', '300000'], {})).toEqual({
      ...FULL_SCALE,
      products: 300_000,
    });
    expect(scaleFromArgs([], { OMNITILL_BENCH_PRODUCTS: '300_000' }).products).toBe(300_000);
    expect(scaleFromArgs(['--smoke', '--products', '3000'], {})).toEqual({
      ...SMOKE_SCALE,
      products: 3_000,
    });
    expect(scaleFromArgs(['--products', '300000'], {}).customers).toBe(50_000);
  });

  it('refuses a size that is not a whole number in range, saying what to pass', () => {
    expect(() => scaleFromArgs(['--products', '300k'], {})).toThrow(/--products 300000/);
    expect(() => scaleFromArgs([], { OMNITILL_BENCH_PRODUCTS: '12' })).toThrow(
      /from 100 to 1000000/,
    );
  });

  it('keeps each size in its own results file, 100,000 in the one the report reads first', () => {
    expect(resultsFileOf(100_000)).toBe('bench-results.json');
    expect(resultsFileOf(300_000)).toBe('bench-results-300k.json');
  });
});

describe('renderScalesSection', () => {
  const run = (products: number, coldStartMs: number, firstSyncS: number): BenchResults => ({
    scale: 'full',
    startedAt: '2026-12-04T06:00:00.000Z',
    durationS: 1,
    machine: { loadAverage: 1.5 } as BenchResults['machine'],
    setup: { products, customers: 50_000 },
    metrics: [
      metric('cold-start', coldStartMs, 'ms'),
      metric('first-sync', firstSyncS, 's'),
      metric('first-sync-ratio', 0.4, 'x'),
    ],
    raw: {},
  });

  it('puts each size side by side, judged by issue #19’s target for that size', () => {
    const text = renderScalesSection([run(100_000, 2_500, 14), run(300_000, 2_500, 41)]).join('\n');
    expect(text).toContain('| what | 100,000 products, 50,000 customers | 300,000 products');
    // No cold-start target at 100,000; at 300,000 it is 2 s on every run.
    expect(text).toContain(
      '| Cold start to ready-to-scan (max of the runs) | 2,500 ms | 2,500 ms (<= 2 s on every run: **miss**) |',
    );
    expect(text).toContain('14 s (<= 15 s: pass) | 41 s (<= 40 s: **miss**)');
    expect(text).toContain('[bench-results-300k.json](bench-results-300k.json)');
  });

  it('says nothing when no size has been run', () => {
    expect(renderScalesSection([])).toEqual([]);
  });
});

function metric(id: Metric['id'], value: number, unit: Metric['unit']): Metric {
  return {
    id,
    title: id,
    unit,
    stat: 'max',
    value,
    target: null,
    pass: null,
    summary: null,
    details: {},
  };
}
