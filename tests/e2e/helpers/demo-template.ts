/**
 * The demo store seeded once per end-to-end run. Seeding a fresh data folder (the demo's ~9,000
 * documents, then the sync-server's index and reconciliation over them) took 5-6 s of every
 * launchApp() and of every demo sync-server a test started. The run's global setup now starts
 * the launcher once on a template folder until it is ready (seeded, indexed, this register
 * enrolled) and a bare sync-server with the demo once on another, stops both, and launchApp and
 * startDemoSyncServer (demo-sync-server.ts) copy them into each test's fresh folder. The copy is
 * what a second start on the same folder finds: the index resumes from its checkpoint and the
 * register's credentials in register.json still work. Nothing in either folder names its own
 * path or a port (both are chosen at start); the server's admin token comes from the
 * environment at each start.
 *
 * Not for a test about the start itself: a caller's own data folder, the launcher's own build
 * (foundation), the first-run path (OMNITILL_DEMO=0), another seed (OMNITILL_DEMO_HISTORY) or a
 * central server (OMNITILL_SERVER_URL) keep the real fresh start. The seed's dates are relative
 * to when it ran: a template seeded on another business day than now (the run crossed midnight
 * in the demo store's time zone) is not used either, so "today" in a test is the seed's today.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { businessDate } from '../../../src/store-clock';
import { startSyncServerProcess, TEST_COUCHDB_URL } from '../../helpers/sync-server-process';
import { startLauncher } from './launcher-process';

/** The demo stores' time zone (no `timeZone` in their settings: src/store-clock's default). */
const DEMO_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Variables that change what a fresh start seeds or whether it seeds at all. */
const SEEDING_ENV = ['OMNITILL_DEMO', 'OMNITILL_DEMO_HISTORY', 'OMNITILL_SERVER_URL'];

/**
 * `OMNITILL_E2E_FRESH_SEED=1` seeds no template: every start seeds its own folder, as before
 * the template (to measure what it saves, or to rule it out when a test fails).
 */
export const NO_TEMPLATE: DemoTemplate = { dir: '', serverDir: '', seededAt: 0 };

export function wantsFreshSeed(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes|on)$/i.test(env.OMNITILL_E2E_FRESH_SEED?.trim() ?? '');
}

export interface DemoTemplate {
  /** `npm start`'s data folder: the local sync-server's data and register.json. */
  dir: string;
  /** A sync-server's data dir with the demo; '' when the tests store in CouchDB. */
  serverDir: string;
  /** When the seeds ran (ms since the epoch). */
  seededAt: number;
}

/** Seeds both templates, each started on an empty folder until ready, then stopped. */
export async function seedDemoTemplate(rendererDir: string): Promise<DemoTemplate> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-e2e-template-'));
  const seededAt = Date.now();
  const seedApp = async (): Promise<void> => {
    const launcher = await startLauncher(dir, { OMNITILL_RENDERER_DIR: rendererDir });
    await launcher.stop();
  };
  const seedServer = async (): Promise<string> => {
    if (TEST_COUCHDB_URL) return '';
    const server = await startSyncServerProcess({ seedDemo: true });
    await server.stop({ keepData: true });
    return server.dataDir;
  };
  const [app, server] = await Promise.allSettled([seedApp(), seedServer()]);
  if (app.status === 'rejected' || server.status === 'rejected') {
    rmSync(dir, { recursive: true, force: true });
    if (server.status === 'fulfilled' && server.value)
      rmSync(server.value, { recursive: true, force: true });
    throw app.status === 'rejected' ? app.reason : (server as PromiseRejectedResult).reason;
  }
  return { dir, serverDir: server.value, seededAt };
}

/** Removes both template folders. */
export function removeDemoTemplate(template: DemoTemplate): void {
  if (template.dir) rmSync(template.dir, { recursive: true, force: true });
  if (template.serverDir) rmSync(template.serverDir, { recursive: true, force: true });
}

/** The seed ran on the business day it is now in the demo stores (see above). */
export function seededToday(template: DemoTemplate, now = Date.now()): boolean {
  if (!template.dir) return false;
  return businessDate(template.seededAt, DEMO_TIME_ZONE) === businessDate(now, DEMO_TIME_ZONE);
}

/** Whether a start with these options may begin from the template rather than seed afresh. */
export function startsFromTemplate(
  options: { dataDir?: string; ownBuild?: boolean; env?: Record<string, string> },
  template: DemoTemplate,
  now = Date.now(),
): boolean {
  if (options.dataDir !== undefined || options.ownBuild) return false;
  if (SEEDING_ENV.some((name) => options.env?.[name] !== undefined)) return false;
  return seededToday(template, now);
}

/** The template copied into a fresh data folder. */
export function copyDemoTemplate(template: DemoTemplate, dataDir: string): void {
  cpSync(template.dir, dataDir, { recursive: true });
}
