/**
 * The adapter for Omnitill's batch protocol (local-provider.ts documents it): one POST per
 * batch with the invoices' XML, one result per invoice back. Whatever keeps the provider from
 * answering (network, timeout, 5xx, 401, a reply that does not read) fails every invoice of
 * the batch for a later try; only the provider's own verdict refuses one.
 */
import type {
  EInvoiceProvider,
  InvoiceResult,
  OutgoingInvoice,
  ProviderConfig,
} from './einvoice-provider';

const TIMEOUT_MS = 60_000;

function authorization(config: ProviderConfig): Record<string, string> {
  const credentials = config.credentials;
  if (!credentials) return {};
  if ('token' in credentials) return { Authorization: `Bearer ${credentials.token}` };
  const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  return { Authorization: `Basic ${basic}` };
}

function resultOf(value: unknown, ids: ReadonlySet<string>): InvoiceResult | undefined {
  const row = value as Partial<Record<'id' | 'outcome' | 'providerId' | 'reason', unknown>> | null;
  if (typeof row?.id !== 'string' || !ids.has(row.id)) return undefined;
  if (row.outcome === 'accepted' && typeof row.providerId === 'string' && row.providerId) {
    return { id: row.id, outcome: 'accepted', providerId: row.providerId };
  }
  // Kept short: the reason is stored with the invoice and shown to the manager.
  const reason =
    typeof row.reason === 'string' && row.reason ? row.reason.slice(0, 500) : 'no reason given';
  if (row.outcome === 'refused') return { id: row.id, outcome: 'refused', reason };
  return { id: row.id, outcome: 'failed', reason };
}

export class HttpEInvoiceProvider implements EInvoiceProvider {
  readonly name: string;

  constructor(private readonly config: ProviderConfig) {
    this.name = config.name;
  }

  async send(batch: readonly OutgoingInvoice[]): Promise<InvoiceResult[]> {
    const failAll = (reason: string): InvoiceResult[] =>
      batch.map((invoice) => ({ id: invoice.id, outcome: 'failed', reason }));
    let response: Response;
    try {
      response = await fetch(this.config.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...authorization(this.config) },
        body: JSON.stringify({ template: this.config.template, invoices: batch }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return failAll(`the provider did not answer: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      return failAll(`the provider answered ${response.status}: ${text.slice(0, 200)}`);
    }
    let results: unknown;
    try {
      results = (JSON.parse(text) as { results?: unknown }).results;
    } catch {
      return failAll('the provider answered something other than JSON');
    }
    if (!Array.isArray(results)) return failAll('the provider answered without results');
    const ids = new Set(batch.map((invoice) => invoice.id));
    const byId = new Map<string, InvoiceResult>();
    for (const row of results as unknown[]) {
      const result = resultOf(row, ids);
      if (result && !byId.has(result.id)) byId.set(result.id, result);
    }
    return batch.map(
      (invoice) =>
        byId.get(invoice.id) ?? {
          id: invoice.id,
          outcome: 'failed',
          reason: 'the provider gave no answer for this invoice',
        },
    );
  }
}
