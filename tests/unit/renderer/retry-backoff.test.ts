import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createRetryGate,
  fetchThroughGate,
  retryDelayMs,
  retryGateFor,
  ServerUnreachableError,
} from '../../../renderer/platform/retry-backoff';

describe('the retry schedule', () => {
  it('waits nothing while the server answers', () => {
    expect(retryDelayMs(0, 0.5)).toBe(0);
  });

  it('doubles from 2 s to a 60 s cap, the upper end of each step', () => {
    const steps = [1, 2, 3, 4, 5, 6, 7, 40].map((failures) => retryDelayMs(failures, 1));
    expect(steps).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('draws each wait between half and all of its step', () => {
    expect(retryDelayMs(3, 0)).toBe(4000);
    expect(retryDelayMs(3, 0.5)).toBe(6000);
    expect(retryDelayMs(6, 0)).toBe(30_000);
  });
});

describe('the gate every server loop goes through', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const refused = () => Promise.reject(new TypeError('Failed to fetch'));

  it('holds the next request back for the wait, then lets it try', async () => {
    vi.useFakeTimers();
    const gate = createRetryGate({ now: () => Date.now(), random: () => 1 });
    await expect(gate.run(refused)).rejects.toThrow('Failed to fetch');
    let ran = false;
    const next = gate.run(() => {
      ran = true;
      return Promise.resolve('answer');
    });
    await vi.advanceTimersByTimeAsync(1999);
    expect(ran).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(next).resolves.toBe('answer');
    expect(gate.failures).toBe(0);
  });

  it('lets one probe through while the others wait for its answer', async () => {
    vi.useFakeTimers();
    const gate = createRetryGate({ now: () => Date.now(), random: () => 1 });
    await expect(gate.run(refused)).rejects.toThrow();
    let calls = 0;
    const attempts = Array.from({ length: 5 }, () =>
      gate.run(() => {
        calls += 1;
        return refused();
      }),
    );
    for (const attempt of attempts) attempt.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(4000);
    expect(calls).toBe(2);
    expect(gate.failures).toBe(3);
  });

  it('answers a cashier at once while backing off, rather than waiting', async () => {
    const gate = createRetryGate({ random: () => 1 });
    await expect(gate.run(refused)).rejects.toThrow();
    await expect(gate.runNow(() => Promise.resolve('never'))).rejects.toBeInstanceOf(
      ServerUnreachableError,
    );
  });

  it('ends the backoff when the browser says the network is back', async () => {
    let online: () => void = () => undefined;
    const gate = createRetryGate({
      random: () => 1,
      onOnline: (listener) => {
        online = listener;
        return () => undefined;
      },
    });
    await expect(gate.run(refused)).rejects.toThrow();
    await expect(gate.run(refused)).rejects.toThrow();
    const waiting = gate.run(() => Promise.resolve('back'));
    online();
    await expect(waiting).resolves.toBe('back');
    expect(gate.failures).toBe(0);
  });
});

describe('requests failing together', () => {
  it('count as one failure: the next wait is the first step, not the cap', async () => {
    const gate = createRetryGate({ random: () => 1 });
    const together = Array.from({ length: 12 }, () =>
      gate.run(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await Promise.allSettled(together);
    expect(gate.failures).toBe(1);
  });
});

describe('one gate per server', () => {
  it('an unreachable server does not hold back requests to another one', async () => {
    const down = 'http://127.0.0.1:1';
    const up = 'http://127.0.0.1:5984';
    const refusing = fetchThroughGate(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(refusing(`${down}/sales-hcm-q1/_changes`)).rejects.toThrow();
    expect(retryGateFor(down).failures).toBe(1);
    // The same server's other paths (the API beside the databases) wait with it ...
    expect(retryGateFor(`${down}/api/v1/customers`)).toBe(retryGateFor(down));
    // ... another server is asked at once.
    const answering = fetchThroughGate(() => Promise.resolve(new Response('{}')), undefined, 'now');
    await expect(answering(`${up}/sales-hcm-q1/`)).resolves.toBeInstanceOf(Response);
    expect(retryGateFor(up).failures).toBe(0);
  });
});
