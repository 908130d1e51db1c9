/**
 * The printer's side of a connection: records every byte it receives and answers DLE EOT n
 * with the status byte the test chose, like a real ESC/POS printer's real-time commands.
 */
export interface FakeStatus {
  /** DLE EOT 1 answer (0x12 = online). */
  printer: number;
  /** DLE EOT 2 answer (0x12 = no offline cause). */
  offlineCause: number;
  /** DLE EOT 4 answer (0x12 = paper present; 0x72 = roll end). */
  paper: number;
}

export const HEALTHY: FakeStatus = { printer: 0x12, offlineCause: 0x12, paper: 0x12 };
export const PAPER_OUT: FakeStatus = { printer: 0x1a, offlineCause: 0x32, paper: 0x72 };

export class FakePrinterPeer {
  readonly received: number[] = [];
  status: FakeStatus = HEALTHY;
  /** False makes the peer silent, like a printer that does not report status. */
  answersStatus = true;
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];

  constructor(private readonly reply: (bytes: Uint8Array) => void) {}

  feed(chunk: Uint8Array): void {
    for (const byte of chunk) {
      this.received.push(byte);
      const length = this.received.length;
      if (length >= 3 && this.received[length - 3] === 0x10 && this.received[length - 2] === 0x04) {
        this.answer(byte);
      }
    }
    this.waiters = this.waiters.filter((w) => {
      if (!w.predicate()) return true;
      w.resolve();
      return false;
    });
  }

  private answer(n: number): void {
    if (!this.answersStatus) return;
    const value =
      n === 1
        ? this.status.printer
        : n === 2
          ? this.status.offlineCause
          : n === 4
            ? this.status.paper
            : null;
    if (value !== null) this.reply(Uint8Array.of(value));
  }

  /** Resolves once the received bytes satisfy the predicate, or rejects after the timeout. */
  waitFor(predicate: (received: number[]) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this.received)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('The fake printer did not get the expected bytes in time.')),
        timeoutMs,
      );
      this.waiters.push({
        predicate: () => predicate(this.received),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  clear(): void {
    this.received.length = 0;
  }
}

/** True once a full cut command (GS V) is in the stream: a job has arrived whole. */
export function containsCut(received: readonly number[], count = 1): boolean {
  let seen = 0;
  for (let i = 0; i + 1 < received.length; i += 1) {
    if (received[i] === 0x1d && received[i + 1] === 0x56) seen += 1;
  }
  return seen >= count;
}
