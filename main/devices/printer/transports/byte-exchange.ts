/**
 * Question and answer over a byte stream (DLE EOT n → one status byte), shared by the TCP and
 * serial transports. Each question waits for its own answer with a timeout, so one unanswered
 * question costs one timeout and never blocks the others.
 */
export interface ByteDuplex {
  /** Subscribes to incoming bytes; returns the unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  write(bytes: Uint8Array): void;
}

export async function exchangeBytes(
  stream: ByteDuplex,
  requests: readonly Uint8Array[],
  timeoutMs: number,
): Promise<(number | null)[]> {
  const pending: number[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = stream.onData((chunk) => {
    pending.push(...chunk);
    wake?.();
  });
  try {
    const answers: (number | null)[] = [];
    for (const request of requests) {
      pending.length = 0;
      const answer = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          resolve(null);
        }, timeoutMs);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          resolve(pending.shift() ?? null);
        };
      });
      stream.write(request);
      answers.push(await answer);
    }
    return answers;
  } finally {
    unsubscribe();
  }
}
