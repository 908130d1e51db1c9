/**
 * The local e-invoice provider: a real HTTP server speaking Omnitill's batch protocol, which
 * checks every invoice as a provider would (invoice-check.ts) and remembers the codes it
 * accepted, for tests and for trying the queue without a provider account (docs/INVOICES.md):
 *
 *   POST /invoices  {"template": "1", "invoices": [{"id", "code", "symbol", "xml"}]}
 *     → 200 {"results": [{"id", "outcome": "accepted", "providerId"} | {"id", "outcome": "refused", "reason"}]}
 *   GET /received   every batch that arrived, with what was answered
 *
 * A code it accepted before is refused with other content (a second invoice under one code),
 * and answered accepted with the first id when the same invoice comes again: a sender that
 * crashed after sending and resends is not told its invoice was refused. `failNext` answers the
 * next batches with 503, as a provider that is down.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkInvoiceXml } from './invoice-check';
import type { InvoiceResult } from './einvoice-provider';

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const MAX_BATCH = 1000;

export interface ReceivedBatch {
  receivedAt: string;
  authorization?: string;
  ids: string[];
  results: InvoiceResult[];
}

export interface LocalEInvoiceProvider {
  url: string;
  port: number;
  /** The batch endpoint, for the sync-server's configuration. */
  invoicesUrl: string;
  received(): ReceivedBatch[];
  /** The XML it accepted under `code` (tests read what reached the provider). */
  acceptedXml(code: string): string | undefined;
  /** Answer the next `batches` batches with 503. */
  failNext(batches: number): void;
  stop(): Promise<void>;
}

export interface LocalProviderOptions {
  port?: number;
  host?: string;
  /** When set, a batch without `Authorization: Bearer <token>` is answered 401. */
  token?: string;
  failNext?: number;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface IncomingInvoice {
  id: string;
  code: string;
  xml: string;
}

function invoicesOf(body: unknown): IncomingInvoice[] | string {
  const invoices = (body as { invoices?: unknown } | null)?.invoices;
  if (!Array.isArray(invoices) || invoices.length === 0 || invoices.length > MAX_BATCH) {
    return `Send {"invoices": [...]} with 1 to ${MAX_BATCH} invoices.`;
  }
  for (const invoice of invoices as unknown[]) {
    const fields = invoice as Partial<Record<keyof IncomingInvoice, unknown>> | null;
    if (
      typeof fields?.id !== 'string' ||
      typeof fields.code !== 'string' ||
      typeof fields.xml !== 'string'
    ) {
      return 'Each invoice is {"id", "code", "symbol", "xml"} with text values.';
    }
  }
  return invoices as IncomingInvoice[];
}

export async function startLocalEInvoiceProvider(
  options: LocalProviderOptions = {},
): Promise<LocalEInvoiceProvider> {
  const accepted = new Map<string, { providerId: string; xml: string }>();
  const received: ReceivedBatch[] = [];
  let failing = options.failNext ?? 0;

  const judge = (invoice: IncomingInvoice): InvoiceResult => {
    const check = checkInvoiceXml(invoice.xml);
    if (!check.ok) return { id: invoice.id, outcome: 'refused', reason: check.reason };
    if (check.code !== invoice.code) {
      return {
        id: invoice.id,
        outcome: 'refused',
        reason: `The batch names code ${invoice.code} but the XML carries ${check.code}.`,
      };
    }
    const before = accepted.get(check.code);
    if (before) {
      return before.xml === invoice.xml
        ? { id: invoice.id, outcome: 'accepted', providerId: before.providerId }
        : {
            id: invoice.id,
            outcome: 'refused',
            reason: `Code ${check.code} was already used by another invoice; a code is never reused.`,
          };
    }
    const providerId = `local-${randomUUID()}`;
    accepted.set(check.code, { providerId, xml: invoice.xml });
    return { id: invoice.id, outcome: 'accepted', providerId };
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/received') return reply(res, 200, received);
      if (req.method !== 'POST' || req.url !== '/invoices') {
        return reply(res, 404, { error: 'POST a batch to /invoices; GET /received.' });
      }
      const authorization = req.headers.authorization;
      if (options.token && authorization !== `Bearer ${options.token}`) {
        return reply(res, 401, { error: 'Send Authorization: Bearer <the configured token>.' });
      }
      const text = await readBody(req);
      if (text === null) return reply(res, 413, { error: 'The batch is over 20 MB; send fewer.' });
      if (failing > 0) {
        failing -= 1;
        return reply(res, 503, { error: 'Failing on purpose (failNext); send again later.' });
      }
      let body: unknown;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        return reply(res, 400, { error: 'The batch is not JSON.' });
      }
      const invoices = invoicesOf(body);
      if (typeof invoices === 'string') return reply(res, 400, { error: invoices });
      const results = invoices.map(judge);
      received.push({
        receivedAt: new Date().toISOString(),
        ...(authorization ? { authorization } : {}),
        ids: invoices.map((invoice) => invoice.id),
        results,
      });
      reply(res, 200, { results });
    })().catch((error: unknown) => reply(res, 500, { error: String(error) }));
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url,
    port,
    invoicesUrl: `${url}/invoices`,
    received: () => received.map((batch) => ({ ...batch })),
    acceptedXml: (code) => accepted.get(code)?.xml,
    failNext: (batches) => {
      failing = batches;
    },
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
