/**
 * The embedded defaults of a register with no central server configured: a local sync-server
 * in the app's data folder, and this register enrolled with it. Used by `npm start` and by the
 * packaged Electron app alike. The demo store (staff with well-known PINs) is seeded only when the
 * caller asks: `npm start` does, a packaged app only with `--demo` (readShellOptions). Without
 * it, a local server with no staff yet is started empty and the first-run setup fills it.
 */
import { readRegisterConfig, writeRegisterConfig } from '../host/host-options';
import type { HostOptions } from '../host/host-options';
import type { FirstRun } from '../host/first-run-port';
import { createFirstRun, serverHasStaff } from './first-run';
import { ensureEnrolled, startLocalSyncServer } from './local-sync-server';
import type { SyncServerCommand } from './local-sync-server';

export interface EmbeddedDefaults {
  options: HostOptions;
  /** The local sync-server's URL, when one was started. */
  localServerUrl: string | null;
  /**
   * Set when the local server has no staff and no demo was asked for: the register is not
   * enrolled yet and the page shows the first-run setup (first-run.ts).
   */
  firstRun: FirstRun | null;
  stop(): Promise<void>;
}

export async function withEmbeddedDefaults(
  options: HostOptions,
  command: SyncServerCommand,
  port: number,
  log: (line: string) => void,
  seeding: { seedDemo: boolean },
): Promise<EmbeddedDefaults> {
  if (options.config.serverUrl) {
    return { options, localServerUrl: null, firstRun: null, stop: () => Promise.resolve() };
  }
  const server = await startLocalSyncServer({
    command,
    dataDir: options.dataDir,
    port,
    log,
    seedDemo: seeding.seedDemo,
  });
  try {
    if (!seeding.seedDemo && !(await serverHasStaff(server.url, server.adminToken))) {
      // Nobody could sign in to a server without staff: the page asks for the store and its
      // first manager instead of opening a dead till, and the host writes them.
      const config = { ...options.config, serverUrl: server.url, deviceId: '', deviceSecret: '' };
      return {
        options: { ...options, config },
        localServerUrl: server.url,
        firstRun: createFirstRun({
          serverUrl: server.url,
          adminToken: server.adminToken,
          dataDir: options.dataDir,
          config: options.config,
        }),
        stop: () => server.stop(),
      };
    }
    const enrolled = await ensureEnrolled(server.url, server.adminToken, options.config);
    if (
      enrolled.deviceId !== options.config.deviceId ||
      enrolled.deviceSecret !== options.config.deviceSecret
    ) {
      // Only who the register now is goes into register.json: what this start was told by
      // OMNITILL_* variables (a language, say) is for this start, and the local server's URL is
      // left out because its port may differ on the next start.
      const saved = readRegisterConfig(options.dataDir);
      writeRegisterConfig(options.dataDir, {
        ...saved,
        storeId: enrolled.storeId,
        registerId: enrolled.registerId,
        deviceId: enrolled.deviceId,
        deviceSecret: enrolled.deviceSecret,
      });
    }
    return {
      options: { ...options, config: { ...enrolled, serverUrl: server.url } },
      localServerUrl: server.url,
      firstRun: null,
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
