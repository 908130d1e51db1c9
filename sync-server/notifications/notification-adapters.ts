/**
 * How a message leaves the server: one adapter per channel, chosen by configuration
 * (docs/E-RECEIPTS.md, docs/DEPLOYMENT.md). Adapters report, never throw: the sender decides
 * from `retry` whether to try again later.
 *
 * - Zalo: a ZNS template message, `POST https://business.openapi.zalo.me/message/template` with
 *   the Official Account's token in an `access_token` header and `{phone: "84…", template_id,
 *   template_data, tracking_id}`; ZNS answers `{error: 0, …}` when accepted. Not tried against a
 *   live Official Account here.
 * - SMS and e-mail: a generic provider that takes our JSON (`channel`, `to`, `text`, `link`, …)
 *   with a bearer token, so any SMS or mail gateway, or a small relay in front of one, fits.
 *   The local provider (tests/helpers/local-notify-provider.ts) is one of these.
 */
import type { EReceiptChannel } from '../../src/notifications';
import { znsPhone } from '../../src/notifications';

/** What to deliver: the link and the few words around it, already in the store's language. */
export interface OutgoingMessage {
  id: string;
  channel: EReceiptChannel;
  to: string;
  link: string;
  storeName: string;
  /** The total as printed on the receipt ("47.000 ₫"). */
  total: string;
  /** When the sale completed, in the store's time ("03/12/2026 14:05"). */
  soldAt: string;
  saleId: string;
  subject: string;
  text: string;
}

export type DeliveryResult =
  { ok: true; providerId?: string } | { ok: false; retry: boolean; reason: string };

export interface NotificationAdapter {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

export interface HttpProviderConfig {
  url: string;
  token?: string;
}

export interface ZnsConfig {
  url: string;
  accessToken: string;
  templateId: string;
}

export interface NotificationConfig {
  /** The address customers open links on (the sync-server behind its public name). */
  publicUrl?: string;
  zalo?: ZnsConfig;
  sms?: HttpProviderConfig;
  email?: HttpProviderConfig;
  /** The wait after the first failed attempt; it doubles after each. */
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
}

export const ZNS_TEMPLATE_URL = 'https://business.openapi.zalo.me/message/template';

function positive(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

function httpProvider(url: string | undefined, token: string | undefined) {
  return url ? { url, ...(token ? { token } : {}) } : undefined;
}

/** The configuration from OMNITILL_* environment variables (names in docs/DEPLOYMENT.md). */
export function notificationConfigFromEnv(env: NodeJS.ProcessEnv): NotificationConfig {
  const zalo =
    env.OMNITILL_ZNS_ACCESS_TOKEN && env.OMNITILL_ZNS_TEMPLATE_ID
      ? {
          url: env.OMNITILL_ZNS_URL || ZNS_TEMPLATE_URL,
          accessToken: env.OMNITILL_ZNS_ACCESS_TOKEN,
          templateId: env.OMNITILL_ZNS_TEMPLATE_ID,
        }
      : undefined;
  const sms = httpProvider(env.OMNITILL_SMS_URL, env.OMNITILL_SMS_TOKEN);
  const email = httpProvider(env.OMNITILL_EMAIL_URL, env.OMNITILL_EMAIL_TOKEN);
  return {
    ...(env.OMNITILL_PUBLIC_URL ? { publicUrl: env.OMNITILL_PUBLIC_URL } : {}),
    ...(zalo ? { zalo } : {}),
    ...(sms ? { sms } : {}),
    ...(email ? { email } : {}),
    retryBaseMs: positive(env.OMNITILL_ERECEIPT_RETRY_MS, 30_000),
    retryMaxMs: positive(env.OMNITILL_ERECEIPT_RETRY_MAX_MS, 30 * 60_000),
    maxAttempts: positive(env.OMNITILL_ERECEIPT_MAX_ATTEMPTS, 5),
  };
}

const TIMEOUT_MS = 10_000;

/** A POST of JSON; network failures and 5xx/429 are worth another try, other refusals are not. */
async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ ok: true; json: unknown } | { ok: false; retry: boolean; reason: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, retry: true, reason: `provider unreachable: ${String(error)}` };
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const retry = response.status >= 500 || response.status === 429 || response.status === 408;
    return {
      ok: false,
      retry,
      reason: `provider answered ${response.status} ${text.slice(0, 200)}`,
    };
  }
  try {
    return { ok: true, json: text ? (JSON.parse(text) as unknown) : {} };
  } catch {
    return { ok: true, json: {} };
  }
}

export function httpJsonAdapter(config: HttpProviderConfig): NotificationAdapter {
  return {
    async send(message) {
      const result = await postJson(
        config.url,
        config.token ? { Authorization: `Bearer ${config.token}` } : {},
        {
          id: message.id,
          channel: message.channel,
          to: message.to,
          subject: message.subject,
          text: message.text,
          link: message.link,
          storeName: message.storeName,
          total: message.total,
          saleId: message.saleId,
        },
      );
      return result.ok ? { ok: true } : result;
    },
  };
}

/**
 * The ZNS template's parameters are named here: the approved template must use `store_name`,
 * `total`, `sold_at` and `receipt_url` (docs/E-RECEIPTS.md).
 */
export function znsAdapter(config: ZnsConfig): NotificationAdapter {
  return {
    async send(message) {
      const result = await postJson(
        config.url,
        { access_token: config.accessToken },
        {
          phone: znsPhone(message.to),
          template_id: config.templateId,
          template_data: {
            store_name: message.storeName,
            total: message.total,
            sold_at: message.soldAt,
            receipt_url: message.link,
          },
          tracking_id: message.id,
        },
      );
      if (!result.ok) return result;
      const reply = result.json as {
        error?: unknown;
        message?: unknown;
        data?: { msg_id?: unknown };
      };
      if (reply.error === 0) {
        const providerId = typeof reply.data?.msg_id === 'string' ? reply.data.msg_id : undefined;
        return providerId ? { ok: true, providerId } : { ok: true };
      }
      // ZNS answers HTTP 200 with a negative error code (an expired token, no Zalo on that phone,
      // quota spent): tried again until the attempts run out, since a token can be renewed.
      return {
        ok: false,
        retry: true,
        reason: `ZNS error ${JSON.stringify(reply.error)}: ${typeof reply.message === 'string' ? reply.message : ''}`,
      };
    },
  };
}

/** The adapter of each channel that is set up; a channel without one cannot be sent to. */
export function adaptersFor(
  config: NotificationConfig,
): Partial<Record<EReceiptChannel, NotificationAdapter>> {
  return {
    ...(config.zalo ? { zalo: znsAdapter(config.zalo) } : {}),
    ...(config.sms ? { sms: httpJsonAdapter(config.sms) } : {}),
    ...(config.email ? { email: httpJsonAdapter(config.email) } : {}),
  };
}
