import { describe, expect, it } from 'vitest';
import { WedgeDetector } from '../../../renderer/devices/wedge-detector';
import type { WedgeDecision, WedgeDetectorOptions } from '../../../renderer/devices/wedge-detector';

interface Played {
  decisions: WedgeDecision[];
  /** Scans the UI would dispatch. */
  scans: string[];
  /** What would end up in the focused text field (Enter shown as ⏎, Tab as ⇥). */
  field: string;
}

/**
 * Plays keys the way the UI would: a key not consumed reaches the field after any handed-back
 * keys; a flush runs whenever the detector's deadline passes before the next key.
 */
function play(
  keys: readonly (readonly [key: string, at: number])[],
  options: WedgeDetectorOptions = {},
  endAt?: number,
): Played {
  const detector = new WedgeDetector(options);
  const played: Played = { decisions: [], scans: [], field: '' };
  const apply = (decision: WedgeDecision, key?: string): void => {
    played.decisions.push(decision);
    played.field += (decision.handBack ?? []).join('');
    if (decision.scan !== undefined) played.scans.push(decision.scan);
    if (!decision.consume && key !== undefined && key.length === 1) played.field += key;
    if (!decision.consume && key === 'Enter') played.field += '⏎';
    if (!decision.consume && key === 'Tab') played.field += '⇥';
  };
  for (const [key, at] of keys) {
    const due = detector.flushDueAt;
    if (due !== null && due < at) apply(detector.flush(due));
    apply(detector.onKey({ key, timeStamp: at }), key);
  }
  const last = keys.at(-1)?.[1] ?? 0;
  apply(detector.flush(endAt ?? last + 1_000));
  return played;
}

/** Keys `text` starting at `start`, `gap` ms apart; returns [key, time] pairs. */
function typed(text: string, start: number, gap: number): [string, number][] {
  return [...text].map((key, index) => [key, start + index * gap]);
}

describe('keyboard-wedge detector', () => {
  it('fast burst + Enter = a scan, nothing reaches the field', () => {
    const keys = [...typed('8934567890123', 0, 8), ['Enter', 13 * 8] as [string, number]];
    const played = play(keys);
    expect(played.scans).toEqual(['8934567890123']);
    expect(played.field).toBe('');
    expect(played.decisions.slice(0, 14).every((decision) => decision.consume)).toBe(true);
  });

  it('fast burst + Tab = a scan too (terminators are configurable)', () => {
    expect(play([...typed('ABC123', 0, 5), ['Tab', 30]]).scans).toEqual(['ABC123']);
    expect(play([...typed('ABC123', 0, 5), ['Tab', 30]], { terminators: ['Enter'] }).scans).toEqual(
      [],
    );
  });

  it('slow typing is not a scan: every key comes back, in order, and Enter goes through', () => {
    const keys = [...typed('hello', 0, 120), ['Enter', 600] as [string, number]];
    const played = play(keys);
    expect(played.scans).toEqual([]);
    expect(played.field).toBe('hello⏎');
  });

  it('a fast but short run + Enter is typing (below the minimum length)', () => {
    const played = play([...typed('12', 0, 10), ['Enter', 20]]);
    expect(played.scans).toEqual([]);
    expect(played.field).toBe('12⏎');
    const enter = played.decisions[2];
    expect(enter).toEqual({ consume: false, handBack: ['1', '2'] });
  });

  it('a burst without terminator is handed back as typing on flush', () => {
    const played = play(typed('4006381333931', 0, 8));
    expect(played.scans).toEqual([]);
    expect(played.field).toBe('4006381333931');
    expect(played.decisions.at(-1)).toEqual({
      consume: false,
      handBack: [...'4006381333931'],
    });
  });

  it('a burst without terminator is a scan when terminators are optional', () => {
    const played = play(typed('4006381333931', 0, 8), { requireTerminator: false });
    expect(played.scans).toEqual(['4006381333931']);
    expect(played.field).toBe('');
  });

  it('typing interleaved with a scan: typed keys reach the field, the scan does not', () => {
    const keys: [string, number][] = [
      ...typed('ab', 0, 150),
      ...typed('ABC-12345', 400, 6),
      ['Enter', 400 + 9 * 6],
      ...typed('cd', 700, 150),
    ];
    const played = play(keys);
    expect(played.scans).toEqual(['ABC-12345']);
    expect(played.field).toBe('abcd');
  });

  it('a slow key right after a burst breaks it: the burst goes back as typing', () => {
    const keys: [string, number][] = [...typed('1234', 0, 5), ['5', 200], ['Enter', 205]];
    const played = play(keys);
    expect(played.scans).toEqual([]);
    expect(played.field).toBe('12345⏎');
  });

  it('Enter arriving too late after the burst is not a terminator', () => {
    const played = play([...typed('12345678', 0, 5), ['Enter', 35 + 200]]);
    expect(played.scans).toEqual([]);
    expect(played.field).toBe('12345678⏎');
  });

  it('Shift pressed by the scanner for capitals does not break the burst', () => {
    const keys: [string, number][] = [
      ['Shift', 0],
      ['A', 2],
      ['Shift', 6],
      ['B', 8],
      ['1', 14],
      ['2', 20],
      ['Enter', 26],
    ];
    expect(play(keys).scans).toEqual(['AB12']);
  });

  it('an editing key (Backspace) hands the held keys back and passes through', () => {
    const detector = new WedgeDetector();
    expect(detector.onKey({ key: 'x', timeStamp: 0 })).toEqual({ consume: true });
    expect(detector.onKey({ key: 'Backspace', timeStamp: 10 })).toEqual({
      consume: false,
      handBack: ['x'],
    });
    expect(detector.pending).toBe(false);
  });

  it('flush before the deadline keeps holding; flushDueAt says when to call it', () => {
    const detector = new WedgeDetector({ maxInterKeyMs: 25 });
    detector.onKey({ key: 'a', timeStamp: 100 });
    expect(detector.flushDueAt).toBe(125);
    expect(detector.flush(110)).toEqual({ consume: false });
    expect(detector.pending).toBe(true);
    expect(detector.flush(125)).toEqual({ consume: false, handBack: ['a'] });
    expect(detector.flushDueAt).toBeNull();
  });

  it('reset() returns what was held (the field lost focus)', () => {
    const detector = new WedgeDetector();
    detector.onKey({ key: 'q', timeStamp: 0 });
    expect(detector.reset()).toEqual(['q']);
    expect(detector.pending).toBe(false);
  });

  it('thresholds are configurable: a slower scanner (50 ms) with 8-character codes', () => {
    const options = { maxInterKeyMs: 60, minLength: 8 };
    expect(play([...typed('12345678', 0, 50), ['Enter', 400]], options).scans).toEqual([
      '12345678',
    ]);
    expect(play([...typed('1234567', 0, 50), ['Enter', 350]], options).scans).toEqual([]);
  });
});
