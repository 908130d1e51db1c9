/**
 * How invoices leave the server: a provider takes a batch of invoice XMLs (src/einvoice's
 * `invoiceXml`, built once when the invoice was queued) and answers per invoice: accepted with
 * the provider's id, refused with the reason (final: the invoice must change), or failed (the
 * provider could not answer: try again later). Providers report, never throw; the queue decides
 * what happens next (einvoice-queue-state.ts). docs/INVOICES.md.
 */

/** One invoice handed to a provider. `id` is the queue entry's id, echoed in the result. */
export interface OutgoingInvoice {
  id: string;
  /** The tax-authority code the register made (`M1-27-AB12C-00700000042`). */
  code: string;
  /** `C27MAA`. */
  symbol: string;
  xml: string;
}

export type InvoiceResult =
  | { id: string; outcome: 'accepted'; providerId: string }
  | { id: string; outcome: 'refused'; reason: string }
  | { id: string; outcome: 'failed'; reason: string };

export interface EInvoiceProvider {
  readonly name: string;
  /** One result per invoice of the batch, in any order; a missing one counts as failed. */
  send(batch: readonly OutgoingInvoice[]): Promise<InvoiceResult[]>;
}

export type ProviderCredentials = { token: string } | { username: string; password: string };

export interface ProviderConfig {
  /** `local` or `http` (Omnitill's batch protocol), or a named provider of NAMED_PROVIDERS. */
  name: string;
  url: string;
  credentials?: ProviderCredentials;
  /** The invoice template (ký hiệu mẫu số): 1, a VAT invoice, the only one built. */
  template: '1';
}

/**
 * What the public material says about a named provider's API, as configuration. `verified`
 * says whether it was checked against the provider's own public documentation; none was (the
 * providers publish their API documents to customers, not openly): the entries come from
 * third-party integration code and listings found with `search` (docs/INVOICES.md names them).
 * Their requests differ from Omnitill's batch (a JSON object per invoice for Viettel, SOAP for
 * VNPT, as that code shows; MISA's was not found), and no mapping to them is built: choosing one
 * is refused at start with what to do instead.
 */
export interface NamedProviderProfile {
  title: string;
  /** Where the API is, as the sources state it; absent when none was found. */
  productionUrl?: string;
  sandboxUrl?: string;
  /** How a caller authenticates, as the sources state it. */
  auth: string;
  /** The provider's own names for our fields (template, series, seller's tax code), where found. */
  fields: Partial<Record<'template' | 'series' | 'sellerTaxCode', string>>;
  verified: false;
  source: string;
}

export const NAMED_PROVIDERS: Readonly<Record<string, NamedProviderProfile>> = {
  'viettel-sinvoice': {
    title: 'Viettel S-Invoice',
    productionUrl: 'https://api-sinvoice.viettel.vn:443',
    sandboxUrl: 'https://demo-sinvoice.viettel.vn:8443',
    auth: 'username and password for a token (`access_token`), then the token on each call',
    fields: {
      template: 'templateCode',
      series: 'invoiceSeries',
      sellerTaxCode: 'supplierTaxCode',
    },
    verified: false,
    source:
      'Odoo app store listing "viettel_e_invoice" (URLs) and public third-party clients (field names, `InvoiceAPI/InvoiceWS/createInvoice/{supplierTaxCode}`)',
  },
  vnpt: {
    title: 'VNPT Invoice',
    // An address per seller, given by VNPT; none stated publicly.
    auth: 'SOAP calls carrying an account and its password and a web-service user and its password (`account`, `acpass`, `username`, `password`)',
    fields: { template: 'pattern', series: 'serial' },
    verified: false,
    source:
      'public third-party integration code only (a SOAP publish service; `pattern`, `serial`, `fkeys`)',
  },
  'misa-meinvoice': {
    title: 'MISA meInvoice',
    // No address or field names found in public material.
    auth: 'not found in public material',
    fields: {},
    verified: false,
    source:
      'package listings only (MisaConnect.EInvoice on NuGet, an MCP server README); no API text',
  },
};

/** Why a configured provider cannot send, or null when it can. */
export function providerConfigProblem(config: ProviderConfig): string | null {
  const named = NAMED_PROVIDERS[config.name];
  if (named) {
    return `The ${named.title} adapter is configuration only: its request mapping is not built or checked against ${named.title}'s documents (docs/INVOICES.md). Use "http" with a relay that takes Omnitill's batch, or "local" to try the queue out.`;
  }
  if (config.name !== 'local' && config.name !== 'http') {
    return `Unknown e-invoice provider "${config.name}"; use local, http, ${Object.keys(NAMED_PROVIDERS).join(', ')}.`;
  }
  try {
    const url = new URL(config.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
  } catch {
    return `The e-invoice provider URL "${config.url}" is not an http(s) address; give the address its batch endpoint answers on.`;
  }
  return null;
}
