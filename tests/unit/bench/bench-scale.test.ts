/** The bench's catalog size setting (issue #19: 100,000 and 300,000 products). */
import { describe, expect, it } from 'vitest';
import { FULL_SCALE, SMOKE_SCALE, scaleFromArgs } from '../../bench/bench-scale';
import { resultsFileOf } from '../../bench/scale-report';

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
