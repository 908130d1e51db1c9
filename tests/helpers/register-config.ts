/** The AppConfig of a register enrolled on a test sync-server, as the launcher would build it. */
import type { AppConfig } from '../../src/ipc/contract';
import type { EnrolledDevice, SyncServerProcess } from './sync-server-process';

export function registerConfig(
  server: Pick<SyncServerProcess, 'url'>,
  device: EnrolledDevice,
  registerId: string,
): AppConfig {
  return {
    shell: 'browser',
    storeId: device.storeId,
    registerId,
    deviceId: device.deviceId,
    deviceSecret: device.secret,
    syncUrl: `${server.url}/db`,
    apiUrl: `${server.url}/api/v1`,
    locale: 'vi-VN',
    kiosk: false,
  };
}
