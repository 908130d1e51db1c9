/**
 * The app's scan router (renderer/devices/scan-router.ts): each scan is classified once, the
 * typed result goes to the top handler that takes it, scans are handled one at a time in order
 * even when handlers are async, and a scan that is malformed, refused by every handler or whose
 * handling fails is reported with a message instead of vanishing.
 */
import { describe, expect, it } from 'vitest';
import { classifyScan, DEFAULT_BARCODE_LAYOUTS } from '../../../src/barcodes';
import { createScanRouter } from '../../../renderer/devices/scan-router';
import type { ScanProblem } from '../../../renderer/devices/scan-router';

const CONTEXT = { today: '2026-12-03', currency: 'VND' as const, layouts: DEFAULT_BARCODE_LAYOUTS };
const COFFEE = '8930000000019';
const BREAD = '8930000000026';

function countingRouter() {
  const classified: string[] = [];
  const router = createScanRouter((raw) => {
    classified.push(raw);
    return classifyScan(raw, CONTEXT);
  });
  const problems: ScanProblem[] = [];
  router.onProblem((problem) => problems.push(problem));
  return { router, classified, problems };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the scan router', () => {
  it('finishes a slow async scan before it starts the next, in the order scanned', async () => {
    const { router } = countingRouter();
    const events: string[] = [];
    router.onScan(async ({ raw }) => {
      events.push(`start ${raw}`);
      await delay(raw === COFFEE ? 30 : 1);
      events.push(`end ${raw}`);
    });
    const first = router.dispatchScan(COFFEE, 'wedge');
    const second = router.dispatchScan(BREAD, 'serial');
    await Promise.all([first, second]);
    expect(events).toEqual([`start ${COFFEE}`, `end ${COFFEE}`, `start ${BREAD}`, `end ${BREAD}`]);
  });

  it('classifies each scan once, however many handlers look at it', async () => {
    const { router, classified } = countingRouter();
    const seen: string[] = [];
    router.onScan(({ scan }) => {
      seen.push(`screen ${scan.kind}`);
      return true;
    });
    router.onScan(({ scan }) => {
      seen.push(`dialog ${scan.kind}`);
      return scan.kind === 'loyalty-card';
    });
    await router.dispatchScan(COFFEE, 'wedge');
    expect(classified).toEqual([COFFEE]);
    expect(seen).toEqual(['dialog product', 'screen product']);
  });

  it('says what is wrong with a malformed scan nobody takes, and goes on with the next', async () => {
    const { router, problems } = countingRouter();
    const handled: string[] = [];
    router.onScan(({ raw, scan }) => {
      if (scan.kind === 'invalid') return false;
      handled.push(raw);
      return true;
    });
    const malformed = '8930000000018'; // wrong check digit
    expect(classifyScan(malformed, CONTEXT).kind).toBe('invalid');
    await router.dispatchScan(malformed, 'wedge');
    await router.dispatchScan(COFFEE, 'wedge');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ raw: malformed, source: 'wedge' });
    expect(problems[0]?.message).toMatch(/check digit/i);
    expect(handled).toEqual([COFFEE]);
  });

  it('reports a scan whose handler fails, and the queue keeps moving', async () => {
    const { router, problems } = countingRouter();
    const handled: string[] = [];
    router.onScan(({ raw }) => {
      if (raw === COFFEE) return Promise.reject(new Error('catalog not ready'));
      handled.push(raw);
      return true;
    });
    await router.dispatchScan(COFFEE, 'serial');
    await router.dispatchScan(BREAD, 'serial');
    expect(problems.map((problem) => problem.message)).toEqual([
      'The scan could not be handled (catalog not ready); scan it again.',
    ]);
    expect(handled).toEqual([BREAD]);
  });

  it('stops asking a handler once it is unregistered', async () => {
    const { router, problems } = countingRouter();
    const off = router.onScan(() => true);
    off();
    await router.dispatchScan(COFFEE, 'wedge');
    expect(problems[0]?.message).toMatch(/Nothing on this screen takes this product scan/);
  });
});
