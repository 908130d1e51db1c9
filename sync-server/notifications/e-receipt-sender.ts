/**
 * The sender: takes queued e-receipts whose time has come, claims each at its revision (so two
 * server processes never send one twice), hands it to its channel's adapter and records what
 * happened: `sent`, another attempt after a doubling wait, or `failed` once the attempts run out
 * or the provider refuses it for good. It runs on a timer and is woken when a message is queued.
 */
import { randomUUID } from 'node:crypto';
import { eReceiptRetryDelayMs, receiptLink } from '../../src/notifications';
import type { Locale } from '../../src/money';
import type { ServerContext } from '../server-context';
import type { EReceiptLedger, StoredMessage } from './e-receipt-ledger';
import type {
  NotificationAdapter,
  NotificationConfig,
  OutgoingMessage,
} from './notification-adapters';
import { receiptSource, receiptTotal, serverSale, soldAt } from './receipt-source';
import { PassLoop } from '../services/pass-loop';

/** An attempt still `sending` after this long was left by a process that died: run it again. */
const STALE_SENDING_MS = 2 * 60_000;

const WORDS: Record<Locale, { subject: string; text: string }> = {
  'vi-VN': {
    subject: 'Hóa đơn điện tử từ {store}',
    text: '{store}: hóa đơn {total} lúc {at}. Xem hóa đơn: {link}',
  },
  'en-US': {
    subject: 'Your e-receipt from {store}',
    text: '{store}: your receipt for {total} at {at}. View it: {link}',
  },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

export class EReceiptSender {
  private readonly loop = new PassLoop(
    () => this.pass(),
    (error) => this.log(`omnitill-sync-server: sending e-receipts failed: ${String(error)}`),
  );

  constructor(
    private readonly context: ServerContext,
    private readonly ledger: EReceiptLedger,
    private readonly adapters: Partial<Record<string, NotificationAdapter>>,
    private readonly config: NotificationConfig,
    private readonly publicUrl: () => string,
    private readonly log: (line: string) => void,
  ) {}

  start(pollMs = 1000): void {
    this.loop.start(pollMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs a pass now, or right after the one running. */
  kick(): void {
    this.loop.kick();
  }

  private async pass(): Promise<void> {
    const due = await this.ledger.due(Date.now(), STALE_SENDING_MS);
    for (const message of due) await this.attempt(message);
  }

  private async attempt(queued: StoredMessage): Promise<void> {
    const claimedAt = new Date().toISOString();
    const claim = randomUUID();
    const claimed = await this.ledger.update(queued.id, (current) =>
      current.status === queued.status && current.attempts === queued.attempts
        ? {
            ...current,
            status: 'sending',
            attempts: current.attempts + 1,
            nextAttemptAt: claimedAt,
            claim,
          }
        : undefined,
    );
    // Another process took it, or it changed since it was read.
    if (claimed?.claim !== claim) return;
    const adapter = this.adapters[claimed.channel];
    const result = adapter
      ? await this.deliver(adapter, claimed)
      : {
          ok: false as const,
          retry: false,
          reason: `${claimed.channel} is not set up on the server`,
        };
    const now = Date.now();
    await this.ledger.update(claimed.id, (current) => {
      if (current.status !== 'sending' || current.claim !== claim) return undefined;
      if (result.ok) {
        const { nextAttemptAt: _next, ...rest } = current;
        return { ...rest, status: 'sent', sentAt: new Date(now).toISOString() };
      }
      if (!result.retry || current.attempts >= current.maxAttempts) {
        const { nextAttemptAt: _next, ...rest } = current;
        return { ...rest, status: 'failed', lastError: result.reason };
      }
      const waitMs = eReceiptRetryDelayMs(
        current.attempts,
        this.config.retryBaseMs,
        this.config.retryMaxMs,
      );
      return {
        ...current,
        status: 'queued',
        lastError: result.reason,
        nextAttemptAt: new Date(now + waitMs).toISOString(),
      };
    });
    if (!result.ok) {
      this.log(
        `omnitill-sync-server: e-receipt ${claimed.id} attempt ${claimed.attempts} failed: ${result.reason}`,
      );
    }
  }

  private async deliver(adapter: NotificationAdapter, message: StoredMessage) {
    const sale = await serverSale(this.context, message.saleId);
    if (!sale) {
      return {
        ok: false as const,
        retry: true,
        reason: `sale ${message.saleId} is not on the server`,
      };
    }
    const source = await receiptSource(this.context, sale);
    const values = {
      store: source.storeName,
      total: receiptTotal(source),
      at: soldAt(source),
      link: receiptLink(this.config.publicUrl ?? this.publicUrl(), message.token),
    };
    const words = WORDS[source.locale];
    const outgoing: OutgoingMessage = {
      id: message.id,
      channel: message.channel,
      to: message.to,
      link: values.link,
      storeName: values.store,
      total: values.total,
      soldAt: values.at,
      saleId: message.saleId,
      subject: fill(words.subject, values),
      text: fill(words.text, values),
    };
    return adapter.send(outgoing);
  }
}
