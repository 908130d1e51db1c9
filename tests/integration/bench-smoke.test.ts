/**
 * `npm run bench` at a tiny scale: the same harness (data, sync-server, Chromium, the real app,
 * the register load, the bare baseline) must produce every figure, finite and positive, and
 * leave nothing running. No timing thresholds: timed assertions are flaky on shared machines;
 * the figures themselves are in docs/BENCHMARKS.md.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../bench/bench-results';
import type { BenchResults } from '../bench/bench-results';
import { SMOKE_SCALE } from '../bench/bench-scale';
import { Cleanup } from '../bench/cleanup';
import { runBench } from '../bench/suite';

const benchTempDirs = () =>
  readdirSync(tmpdir()).filter((name) => name.startsWith('omnitill-bench-'));

describe('the bench harness at smoke scale', () => {
  const cleanup = new Cleanup();
  const before = new Set(benchTempDirs());
  let results: BenchResults;

  afterAll(async () => {
    await cleanup.runAll();
  });

  it('measures every figure', { timeout: 120_000 }, async () => {
    results = await runBench(SMOKE_SCALE, cleanup);
    expect(results.metrics.map((metric) => metric.id)).toEqual([...METRIC_IDS]);
    for (const metric of results.metrics) {
      expect(Number.isFinite(metric.value), metric.id).toBe(true);
      expect(metric.value, metric.id).toBeGreaterThan(0);
      if (metric.summary) {
        expect(metric.summary.count, metric.id).toBeGreaterThan(0);
        expect(Number.isFinite(metric.summary.p95), metric.id).toBe(true);
      }
      expect(metric.pass === null || typeof metric.pass === 'boolean').toBe(true);
    }
  });

  it('used the data it was asked for, and every pushed sale was valid', () => {
    expect(results.setup.products).toBe(SMOKE_SCALE.products);
    expect(results.setup.customers).toBe(SMOKE_SCALE.customers);
    expect(results.setup.registers).toBe(SMOKE_SCALE.registers);
    const details = (id: string) => results.metrics.find((metric) => metric.id === id)?.details;
    expect(details('first-sync')).toMatchObject({
      products: SMOKE_SCALE.products,
      customers: SMOKE_SCALE.customers,
    });
    expect(details('registers-sales-per-second')).toMatchObject({
      'documents refused': 0,
      'failed requests': 0,
    });
    expect(details('validation-overhead')).toMatchObject({ 'bare documents refused': 0 });
    expect(details('scan-to-line')).toBeDefined();
    expect(results.raw.scanEnterToFrameMs?.length).toBe(SMOKE_SCALE.scans);
  });

  it('describes the machine', () => {
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.cpuModel).not.toBe('');
    expect(results.machine.node).toMatch(/^v\d+/);
  });

  it('leaves no temp folder and no process behind', async () => {
    expect(await cleanup.runAll()).toEqual([]);
    expect(benchTempDirs().filter((name) => !before.has(name))).toEqual([]);
  });
});
