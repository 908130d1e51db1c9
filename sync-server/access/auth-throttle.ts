/**
 * Failed authentication, counted per source address and per claimed name (device id, shop id,
 * `admin`). A few failures are free (a mistyped secret); after that each further failure locks
 * the key for twice as long as the last (1 s, 2 s, 4 s … up to 15 minutes) and a locked key is
 * answered 429 before any scrypt runs. Credentials the server already verified (see auth.ts) are
 * never throttled, so a flood against a register's id does not shut that register out.
 */
export interface ThrottlePolicy {
  /** Failures allowed before the first lock. */
  free: number;
  baseLockMs: number;
  maxLockMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export const ADDRESS_POLICY: ThrottlePolicy = {
  free: 20,
  baseLockMs: 1000,
  maxLockMs: 15 * 60_000,
  forgetAfterMs: 30 * 60_000,
};
export const NAME_POLICY: ThrottlePolicy = { ...ADDRESS_POLICY, free: 5 };

/** Keys kept at most (names are chosen by the caller): the oldest are forgotten first. */
const MAX_KEYS = 10_000;

interface Failures {
  count: number;
  /** Slow checks running now: a burst sent at once is held to the free budget too. */
  pending: number;
  last: number;
  lockedUntil: number;
}

export class AuthThrottle {
  private readonly keys = new Map<string, Failures>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly policies = { address: ADDRESS_POLICY, name: NAME_POLICY },
  ) {}

  /**
   * Milliseconds until either key may try a slow check again; 0 when both may, and then the
   * check is counted as running until `failed` or `succeeded` says how it ended.
   */
  begin(address: string, name: string): number {
    const at = this.now();
    const keys: [string, ThrottlePolicy][] = [
      [`a|${address}`, this.policies.address],
      [`n|${name}`, this.policies.name],
    ];
    let waitMs = 0;
    for (const [key, policy] of keys) {
      const entry = this.entry(key, at);
      if (!entry) continue;
      waitMs = Math.max(waitMs, entry.lockedUntil - at);
      if (entry.pending > 0 && entry.count + entry.pending >= policy.free) {
        waitMs = Math.max(waitMs, policy.baseLockMs);
      }
    }
    if (waitMs > 0) return waitMs;
    for (const [key] of keys) this.touch(key, at).pending++;
    return 0;
  }

  failed(address: string, name: string): void {
    const at = this.now();
    for (const [key, policy] of [
      [`a|${address}`, this.policies.address],
      [`n|${name}`, this.policies.name],
    ] as const) {
      const entry = this.touch(key, at);
      entry.pending = Math.max(0, entry.pending - 1);
      entry.count++;
      entry.last = at;
      const over = entry.count - policy.free + 1;
      if (over > 0) {
        entry.lockedUntil = at + Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** (over - 1));
      }
    }
  }

  /** A verified name starts again from zero (the address keeps its count: it may be shared). */
  succeeded(address: string, name: string): void {
    const entry = this.keys.get(`a|${address}`);
    if (entry) entry.pending = Math.max(0, entry.pending - 1);
    this.keys.delete(`n|${name}`);
  }

  private entry(key: string, at: number): Failures | undefined {
    const found = this.keys.get(key);
    if (!found) return undefined;
    const policy = key.startsWith('a|') ? this.policies.address : this.policies.name;
    if (at - found.last > policy.forgetAfterMs) {
      this.keys.delete(key);
      return undefined;
    }
    return found;
  }

  /** The key's entry, made if needed and moved last (the Map's order is for eviction). */
  private touch(key: string, at: number): Failures {
    const entry = this.entry(key, at) ?? { count: 0, pending: 0, last: at, lockedUntil: 0 };
    this.keys.delete(key);
    this.keys.set(key, entry);
    while (this.keys.size > MAX_KEYS) {
      const oldest = this.keys.keys().next().value;
      if (oldest === undefined) break;
      this.keys.delete(oldest);
    }
    return entry;
  }
}
