/**
 * A small typed listener list. Registering returns its unregister function (so a screen that
 * subscribes on mount can unsubscribe on unmount without keeping the handler around), and a
 * throwing listener never stops the others nor the device that emitted.
 */
export class ListenerSet<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly onListenerError?: (error: unknown) => void) {}

  add(listener: (value: T) => void): () => void {
    // Wrap so the same function registered twice gets two independent registrations.
    const entry = (value: T): void => listener(value);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError?.(error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}
