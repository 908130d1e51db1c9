/**
 * A sync-server with the demo store for one test, as `startSyncServerProcess({ seedDemo: true })`
 * starts it, but from the copy of the demo the run's global setup seeded
 * (demo-template.ts), unless that seed ran on another business day.
 */
import { inject } from 'vitest';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { SyncServerProcess } from '../../helpers/sync-server-process';
import { seededToday } from './demo-template';

export function startDemoSyncServer(): Promise<SyncServerProcess> {
  const template = inject('demoTemplate');
  return startSyncServerProcess({
    seedDemo: true,
    ...(template.serverDir && seededToday(template) ? { template: template.serverDir } : {}),
  });
}
