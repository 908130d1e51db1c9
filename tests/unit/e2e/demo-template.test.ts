/**
 * Which end-to-end starts may begin from the demo seeded once for the run
 * (tests/e2e/helpers/demo-template.ts): only a plain demo start, on the business day the seed ran.
 */
import { describe, expect, it } from 'vitest';
import {
  NO_TEMPLATE,
  seededToday,
  startsFromTemplate,
  wantsFreshSeed,
} from '../../e2e/helpers/demo-template';

// 23:50 in Ho Chi Minh City (UTC+7) on 4 December.
const seededAt = Date.parse('2026-12-04T16:50:00.000Z');
const template = { dir: '/tmp/template', serverDir: '/tmp/server-template', seededAt };
const sameDay = Date.parse('2026-12-04T16:59:00.000Z');
const nextDay = Date.parse('2026-12-04T17:01:00.000Z');

describe('starting an end-to-end test from the demo template', () => {
  it('is what a plain demo start does, whatever else the test sets for that start', () => {
    expect(startsFromTemplate({}, template, sameDay)).toBe(true);
    expect(
      startsFromTemplate({ env: { OMNITILL_PRINTER: 'tcp://127.0.0.1:9100' } }, template, sameDay),
    ).toBe(true);
  });

  it('is not for a start unlike the seed: own folder, own build, first run, other seed, central server', () => {
    expect(startsFromTemplate({ dataDir: '/tmp/mine' }, template, sameDay)).toBe(false);
    expect(startsFromTemplate({ ownBuild: true }, template, sameDay)).toBe(false);
    for (const name of ['OMNITILL_DEMO', 'OMNITILL_DEMO_HISTORY', 'OMNITILL_SERVER_URL']) {
      expect(startsFromTemplate({ env: { [name]: '' } }, template, sameDay), name).toBe(false);
    }
  });

  it('is not once the demo store has passed midnight since the seed (its "today" moved)', () => {
    expect(seededToday(template, sameDay)).toBe(true);
    expect(seededToday(template, nextDay)).toBe(false);
    expect(startsFromTemplate({}, template, nextDay)).toBe(false);
  });

  it('is never without a template (OMNITILL_E2E_FRESH_SEED=1)', () => {
    expect(wantsFreshSeed({ OMNITILL_E2E_FRESH_SEED: '1' })).toBe(true);
    expect(wantsFreshSeed({})).toBe(false);
    expect(startsFromTemplate({}, NO_TEMPLATE, sameDay)).toBe(false);
    expect(seededToday(NO_TEMPLATE, sameDay)).toBe(false);
  });
});
