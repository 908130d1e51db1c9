import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, isCustomerDisplay } from './app';
import { boot } from './boot';
import { useAppStore } from './state/app-store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The customer display opens no replica (one database per register); it only listens.
if (!isCustomerDisplay()) {
  boot().catch((error: unknown) => {
    console.error(error);
    useAppStore
      .getState()
      .setPhase('failed', error instanceof Error ? error.message : String(error));
  });
}
