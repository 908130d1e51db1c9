/**
 * Starts the app the way a newcomer does (`npm start`), in the browser shell, with a fresh data
 * folder: the launcher starts a local sync-server with the demo store and serves the app built
 * once for the run. Each test gets its own folder, ports and browser profile. The fresh folder
 * starts as a copy of the demo the run's global setup seeded (demo-template.ts), unless the test
 * is about the start itself; then the launcher seeds it as on a first `npm start`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { copyDemoTemplate, startsFromTemplate } from './demo-template';
import { startLauncher } from './launcher-process';

export { PROJECT_ROOT } from './launcher-process';

export interface RunningApp {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  env?: Record<string, string>;
  dataDir?: string;
  /** Let `npm start` build the renderer itself instead of using the run's prebuilt one. */
  ownBuild?: boolean;
}

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'omnitill-e2e-'));
  const template = inject('demoTemplate');
  if (startsFromTemplate(options, template)) copyDemoTemplate(template, dataDir);
  try {
    const launcher = await startLauncher(dataDir, {
      ...(options.ownBuild ? {} : { OMNITILL_RENDERER_DIR: inject('rendererDir') }),
      ...options.env,
    });
    return {
      url: launcher.url,
      dataDir,
      output: launcher.output,
      stop: async () => {
        await launcher.stop();
        if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
