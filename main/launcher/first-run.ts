/**
 * The first-run setup of a register with its own local sync-server and no demo store (issue #15):
 * the host, which holds the local server's admin token, writes the store's settings and its
 * first manager over the admin API, enrols the register and saves who it is in register.json.
 * The page only sends what the manager typed (`setup/complete`); it never sees the admin token
 * nor the device secret (docs/SECURITY.md).
 */
import { DOCUMENT_TYPE_NAMES, DOCUMENT_TYPES } from '../../src/documents/registry';
import { firstRunManager, firstRunProblem, firstRunStoreSettings } from '../../src/setup/first-run';
import { FirstRunRefused } from '../host/first-run-port';
import type { FirstRun } from '../host/first-run-port';
import { readRegisterConfig, writeRegisterConfig } from '../host/host-options';
import type { RegisterConfig } from '../host/host-options';
import { ensureEnrolled } from './local-sync-server';

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Whether the local server holds any member of staff (the demo's or an earlier setup's). */
export async function serverHasStaff(serverUrl: string, adminToken: string): Promise<boolean> {
  const response = await fetch(`${serverUrl}/db/staff/_all_docs?limit=5`, {
    headers: { Authorization: basic('admin', adminToken) },
  });
  if (response.status === 404) return false;
  if (!response.ok) {
    throw new Error(`Could not read the local server's staff: ${response.status}.`);
  }
  const body = (await response.json()) as { rows?: { id: string }[] };
  return (body.rows ?? []).some((row) => !row.id.startsWith('_design/'));
}

export function createFirstRun(options: {
  serverUrl: string;
  adminToken: string;
  dataDir: string;
  config: RegisterConfig;
}): FirstRun {
  const admin = basic('admin', options.adminToken);
  let done = false;
  let running = false;

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${options.serverUrl}${path}`, {
      method,
      headers: { Authorization: admin, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
  async function mustSucceed(what: string, response: Response, allow: number[] = []) {
    if (response.ok || allow.includes(response.status)) return;
    throw new Error(`First-run setup: ${what} failed: ${response.status} ${await response.text()}`);
  }

  const alreadyDone = new FirstRunRefused({
    vi: `Cửa hàng đã được thiết lập; chỉ thiết lập một lần. Muốn làm lại từ đầu: tắt ứng dụng và xóa thư mục dữ liệu ${options.dataDir}.`,
    en: `This register is set up already; setup runs once. To start over, quit the app and delete the data folder ${options.dataDir}.`,
  });

  return {
    needed: () => !done,
    async complete(input) {
      if (done) throw alreadyDone;
      if (running) {
        throw new FirstRunRefused({
          vi: 'Đang thiết lập; hãy chờ kết quả của lần gửi trước.',
          en: 'Setup is under way; wait for the answer to the first submit.',
        });
      }
      const problem = firstRunProblem(input);
      if (problem) throw new FirstRunRefused(problem);
      running = true;
      try {
        // Someone may have set the server up another way meanwhile (npm run admin, a migrate).
        if (await serverHasStaff(options.serverUrl, options.adminToken)) {
          done = true;
          throw alreadyDone;
        }
        const now = new Date().toISOString();
        for (const name of DOCUMENT_TYPE_NAMES) {
          if (DOCUMENT_TYPES[name].scope !== 'store') continue;
          const database = `${name}-${input.storeId}`;
          // 412: the database is there already.
          await mustSucceed(`creating ${database}`, await call('PUT', `/db/${database}`), [412]);
        }
        const { id, ...settings } = firstRunStoreSettings(input, now);
        const path = `/db/settings/${encodeURIComponent(id)}`;
        // A setup cut short after this write (no manager yet) is run again: replace what it left.
        const earlier = await call('GET', path);
        const rev = earlier.ok ? ((await earlier.json()) as { _rev?: string })._rev : undefined;
        await mustSucceed(
          "writing the store's settings",
          await call('PUT', path, { _id: id, ...(rev ? { _rev: rev } : {}), ...settings }),
        );
        const manager = firstRunManager(input);
        await mustSucceed(
          'creating the manager',
          await call('POST', `/api/v1/admin/staff/${encodeURIComponent(manager.id)}`, {
            ...manager,
            pin: input.pin,
          }),
        );
        const enrolled = await ensureEnrolled(options.serverUrl, options.adminToken, {
          ...options.config,
          storeId: input.storeId,
          registerId: input.registerId,
          deviceId: '',
          deviceSecret: '',
        });
        writeRegisterConfig(options.dataDir, {
          ...readRegisterConfig(options.dataDir),
          storeId: enrolled.storeId,
          registerId: enrolled.registerId,
          deviceId: enrolled.deviceId,
          deviceSecret: enrolled.deviceSecret,
        });
        done = true;
        return { ...enrolled, serverUrl: options.serverUrl };
      } finally {
        running = false;
      }
    },
  };
}
