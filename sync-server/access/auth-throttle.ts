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

/**
 * A burst beyond the free budget waits for a turn instead of being refused: after a restart every
 * register behind one address (a store's router, or the load balancer in front of several
 * instances) signs in at once, and those are good credentials. Checks from one address wait in
 * steps of WAIT_STEP_MS, at most MAX_WAIT_MS and at most MAX_WAITING at a time; a lock (failures
 * counted) ends the wait with 429 at once, so a flood still costs only the free budget of scrypts.
 */
const WAIT_STEP_MS = 20;
const MAX_WAIT_MS = 15_000;
const MAX_WAITING = 500;

interface Failures {
  count: number;
  /** Slow checks running now: a burst sent at once is held to the free budget too. */
  pending: number;
  last: number;
  lockedUntil: number;
}

export class AuthThrottle {
  private readonly keys = new Map<string, Failures>();
  private readonly waiting = new Map<string, number>();

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

  /**
   * `begin`, waiting for a turn while only a burst of running checks (no lock) is in the way.
   * Resolves 0 when the check may run (then `failed` or `succeeded` must follow), else the
   * milliseconds to tell the caller in Retry-After.
   */
  async admit(
    address: string,
    name: string,
    sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ): Promise<number> {
    for (let waited = 0; ; waited += WAIT_STEP_MS) {
      const waitMs = this.begin(address, name);
      if (waitMs === 0) return 0;
      const queued = this.waiting.get(address) ?? 0;
      if (this.lockedFor(address, name) > 0 || waited >= MAX_WAIT_MS || queued >= MAX_WAITING) {
        return waitMs;
      }
      this.waiting.set(address, queued + 1);
      try {
        await sleep(WAIT_STEP_MS);
      } finally {
        const left = (this.waiting.get(address) ?? 1) - 1;
        if (left > 0) this.waiting.set(address, left);
        else this.waiting.delete(address);
      }
    }
  }

  /** Milliseconds either key stays locked by counted failures (not by a burst); 0 when neither. */
  lockedFor(address: string, name: string): number {
    const at = this.now();
    let lockedMs = 0;
    for (const key of [`a|${address}`, `n|${name}`]) {
      const entry = this.entry(key, at);
      if (entry) lockedMs = Math.max(lockedMs, entry.lockedUntil - at);
    }
    return lockedMs;
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
