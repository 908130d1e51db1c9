/**
 * The first sync's progress on the start-up screen (renderer/data/first-sync.ts): documents done
 * of the total over every collection filling from the snapshot, the time left at this run's rate
 * (a resumed run counts only what it fetched itself), and the line in either language.
 */
import { describe, expect, it } from 'vitest';
import { FirstSyncProgressTracker, secondsLeft } from '../../../renderer/data/first-sync';
import type { FirstSyncProgress } from '../../../renderer/data/first-sync';
import { firstSyncText } from '../../../renderer/i18n/first-sync-text';
import { translator } from '../../../renderer/i18n/translate';

describe('the first sync’s progress', () => {
  it('sums the collections and estimates the time left from this run’s rate', () => {
    let now = 0;
    const seen: (FirstSyncProgress | null)[] = [];
    const tracker = new FirstSyncProgressTracker(
      (progress) => seen.push(progress),
      () => now,
    );
    // Resumed: 40,000 products were in before this run began.
    tracker.update('products', 40_000, 100_000);
    tracker.update('customers', 0, 50_000);
    expect(seen.at(-1)).toEqual({ done: 40_000, total: 150_000, secondsLeft: null });
    now = 2_000;
    tracker.update('products', 50_000, 100_000);
    tracker.update('customers', 10_000, 50_000);
    // 20,000 documents in 2 s: the 90,000 left take 9 s.
    expect(seen.at(-1)).toEqual({ done: 60_000, total: 150_000, secondsLeft: 9 });
    tracker.finish('products');
    expect(seen.at(-1)?.total).toBe(50_000);
    tracker.finish('customers');
    expect(seen.at(-1)).toBeNull();
  });

  it('never counts more to do than is left, nor time before a document is in', () => {
    expect(secondsLeft(0, 1000, 500)).toBeNull();
    expect(secondsLeft(100, 0, 500)).toBeNull();
    expect(secondsLeft(100, 1000, -5)).toBe(0);
    expect(secondsLeft(1000, 1000, 1)).toBe(1);
  });

  it('reads in Vietnamese and English, minutes past 60 s', () => {
    const progress = { done: 12_500, total: 150_000, secondsLeft: 95 };
    expect(firstSyncText(translator('vi-VN'), progress, 'vi-VN')).toBe(
      'Đồng bộ lần đầu: 12.500/150.000 bản ghi, còn khoảng 1 phút 35 giây',
    );
    expect(firstSyncText(translator('en-US'), progress, 'en-US')).toBe(
      'First sync: 12,500 of 150,000 records, about 1 min 35 s left',
    );
    expect(firstSyncText(translator('en-US'), { ...progress, secondsLeft: null }, 'en-US')).toBe(
      'First sync: 12,500 of 150,000 records…',
    );
    expect(firstSyncText(translator('vi-VN'), { ...progress, secondsLeft: 7 }, 'vi-VN')).toBe(
      'Đồng bộ lần đầu: 12.500/150.000 bản ghi, còn khoảng 7 giây',
    );
  });
});
