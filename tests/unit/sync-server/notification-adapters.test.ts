/**
 * The provider adapters against a small HTTP server in the test: what each sends, and which
 * answers are worth another attempt (the sender retries those, and marks the rest failed).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  httpJsonAdapter,
  notificationConfigFromEnv,
  ZNS_TEMPLATE_URL,
  znsAdapter,
} from '../../../sync-server/notifications/notification-adapters';
import type { OutgoingMessage } from '../../../sync-server/notifications/notification-adapters';

interface Seen {
  url: string;
  headers: Record<string, unknown>;
  body: Record<string, unknown>;
}

let base = '';
const seen: Seen[] = [];
/** What the server answers next, by path. */
const answers: Record<string, { status: number; body: unknown }> = {};

const server = createServer((req, res) => {
  let text = '';
  req.on('data', (chunk: Buffer) => (text += chunk.toString()));
  req.on('end', () => {
    seen.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(text) as never });
    const answer = answers[req.url ?? ''] ?? { status: 200, body: {} };
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
});

beforeAll(async () => {
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const message: OutgoingMessage = {
  id: 'm1',
  channel: 'zalo',
  to: '+84901234567',
  link: 'https://hoadon.vi-du.vn/r/abc',
  storeName: 'Omnitill Quận 1',
  total: '47.000 ₫',
  soldAt: '20:03 3/12/26',
  saleId: 'sale_1',
  subject: 'Hóa đơn',
  text: 'Xem: https://hoadon.vi-du.vn/r/abc',
};

describe('notification adapters', () => {
  it('Zalo ZNS: the template request with the access_token header; error 0 is sent', async () => {
    answers['/zns'] = {
      status: 200,
      body: { error: 0, message: 'Success', data: { msg_id: 'z1' } },
    };
    const adapter = znsAdapter({ url: `${base}/zns`, accessToken: 'tok', templateId: '42' });
    await expect(adapter.send(message)).resolves.toEqual({ ok: true, providerId: 'z1' });
    const request = seen.at(-1);
    expect(request?.headers.access_token).toBe('tok');
    expect(request?.body).toEqual({
      phone: '84901234567',
      template_id: '42',
      template_data: {
        store_name: 'Omnitill Quận 1',
        total: '47.000 ₫',
        sold_at: '20:03 3/12/26',
        receipt_url: 'https://hoadon.vi-du.vn/r/abc',
      },
      tracking_id: 'm1',
    });
  });

  it('Zalo ZNS: a non-zero error on HTTP 200 is a failure worth retrying, with its message', async () => {
    answers['/zns-err'] = { status: 200, body: { error: -124, message: 'Access token invalid' } };
    const adapter = znsAdapter({ url: `${base}/zns-err`, accessToken: 'old', templateId: '42' });
    await expect(adapter.send(message)).resolves.toEqual({
      ok: false,
      retry: true,
      reason: 'ZNS error -124: Access token invalid',
    });
  });

  it('generic provider: our JSON with the bearer token; 5xx retries, another 4xx does not', async () => {
    const adapter = httpJsonAdapter({ url: `${base}/sms`, token: 'sms-token' });
    await expect(adapter.send({ ...message, channel: 'sms' })).resolves.toEqual({ ok: true });
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer sms-token');
    expect(seen.at(-1)?.body).toMatchObject({
      channel: 'sms',
      to: '+84901234567',
      link: message.link,
    });

    answers['/down'] = { status: 503, body: {} };
    answers['/refuses'] = { status: 422, body: { error: 'bad number' } };
    await expect(httpJsonAdapter({ url: `${base}/down` }).send(message)).resolves.toMatchObject({
      ok: false,
      retry: true,
    });
    await expect(httpJsonAdapter({ url: `${base}/refuses` }).send(message)).resolves.toMatchObject({
      ok: false,
      retry: false,
      reason: expect.stringContaining('422') as unknown,
    });
    await expect(
      httpJsonAdapter({ url: 'http://127.0.0.1:1/x' }).send(message),
    ).resolves.toMatchObject({
      ok: false,
      retry: true,
      reason: expect.stringContaining('unreachable') as unknown,
    });
  });

  it('reads the configuration: a channel only with all its variables, defaults for retries', () => {
    expect(notificationConfigFromEnv({})).toEqual({
      retryBaseMs: 30_000,
      retryMaxMs: 1_800_000,
      maxAttempts: 5,
    });
    const config = notificationConfigFromEnv({
      OMNITILL_ZNS_ACCESS_TOKEN: 'tok',
      OMNITILL_ZNS_TEMPLATE_ID: '42',
      OMNITILL_SMS_URL: 'https://sms.vi-du.vn/send',
      OMNITILL_EMAIL_TOKEN: 'only a token',
      OMNITILL_ERECEIPT_MAX_ATTEMPTS: 'many',
    });
    expect(config.zalo).toEqual({ url: ZNS_TEMPLATE_URL, accessToken: 'tok', templateId: '42' });
    expect(config.sms).toEqual({ url: 'https://sms.vi-du.vn/send' });
    expect(config.email).toBeUndefined();
    expect(config.maxAttempts).toBe(5);
  });
});
