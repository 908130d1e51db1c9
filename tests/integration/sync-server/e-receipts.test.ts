/**
 * E-receipts against a real sync-server process and real local providers (processes too): a
 * register sends a sale's receipt link by SMS, e-mail or Zalo; the link opens the receipt page;
 * wrong links, other stores and broken providers get what they should.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EReceiptMessage } from '../../../src/notifications';
import { startLocalNotifyProvider } from '../../helpers/local-notify-provider-process';
import type { LocalNotifyProvider } from '../../helpers/local-notify-provider-process';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { minor } from '../../../src/money';
import { coffeeSale, putDoc } from './sale-fixtures';

let server: SyncServerProcess;
let provider: LocalNotifyProvider;
let broken: LocalNotifyProvider;
/** Nothing listens here until the "down then up" test starts a provider on it. */
let laterPort: number;
let q1: EnrolledDevice;
let hk: EnrolledDevice;

async function send(
  device: EnrolledDevice,
  saleId: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: { message: EReceiptMessage; created: boolean } }> {
  const response = await fetch(`${server.url}/api/v1/receipts/${saleId}/send`, {
    method: 'POST',
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}

async function status(device: EnrolledDevice, saleId: string, id: string) {
  const response = await fetch(`${server.url}/api/v1/receipts/${saleId}/send/${id}`, {
    headers: { Authorization: device.auth },
  });
  return { status: response.status, body: (await response.json()) as { message: EReceiptMessage } };
}

async function settled(device: EnrolledDevice, saleId: string, id: string, want: string) {
  await expect
    .poll(async () => (await status(device, saleId, id)).body.message.status, { timeout: 20_000 })
    .toBe(want);
  return (await status(device, saleId, id)).body.message;
}

async function pushSale(id: string, device: EnrolledDevice, name = 'Cà phê') {
  const sale = coffeeSale(id, device, 25_000);
  // The line's name as a register may send it: the page must escape it.
  const named = JSON.parse(
    JSON.stringify(sale).replaceAll('"Cà phê"', JSON.stringify(name)),
  ) as typeof sale;
  const { status: code } = await putDoc(server, device.auth, `sales-${device.storeId}`, named);
  expect(code).toBe(201);
}

/** A coffee sold to demo customer 1 (its phone +84900000001), paid in cash. */
async function pushCustomerSale(id: string, device: EnrolledDevice) {
  const sale = coffeeSale(id, device, 25_000, {
    tenders: [{ kind: 'cash', tenderId: 't1', amount: minor(25_000) }],
    customerId: 'cust_demo0000001',
  });
  const pushed = await putDoc(server, device.auth, `sales-${device.storeId}`, sale);
  expect(pushed).toMatchObject({ status: 201 });
}

const linkIn = (text: string) => /https?:\/\/\S+\/r\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';

beforeAll(async () => {
  provider = await startLocalNotifyProvider();
  broken = await startLocalNotifyProvider({ failStatus: 500 });
  const probe = await startLocalNotifyProvider();
  laterPort = probe.port;
  await probe.stop();
  server = await startSyncServerProcess({
    seedDemo: true,
    env: {
      OMNITILL_SMS_URL: `${provider.url}/sms`,
      OMNITILL_SMS_TOKEN: 'sms-token',
      OMNITILL_EMAIL_URL: `${broken.url}/email`,
      OMNITILL_ZNS_URL: `http://127.0.0.1:${laterPort}/zns`,
      OMNITILL_ZNS_ACCESS_TOKEN: 'zns-token',
      OMNITILL_ZNS_TEMPLATE_ID: '123456',
      OMNITILL_ERECEIPT_RETRY_MS: '200',
      OMNITILL_ERECEIPT_RETRY_MAX_MS: '400',
      OMNITILL_ERECEIPT_MAX_ATTEMPTS: '6',
    },
  });
  q1 = await server.enrollDevice('hcm-q1');
  hk = await server.enrollDevice('hn-hk');
  await pushSale('sale_ER1', q1, 'Bánh <script>alert("x")</script> & "quà"');
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await provider?.stop();
  await broken?.stop();
});

describe('e-receipts', () => {
  it('sends the link by SMS; the token is random, not the sale id, and the page shows the receipt escaped', async () => {
    const sent = await send(q1, 'sale_ER1', {
      channel: 'sms',
      to: '0901 234 567',
      idempotencyKey: 'er1-sms',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({ status: 'queued', to: '+84901234567' });
    expect(JSON.stringify(sent.body)).not.toMatch(/\/r\//);
    await settled(q1, 'sale_ER1', sent.body.message.id, 'sent');

    const [got] = await provider.received();
    expect(got?.path).toBe('/sms');
    expect(got?.authorization).toBe('Bearer sms-token');
    expect(got?.body).toMatchObject({ channel: 'sms', to: '+84901234567', total: '25.000 ₫' });
    const link = linkIn(String(got?.body.text));
    const token = link.slice(link.lastIndexOf('/') + 1);
    expect(token.length).toBeGreaterThanOrEqual(22);
    expect(token).not.toContain('ER1');
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('25.000');
    expect(html).toContain(
      'Bánh &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quà&quot;',
    );
    expect(html).not.toMatch(/<script/i);
  });

  it('the same idempotency key is the same message; a second send reuses the sale’s link', async () => {
    const first = await send(q1, 'sale_ER1', {
      channel: 'sms',
      to: '0901234567',
      idempotencyKey: 'er1-again',
    });
    const again = await send(q1, 'sale_ER1', {
      channel: 'sms',
      to: '0901234567',
      idempotencyKey: 'er1-again',
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, message: { id: first.body.message.id } });
    const other = await send(q1, 'sale_ER1', {
      channel: 'sms',
      to: '0907654321',
      idempotencyKey: 'er1-again',
    });
    expect(other.status).toBe(409);
    await settled(q1, 'sale_ER1', first.body.message.id, 'sent');
    const links = (await provider.received()).map((got) => linkIn(String(got.body.text)));
    expect(links).toHaveLength(2);
    expect(links[1]).toBe(links[0]);
  });

  it('refuses a bad address and answers 404 for a wrong link', async () => {
    const bad = await send(q1, 'sale_ER1', {
      channel: 'email',
      to: 'not-an-address',
      idempotencyKey: 'er1-bad',
    });
    expect(bad.status).toBe(400);
    const wrong = await fetch(`${server.url}/r/AAAAAAAAAAAAAAAAAAAAAAAA`);
    const nonsense = await fetch(`${server.url}/r/sale_ER1`);
    expect(wrong.status).toBe(404);
    expect(nonsense.status).toBe(404);
    expect(await wrong.text()).toBe(await nonsense.text());
  });

  it('a register of another store can neither send nor read another store’s sale', async () => {
    const sent = await send(hk, 'sale_ER1', {
      channel: 'sms',
      to: '0901234567',
      idempotencyKey: 'hk-1',
    });
    expect(sent.status).toBe(404);
    const mine = await send(q1, 'sale_ER1', {
      channel: 'sms',
      to: '0901234567',
      idempotencyKey: 'er1-read',
    });
    expect((await status(hk, 'sale_ER1', mine.body.message.id)).status).toBe(404);
    expect((await status(q1, 'sale_ER1', mine.body.message.id)).status).toBe(200);
  });

  it('retries a provider answering 500, then marks the message failed', async () => {
    const sent = await send(q1, 'sale_ER1', {
      channel: 'email',
      to: 'Khach@Vi-Du.vn',
      idempotencyKey: 'er1-mail',
    });
    expect(sent.body.message.to).toBe('khach@vi-du.vn');
    const failed = await settled(q1, 'sale_ER1', sent.body.message.id, 'failed');
    expect(failed.attempts).toBe(6);
    expect(failed.lastError).toMatch(/500/);
    expect(await broken.received()).toEqual([]);
  });

  it('delivers through Zalo ZNS once a provider that was down comes up', async () => {
    const sent = await send(q1, 'sale_ER1', {
      channel: 'zalo',
      to: '0912 345 678',
      idempotencyKey: 'er1-zalo',
    });
    await expect
      .poll(
        async () =>
          (await status(q1, 'sale_ER1', sent.body.message.id)).body.message.lastError ?? '',
        {
          timeout: 10_000,
        },
      )
      .toMatch(/unreachable/);
    const later = await startLocalNotifyProvider({ port: laterPort });
    try {
      await settled(q1, 'sale_ER1', sent.body.message.id, 'sent');
      const [got] = await later.received();
      expect(got?.accessToken).toBe('zns-token');
      expect(got?.body).toMatchObject({
        phone: '84912345678',
        template_id: '123456',
        tracking_id: sent.body.message.id,
      });
      const data = got?.body.template_data as Record<string, string>;
      expect(data.total).toBe('25.000 ₫');
      expect((await fetch(data.receipt_url ?? '')).status).toBe(200);
    } finally {
      await later.stop();
    }
  });

  it('remembers the customer’s consent when asked to, for the next sale', async () => {
    await pushCustomerSale('sale_ER2', q1);
    const preference = async () =>
      (await (
        await fetch(`${server.url}/api/v1/receipts/preferences/cust_demo0000001`, {
          headers: { Authorization: q1.auth },
        })
      ).json()) as { preference: unknown };
    const plain = await send(q1, 'sale_ER2', {
      channel: 'sms',
      to: '0900000001',
      idempotencyKey: 'er2-a',
    });
    expect(plain.status).toBe(201);
    expect(await preference()).toEqual({ preference: null });
    const remembered = await send(q1, 'sale_ER2', {
      channel: 'sms',
      to: '0900000001',
      idempotencyKey: 'er2-b',
      remember: true,
    });
    expect(remembered.status).toBe(201);
    expect(await preference()).toMatchObject({
      preference: {
        customerId: 'cust_demo0000001',
        channel: 'sms',
        to: '+84900000001',
        storeId: 'hcm-q1',
      },
    });
  });

  it('a revoked link answers 404; too many wrong links from one address are refused', async () => {
    const link = linkIn(String((await provider.received())[0]?.body.text));
    const revoked = await fetch(`${server.url}/api/v1/admin/receipts/sale_ER1/revoke`, {
      method: 'POST',
      headers: { Authorization: server.adminAuth },
    });
    expect(await revoked.json()).toEqual({ revoked: true });
    expect((await fetch(link)).status).toBe(404);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push((await fetch(`${server.url}/r/BBBBBBBBBBBBBBBBBBBBBBB${attempt}`)).status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
  it("refuses a register sending one sale's receipt to number after number (SMS costs money)", async () => {
    await pushCustomerSale('sale_ER9', q1);
    const statuses: number[] = [];
    for (let n = 0; n < 7; n++) {
      const sent = await send(q1, 'sale_ER9', {
        channel: 'sms',
        to: `090123450${n}`,
        idempotencyKey: `er9-${n}`,
      });
      statuses.push(sent.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    // A retry of a message already queued is still answered.
    const again = await send(q1, 'sale_ER9', {
      channel: 'sms',
      to: '0901234500',
      idempotencyKey: 'er9-0',
    });
    expect(again.status).toBe(200);
  });
});
