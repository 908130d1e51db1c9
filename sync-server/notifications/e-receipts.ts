/**
 * E-receipts as the server runs them: the ledger (tokens, messages, preferences), the adapters
 * the configuration sets up and the sender that delivers through them. Built once in server.ts.
 */
import type { EReceiptChannel } from '../../src/notifications';
import type { ServerContext } from '../server-context';
import { EReceiptLedger } from './e-receipt-ledger';
import { EReceiptSender } from './e-receipt-sender';
import { adaptersFor } from './notification-adapters';
import type { NotificationAdapter, NotificationConfig } from './notification-adapters';

export class EReceipts {
  readonly ledger: EReceiptLedger;
  readonly sender: EReceiptSender;
  private readonly adapters: Partial<Record<EReceiptChannel, NotificationAdapter>>;

  constructor(
    context: ServerContext,
    readonly config: NotificationConfig,
    /** The server's own address, for links when no public address is configured. */
    ownUrl: () => string,
    log: (line: string) => void,
  ) {
    this.ledger = new EReceiptLedger(context.store);
    this.adapters = adaptersFor(config);
    this.sender = new EReceiptSender(context, this.ledger, this.adapters, config, ownUrl, log);
    const channels = Object.keys(this.adapters);
    if (channels.length > 0 && !config.publicUrl) {
      log(
        `omnitill-sync-server: e-receipts by ${channels.join(', ')} link to this server's own address; set OMNITILL_PUBLIC_URL to the address customers can open (docs/E-RECEIPTS.md)`,
      );
    }
  }

  async init(): Promise<void> {
    await this.ledger.init();
  }

  /** Whether the server can send on a channel (its provider is configured). */
  canSend(channel: EReceiptChannel): boolean {
    return this.adapters[channel] !== undefined;
  }
}
