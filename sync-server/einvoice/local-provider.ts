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
 * crashed after sending and resends is not told its invoice was refused. An adjusting invoice
 * (`TTHDLQuan`) is taken only for an invoice accepted here (same template, symbol, number and
 * day) and only as far as that invoice has amounts left at each rate: the adjustments of one
 * invoice never take back more than it said. `failNext` answers the next batches with 503, as a
 * provider that is down.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkInvoiceXml } from './invoice-check';
import type { CheckedInvoice, RateAmounts } from './invoice-check';
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
  /** Accepted invoices (not adjusting ones) by symbol and number, with what is left per rate. */
  const invoices = new Map<string, { form: string; issueDate: string; left: RateAmounts }>();
  const received: ReceivedBatch[] = [];
  let failing = options.failNext ?? 0;

  /** Why an adjusting invoice cannot be taken, or null (then `adjust` applies it). */
  const adjustmentProblem = (check: CheckedInvoice): string | null => {
    const { related } = check;
    if (!related) return null;
    if (related.relation !== 2) return 'This provider takes adjusting invoices (TCHDon 2) only.';
    const original = invoices.get(`${related.symbol}|${related.number}`);
    if (!original) {
      return `TTHDLQuan names invoice ${related.symbol} ${related.number}, which this provider has not accepted; send that invoice first.`;
    }
    if (original.form !== related.form || original.issueDate !== related.issueDate) {
      return `TTHDLQuan says template ${related.form} of ${related.issueDate}; invoice ${related.symbol} ${related.number} is template ${original.form} of ${original.issueDate}.`;
    }
    for (const [rate, change] of check.rates) {
      const left = original.left.get(rate) ?? { amount: 0, tax: 0 };
      if (left.amount + change.amount < 0 || left.tax + change.tax < 0) {
        return `The adjustment takes ${-change.amount} before VAT and ${-change.tax} VAT back at ${rate}, but invoice ${related.symbol} ${related.number} has ${left.amount} and ${left.tax} left there.`;
      }
    }
    return null;
  };

  const remember = (check: CheckedInvoice): void => {
    const { related } = check;
    if (!related) {
      const left: RateAmounts = new Map();
      for (const [rate, sum] of check.rates) left.set(rate, { ...sum });
      invoices.set(`${check.symbol}|${check.number}`, {
        form: check.form,
        issueDate: check.issueDate,
        left,
      });
      return;
    }
    const original = invoices.get(`${related.symbol}|${related.number}`);
    for (const [rate, change] of check.rates) {
      const left = original?.left.get(rate) ?? { amount: 0, tax: 0 };
      original?.left.set(rate, {
        amount: left.amount + change.amount,
        tax: left.tax + change.tax,
      });
    }
  };

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
    const problem = adjustmentProblem(check);
    if (problem) return { id: invoice.id, outcome: 'refused', reason: problem };
    const providerId = `local-${randomUUID()}`;
    accepted.set(check.code, { providerId, xml: invoice.xml });
    remember(check);
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
