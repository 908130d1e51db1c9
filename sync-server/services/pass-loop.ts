/**
 * A background job's passes (sending e-receipts, sending e-invoices): on a timer and on demand,
 * never two at once; a kick during a pass runs one more right after it, so nothing queued in the
 * meantime waits for the next tick. A pass that fails is reported and the next one runs anyway.
 */
export class PassLoop {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly failed: (error: unknown) => void,
  ) {}

  start(pollMs: number): void {
    this.timer = setInterval(() => this.kick(), pollMs);
    // A timer alone never keeps the server process up.
    this.timer.unref();
  }

  /** No more ticks; resolves when the pass under way (if any) is over. */
  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.running ?? Promise.resolve();
  }

  /** Runs a pass now, or right after the one running. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.failed(error))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }
}
