/**
 * The embedded defaults of a register with no central server configured: a local sync-server
 * in the app's data folder, and this register enrolled with it. Used by `npm start` and by the
 * packaged Electron app alike. The demo store (staff with well-known PINs) is seeded only when the
 * caller asks: `npm start` does, a packaged app only with `--demo` (readShellOptions).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HostConfigError, readRegisterConfig, writeRegisterConfig } from '../host/host-options';
import type { HostOptions } from '../host/host-options';
import { ensureEnrolled, startLocalSyncServer } from './local-sync-server';
import type { SyncServerCommand } from './local-sync-server';

export interface EmbeddedDefaults {
  options: HostOptions;
  /** The local sync-server's URL, when one was started. */
  localServerUrl: string | null;
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
    return { options, localServerUrl: null, stop: () => Promise.resolve() };
  }
  if (!seeding.seedDemo && !existsSync(join(options.dataDir, 'sync-server'))) {
    // A new local server without the demo store has no staff and no catalog: nobody could sign
    // in. Until a first-run setup exists, say how to go on instead of opening a dead till.
    throw new HostConfigError(
      'Chưa có máy chủ đồng bộ: đặt OMNITILL_SERVER_URL (hoặc serverUrl trong register.json) ' +
        'tới máy chủ của cửa hàng, hoặc chạy với --demo để dùng thử cửa hàng mẫu. / ' +
        'No sync-server is set up: set OMNITILL_SERVER_URL (or serverUrl in register.json) to ' +
        "your store's server, or start with --demo to try the demo store.",
    );
  }
  const server = await startLocalSyncServer({
    command,
    dataDir: options.dataDir,
    port,
    log,
    seedDemo: seeding.seedDemo,
  });
  try {
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
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
