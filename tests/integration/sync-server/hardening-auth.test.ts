/**
 * Failed authentication (issue #15): a flood of wrong secrets is throttled per source address
 * and per name (429 with Retry-After, before any scrypt), registers that already signed in keep
 * working at full speed, and a wrong secret gets one answer whether the device is unknown, live
 * or revoked.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

const STORE = 'hcm-q1';
let server: SyncServerProcess;
let register: EnrolledDevice;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { error?: string; reason?: string };
}

/** A GET from a chosen loopback address (127.0.0.0/8 all reach the server). */
function get(path: string, auth: string, localAddress = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    const outgoing = request(
      url,
      { method: 'GET', headers: { Authorization: auth }, localAddress, agent: false },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] ?? null,
            body: JSON.parse(text) as Answer['body'],
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

beforeAll(async () => {
  server = await startSyncServerProcess();
  register = await server.enrollDevice(STORE);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('failed authentication', () => {
  it('answers a wrong secret the same for an unknown, a live and a revoked device', async () => {
    const revoked = await server.enrollDevice(STORE, 'stolen register');
    const revoke = await fetch(`${server.url}/api/v1/admin/devices/${revoked.deviceId}`, {
      method: 'DELETE',
      headers: { Authorization: server.adminAuth },
    });
    expect(revoke.status).toBe(200);
    // Each from its own address, so the throttle does not colour the answers.
    const answers = await Promise.all([
      get('/db/products', basicAuth('dev_nobody', 'guess'), '127.0.0.11'),
      get('/db/products', basicAuth(register.deviceId, 'guess'), '127.0.0.12'),
      get('/db/products', basicAuth(revoked.deviceId, 'guess'), '127.0.0.13'),
    ]);
    for (const answer of answers) expect(answer.status).toBe(401);
    expect(answers[1]?.body).toEqual(answers[0]?.body);
    expect(answers[2]?.body).toEqual(answers[0]?.body);
    // The right secret of a revoked device is still told why, so its register can say so.
    const rightSecret = await get('/db/products', revoked.auth, '127.0.0.13');
    expect(rightSecret.status).toBe(401);
    expect(rightSecret.body.reason).toMatch(/revoked/);
  });

  it("lets a register's parallel first requests in: they share one slow check", async () => {
    const fresh = await server.enrollDevice(STORE, 'register just started');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => get('/db/products', fresh.auth, '127.0.0.41')),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
  });

  it('throttles 2,000 wrong secrets with 429 and Retry-After; a signed-in register still reads fast', async () => {
    expect((await get('/db/products', register.auth)).status).toBe(200);
    // A device that has not signed in since the server started: each wrong secret would need
    // scrypt.
    const victim = await server.enrollDevice(STORE, 'victim register');
    const statuses = new Map<number, number>();
    let retryAfter: string | null = null;
    const started = performance.now();
    for (let sent = 0; sent < 2000; sent += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, n) =>
          get('/db/products', basicAuth(victim.deviceId, `wrong-${sent + n}`)),
        ),
      );
      for (const answer of batch) {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 429) retryAfter ??= answer.retryAfter;
      }
    }
    const floodMs = performance.now() - started;
    expect(statuses.get(200) ?? 0).toBe(0);
    expect(statuses.get(429) ?? 0).toBeGreaterThan(1900);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);

    const readMs: number[] = [];
    for (let n = 0; n < 30; n++) {
      const at = performance.now();
      const answer = await get('/db/products', register.auth);
      readMs.push(performance.now() - at);
      expect(answer.status).toBe(200);
    }
    console.log(
      `2,000 bad-auth requests in ${(floodMs / 1000).toFixed(1)} s (${JSON.stringify(Object.fromEntries(statuses))}); ` +
        `a signed-in register's read after it: median ${median(readMs).toFixed(1)} ms`,
    );
  }, 120_000);

  it('throttles per address: many names from one address lock it, not the others', async () => {
    const answers: Answer[] = [];
    for (let n = 0; n < 40; n++) {
      answers.push(await get('/db/products', basicAuth(`dev_guess_${n}`, 'x'), '127.0.0.31'));
    }
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(20);
    expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThan(0);
    const fresh = await server.enrollDevice(STORE, 'register signing in after the flood');
    expect((await get('/db/products', fresh.auth, '127.0.0.31')).status).toBe(429);
    expect((await get('/db/products', fresh.auth, '127.0.0.32')).status).toBe(200);
  }, 60_000);
});
