/**
 * How the register retries a sync-server it cannot reach: one schedule for every loop that asks
 * the server (replication's pulls, pushes and polls, the domain API's polls). After the first
 * failure the next try waits 2 s, then 4, 8, 16, 32 and at most 60 s, each wait drawn at random
 * between half and all of that step ("equal jitter") so registers of a store that lost the server
 * together do not come back at the same instant. While waiting, one request (the probe) tries the
 * server when its turn comes and the others wait for its answer; the first answer, or the
 * browser's `online` event, ends the backoff at once.
 */

export const RETRY_FIRST_MS = 2000;
export const RETRY_CAP_MS = 60_000;

/**
 * The wait before the next try after `failures` failures in a row (0: no wait). `random` is a
 * number in [0, 1) (Math.random in use; tests pass fixed values).
 */
export function retryDelayMs(failures: number, random: number = Math.random()): number {
  if (failures <= 0) return 0;
  const step = Math.min(RETRY_CAP_MS, RETRY_FIRST_MS * 2 ** Math.min(failures - 1, 30));
  return Math.round(step / 2 + (step / 2) * Math.min(Math.max(random, 0), 1));
}

export interface RetryGateOptions {
  now?: () => number;
  random?: () => number;
  /** Calls `listener` when the network is back; answers a function that stops listening. */
  onOnline?: (listener: () => void) => () => void;
}

export class ServerUnreachableError extends Error {
  constructor(readonly retryInMs: number) {
    super(
      `The sync-server cannot be reached; the register tries again in ${Math.ceil(retryInMs / 1000)} s.`,
    );
    this.name = 'ServerUnreachableError';
  }
}

export interface RetryGate {
  /** Runs `request` when it is its turn: at once while the server answers, else after the wait. */
  run<T>(request: () => Promise<T>): Promise<T>;
  /**
   * Runs `request` only if the server may be tried now, else throws ServerUnreachableError at
   * once (for a cashier's action, who should hear "offline" rather than wait a minute).
   */
  runNow<T>(request: () => Promise<T>): Promise<T>;
  /** Failures in a row so far (0 while the server answers). */
  readonly failures: number;
  /** Ends the backoff (the network is back): waiting requests go now. */
  reset(): void;
  dispose(): void;
}

export function createRetryGate(options: RetryGateOptions = {}): RetryGate {
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? (() => Math.random());
  let failures = 0;
  let nextAt = 0;
  let probing = false;
  let wake: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const notify = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const waiting = wake;
    wake = [];
    for (const resolve of waiting) resolve();
  };
  const changed = (): Promise<void> =>
    new Promise<void>((resolve) => {
      wake.push(resolve);
      if (timer === null && !probing) {
        timer = setTimeout(notify, Math.max(0, nextAt - now()));
      }
    });
  const succeeded = (): void => {
    failures = 0;
    probing = false;
    notify();
  };
  /** A failure counts once per try: requests already on their way when the server went away
   * (a dozen collections at once) fail together, and are one failure, not a dozen. */
  const failed = (round: number): void => {
    if (failures !== round) {
      probing = false;
      notify();
      return;
    }
    failures += 1;
    nextAt = now() + retryDelayMs(failures, random());
    probing = false;
    notify();
  };
  const mayTry = (): boolean => failures === 0 || (!probing && now() >= nextAt);

  async function attempt<T>(request: () => Promise<T>): Promise<T> {
    if (failures > 0) probing = true;
    const round = failures;
    let result: T;
    try {
      result = await request();
    } catch (error) {
      failed(round);
      throw error;
    }
    succeeded();
    return result;
  }

  const stopListening = options.onOnline?.(() => {
    failures = 0;
    nextAt = 0;
    probing = false;
    notify();
  });

  return {
    async run(request) {
      while (!mayTry()) await changed();
      return attempt(request);
    },
    async runNow(request) {
      if (!mayTry()) throw new ServerUnreachableError(Math.max(0, nextAt - now()));
      return attempt(request);
    },
    get failures() {
      return failures;
    },
    reset() {
      failures = 0;
      nextAt = 0;
      probing = false;
      notify();
    },
    dispose() {
      stopListening?.();
      notify();
    },
  };
}

function browserOnline(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('online', listener);
  return () => window.removeEventListener('online', listener);
}

/**
 * The gate of one sync-server, by its origin (scheme, host, port): replication and the domain API
 * of a register share it, since both ask the same server. A server the register never reached
 * does not hold back another one (tests and a register moved to a new server address).
 */
const gates = new Map<string, RetryGate>();
export function retryGateFor(url: string): RetryGate {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = url;
  }
  let gate = gates.get(origin);
  if (!gate) {
    gate = createRetryGate({ onOnline: browserOnline });
    gates.set(origin, gate);
  }
  return gate;
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * `fetch` through the gate (by default the request's server's): network failures (a thrown
 * fetch) count, any answer resets it.
 */
export function fetchThroughGate(
  inner: typeof fetch,
  gate?: RetryGate,
  mode: 'wait' | 'now' = 'wait',
): typeof fetch {
  return (input, init) => {
    const chosen = gate ?? retryGateFor(urlOf(input));
    return mode === 'wait'
      ? chosen.run(() => inner(input, init))
      : chosen.runNow(() => inner(input, init));
  };
}
