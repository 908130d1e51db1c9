/**
 * `npm run bench -- --auth-flood` at a tiny scale: the flood is answered (401 then 429, never
 * 200), the signed-in register's reads during it all succeed, the section renders, and nothing is
 * left running. No timing thresholds: the figure itself is in docs/BENCHMARKS.md.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { AUTH_FLOOD_SMOKE_SCALE, runAuthFloodBench } from '../bench/auth-flood-bench';
import { renderAuthFloodSection } from '../bench/auth-flood-report';
import { Cleanup } from '../bench/cleanup';

const benchTempDirs = () =>
  readdirSync(tmpdir()).filter((name) => name.startsWith('omnitill-bench-flood-'));

describe('the bad-auth flood bench at smoke scale', () => {
  const cleanup = new Cleanup();
  const before = new Set(benchTempDirs());

  afterAll(async () => {
    await cleanup.runAll();
  });

  it('floods, reads during the flood, reports, and cleans up', { timeout: 120_000 }, async () => {
    const results = await runAuthFloodBench(AUTH_FLOOD_SMOKE_SCALE, cleanup);
    const answered = Object.values(results.floodStatuses).reduce((sum, count) => sum + count, 0);
    expect(answered).toBe(AUTH_FLOOD_SMOKE_SCALE.floodRequests);
    expect(results.floodStatuses['200']).toBeUndefined();
    expect(results.floodStatuses['429'] ?? 0).toBeGreaterThan(answered / 2);
    expect(results.failedReads).toBe(0);
    expect(results.duringFlood.count).toBeGreaterThan(0);
    expect(results.quiet.count).toBe(AUTH_FLOOD_SMOKE_SCALE.quietReads);
    expect(Number.isFinite(results.duringFlood.p95)).toBe(true);
    const section = renderAuthFloodSection(results).join('\n');
    expect(section).toContain(`median < ${results.targetMs} ms`);

    await cleanup.runAll();
    expect(benchTempDirs().filter((name) => !before.has(name))).toEqual([]);
  });
});
