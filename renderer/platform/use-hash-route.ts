/**
 * Screens are addressed by the URL hash (`#/manager`, `#/customer-display`, `#/kiosk`), which
 * works the same from `app://` in Electron and from the browser shell's loopback page.
 */
import { useSyncExternalStore } from 'react';

function currentRoute(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash.split('?')[0] || '/' : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, currentRoute);
}

export function navigate(route: string): void {
  window.location.hash = route;
}
