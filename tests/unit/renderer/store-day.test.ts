/**
 * "Today" for a scanned expiry date is the store's business day, the same at the till, the kiosk
 * and the stock screens, whatever the machine's clock zone: at 00:30 in Vietnam (17:30 UTC the
 * day before) all three read the Vietnamese date. Each screen's scan is watched at the classifier.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Barcodes from '../../../src/barcodes';
import type { ScanContext } from '../../../src/barcodes';
import type { StoreSettingsDoc } from '../../../src/documents';
import { businessDate, businessDayStart, storeScanContext } from '../../../src/store-clock';

const seen: ScanContext[] = [];

vi.mock('../../../src/barcodes', async (importOriginal) => {
  const actual = await importOriginal<typeof Barcodes>();
  return {
    ...actual,
    classifyScan: (text: string, context: ScanContext) => {
      seen.push(context);
      return actual.classifyScan(text, context);
    },
  };
});

const { useAppStore } = await import('../../../renderer/state/app-store');
const { setServices } = await import('../../../renderer/services');
const { scanContext } = await import('../../../renderer/state/scan-context');
const { dispatchScan, onScan } = await import('../../../renderer/devices/scan-router');
const { productFor } = await import('../../../renderer/lookup/stock-data');
const { storeSettings } = await import('./sale-fixtures');

const HALF_PAST_MIDNIGHT_IN_VIETNAM = new Date('2026-12-02T17:30:00.000Z');
const COFFEE = '8930000000019';

/**
 * The day each of the three screens reads a scan with: the till's context, the app's scan
 * router (which classifies every scan once for the kiosk and the till), the stock screen.
 */
async function daysAtTillKioskStock(): Promise<string[]> {
  seen.length = 0;
  const till = scanContext().today;
  const stop = onScan(() => true);
  await dispatchScan(COFFEE, 'wedge');
  stop();
  productFor(COFFEE);
  return [till, ...seen.map((context) => context.today)];
}

let machineZone: string | undefined;

beforeAll(() => {
  machineZone = process.env.TZ;
  // A till whose clock is set to UTC, as many are: its own date is still the 2nd.
  process.env.TZ = 'UTC';
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(HALF_PAST_MIDNIGHT_IN_VIETNAM);
  const none = () => undefined;
  setServices({
    catalog: { byBarcode: none, byPlu: none, bySku: none },
  } as unknown as Parameters<typeof setServices>[0]);
});

afterAll(() => {
  vi.useRealTimers();
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

beforeEach(() => {
  const settings: StoreSettingsDoc = storeSettings();
  delete settings.timeZone;
  useAppStore.getState().setSettings(settings);
});

describe('the business day at 00:30 in Vietnam (17:30 UTC the day before)', () => {
  it('is the 3rd at the till, the kiosk and the stock screen alike', async () => {
    expect(await daysAtTillKioskStock()).toEqual(['2026-12-03', '2026-12-03', '2026-12-03']);
  });

  it('follows the store’s time zone setting', async () => {
    useAppStore.getState().setSettings({ ...storeSettings(), timeZone: 'Europe/London' });
    expect(await daysAtTillKioskStock()).toEqual(['2026-12-02', '2026-12-02', '2026-12-02']);
  });
});

describe('the store clock (src/store-clock)', () => {
  it('turns an instant into the store’s day, and a day into its first instant', () => {
    expect(businessDate(HALF_PAST_MIDNIGHT_IN_VIETNAM, 'Asia/Ho_Chi_Minh')).toBe('2026-12-03');
    expect(businessDate('2026-12-02T16:59:59.999Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12-02');
    expect(businessDayStart(HALF_PAST_MIDNIGHT_IN_VIETNAM, 'Asia/Ho_Chi_Minh')).toBe(
      '2026-12-02T17:00:00.000Z',
    );
  });

  it('reads a store without a time zone setting as Asia/Ho_Chi_Minh', () => {
    expect(storeScanContext(null, HALF_PAST_MIDNIGHT_IN_VIETNAM)).toMatchObject({
      today: '2026-12-03',
      currency: 'VND',
    });
  });
});
