import { useEffect } from 'react';

export const DEFAULT_KIOSK_IDLE_MS = 30_000;

/**
 * The idle timeout: `#/kiosk?idleMs=5000` overrides the default (tests and stores with a busy
 * floor), within sane bounds so a typo cannot keep a customer's points on screen for an hour.
 */
export function kioskIdleMs(hash: string): number {
  const query = hash.split('?')[1] ?? '';
  const value = Number(new URLSearchParams(query).get('idleMs'));
  return Number.isSafeInteger(value) && value >= 1000 && value <= 600_000
    ? value
    : DEFAULT_KIOSK_IDLE_MS;
}

/** Calls `onIdle` after `idleMs` without a touch, a key or a scan, while `active`. */
export function useIdleReset(active: boolean, idleMs: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return undefined;
    let timer = setTimeout(onIdle, idleMs);
    const restart = (): void => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, idleMs);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const name of events) window.addEventListener(name, restart, true);
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, restart, true);
    };
  }, [active, idleMs, onIdle]);
}
