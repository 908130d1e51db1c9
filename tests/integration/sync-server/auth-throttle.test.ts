/** The failed-authentication throttle's arithmetic, on a fake clock (sync-server/access/auth-throttle.ts). */
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_POLICY,
  AuthThrottle,
  NAME_POLICY,
} from '../../../sync-server/access/auth-throttle';

function throttleAt(start = 1_000_000) {
  let now = start;
  const throttle = new AuthThrottle(() => now);
  return {
    throttle,
    advance: (ms: number) => (now += ms),
    /** One slow check that fails; the wait it was told instead, when locked. */
    fail: (address: string, name: string): number => {
      const wait = throttle.begin(address, name);
      if (wait === 0) throttle.failed(address, name);
      return wait;
    },
  };
}

describe('AuthThrottle', () => {
  it('lets the free failures through, then locks for 1 s, 2 s, 4 s … up to 15 minutes', () => {
    const { fail, advance } = throttleAt();
    for (let n = 0; n < NAME_POLICY.free; n++) expect(fail('10.0.0.1', 'dev_a')).toBe(0);
    const locks: number[] = [];
    for (let n = 0; n < 14; n++) {
      const wait = fail('10.0.0.1', 'dev_a');
      locks.push(wait);
      advance(wait);
      expect(fail('10.0.0.1', 'dev_a')).toBe(0);
    }
    expect(locks.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...locks)).toBe(15 * 60_000);
  });

  it('holds a burst of concurrent checks to the free budget', () => {
    const { throttle } = throttleAt();
    const started = Array.from({ length: 50 }, () => throttle.begin('10.0.0.2', 'dev_b'));
    expect(started.filter((wait) => wait === 0)).toHaveLength(NAME_POLICY.free);
  });

  it('forgets a name once it verifies, and any key after half an hour without failures', () => {
    const { throttle, fail, advance } = throttleAt();
    for (let n = 0; n < NAME_POLICY.free; n++) fail('10.0.0.3', 'dev_c');
    expect(throttle.begin('10.0.0.4', 'dev_c')).toBeGreaterThan(0);
    advance(31 * 60_000);
    expect(throttle.begin('10.0.0.4', 'dev_c')).toBe(0);
    throttle.succeeded('10.0.0.4', 'dev_c');
    for (let n = 0; n < NAME_POLICY.free - 1; n++) fail('10.0.0.5', 'dev_d');
    expect(throttle.begin('10.0.0.5', 'dev_d')).toBe(0);
    throttle.succeeded('10.0.0.5', 'dev_d');
    expect(fail('10.0.0.5', 'dev_d')).toBe(0);
  });

  it('lets a burst of good sign-ins from one address wait for a turn instead of refusing it', async () => {
    const { throttle } = throttleAt();
    // 50 registers behind one router sign in at once after a restart; each check takes a while.
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        const wait = await throttle.admit('10.0.0.6', `dev_${n}`, tick);
        if (wait > 0) return wait;
        await tick();
        throttle.succeeded('10.0.0.6', `dev_${n}`);
        return 0;
      }),
    );
    expect(outcomes.filter((wait) => wait > 0)).toEqual([]);
  });

  it('still answers a flood of bad sign-ins with only the free budget of slow checks', async () => {
    const { throttle } = throttleAt();
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    let slowChecks = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, async (_, n) => {
        const wait = await throttle.admit('10.0.0.7', `dev_guess${n}`, tick);
        if (wait > 0) return wait;
        slowChecks++;
        await tick();
        throttle.failed('10.0.0.7', `dev_guess${n}`);
        return 0;
      }),
    );
    expect(slowChecks).toBeLessThanOrEqual(ADDRESS_POLICY.free);
    expect(outcomes.filter((wait) => wait > 0).length).toBeGreaterThanOrEqual(
      200 - ADDRESS_POLICY.free,
    );
  });
});
