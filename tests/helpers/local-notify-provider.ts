/**
 * The local notification provider: a real HTTP server that takes what the sync-server sends to
 * an SMS, e-mail or Zalo ZNS provider and records it, for tests and for trying e-receipts out
 * without an account anywhere (docs/E-RECEIPTS.md):
 *
 *   node_modules/.bin/tsx tests/helpers/local-notify-provider.ts --port 7090 [--fail-status 500]
 *   OMNITILL_SMS_URL=http://127.0.0.1:7090/sms npm run sync-server -- --seed-demo
 *
 * Any POST is recorded (path, bearer or ZNS token, JSON body) and answered as both provider
 * shapes expect (`{"ok": true, "error": 0, …}`), or with `--fail-status` as a broken provider.
 * `GET /received` lists what arrived; `POST /_mode {"failStatus": 500 | null}` switches at run time.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Received {
  path: string;
  authorization?: string;
  accessToken?: string;
  body: unknown;
  receivedAt: string;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const received: Received[] = [];
let failStatus = Number(argument('--fail-status')) || null;

const server = createServer((req, res) => {
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (text += chunk));
  req.on('end', () => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/received') return reply(200, received);
    let body: unknown = null;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      return reply(400, { error: -1, message: 'send JSON' });
    }
    if (req.method === 'POST' && req.url === '/_mode') {
      const mode = body as { failStatus?: number | null };
      failStatus = mode.failStatus ?? null;
      return reply(200, { failStatus });
    }
    if (req.method !== 'POST') return reply(404, { error: -1, message: 'POST a message' });
    if (failStatus) return reply(failStatus, { error: -1, message: 'failing on purpose' });
    const accessToken = req.headers.access_token;
    received.push({
      path: req.url ?? '/',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(typeof accessToken === 'string' ? { accessToken } : {}),
      body,
      receivedAt: new Date().toISOString(),
    });
    reply(200, {
      ok: true,
      error: 0,
      message: 'Success',
      data: { msg_id: `local-${received.length}` },
    });
  });
});

server.listen(Number(argument('--port') ?? 0), argument('--host') ?? '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`local-notify-provider ready on http://127.0.0.1:${port}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
