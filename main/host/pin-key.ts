/**
 * The register's PIN key (issue #15), kept by the device host and never handed to the page: the
 * staff documents the register receives carry `HMAC-SHA256(key, PBKDF2(pin))` instead of the
 * PIN hash (src/documents/staff.ts `PinVerifier`), so the page computes PBKDF2 and asks the host
 * for the HMAC (`auth/pin-mac`). A copied replica (the browser profile's IndexedDB, Electron's
 * userData) then holds nothing a PIN can be guessed against.
 *
 * The key comes from the sync-server (`GET /api/v1/device/pin-key`, signed with the device's own
 * credentials, which the host holds) and is kept in a file of its own beside register.json,
 * mode 0600, or where `OMNITILL_PIN_KEY_FILE` says (another disk or a mounted secret), so the
 * register checks PINs offline after it has been online once. Each start fetches it again when
 * the server answers, so a server rebuilt with a new secret does not strand the register.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { DeviceResult } from '../../src/ipc/contract';

const KEY_BYTES = 32;
const FETCH_TIMEOUT_MS = 5000;

export interface PinKeyOptions {
  /** The sync-server's base URL (no trailing slash). */
  serverUrl: string;
  deviceId: string;
  deviceSecret: string;
  keyFile: string;
  fetchImpl?: typeof fetch;
}

export interface PinMac {
  /** HMAC-SHA256 with the register's key over a PBKDF2 hash (base64 in, base64 out). */
  mac(hash: string): Promise<DeviceResult<{ mac: string }>>;
}

export function pinKeyFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.OMNITILL_PIN_KEY_FILE || join(dataDir, 'device-pin.key');
}

function readKeyFile(path: string, deviceId: string): Buffer | null {
  if (!existsSync(path)) return null;
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { deviceId?: unknown; key?: unknown };
    if (saved.deviceId !== deviceId || typeof saved.key !== 'string') return null;
    const key = Buffer.from(saved.key, 'base64');
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

const NO_KEY =
  'Máy này chưa nhận khoá kiểm tra mã PIN: hãy kết nối máy chủ một lần rồi thử lại. / ' +
  'This register has not received its PIN key yet: connect it to the server once, then try again.';

export function createPinMac(options: PinKeyOptions): PinMac {
  let key = readKeyFile(options.keyFile, options.deviceId);
  let fetched: Promise<Buffer | null> | null = null;

  async function fetchKey(): Promise<Buffer | null> {
    if (!options.serverUrl || !options.deviceSecret) return null;
    const fetchImpl = options.fetchImpl ?? fetch;
    try {
      const response = await fetchImpl(`${options.serverUrl}/api/v1/device/pin-key`, {
        headers: {
          Authorization: `Basic ${Buffer.from(`${options.deviceId}:${options.deviceSecret}`).toString('base64')}`,
        },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!response.ok) return null;
      const body = (await response.json()) as { deviceId?: unknown; key?: unknown };
      if (body.deviceId !== options.deviceId || typeof body.key !== 'string') return null;
      const fresh = Buffer.from(body.key, 'base64');
      if (fresh.length !== KEY_BYTES) return null;
      if (!key || !fresh.equals(key)) {
        mkdirSync(dirname(options.keyFile), { recursive: true, mode: 0o700 });
        writeFileSync(
          options.keyFile,
          `${JSON.stringify({ deviceId: options.deviceId, key: body.key })}\n`,
          { mode: 0o600 },
        );
      }
      return fresh;
    } catch {
      // Offline or the server is down: the saved key (if any) goes on serving.
      return null;
    }
  }

  async function currentKey(): Promise<Buffer | null> {
    // Once per run, the server's answer wins over the saved key.
    fetched ??= fetchKey().then((fresh) => {
      if (fresh) key = fresh;
      else fetched = null;
      return fresh;
    });
    if (key) return key;
    return fetched;
  }

  return {
    async mac(hash) {
      const secret = await currentKey();
      if (!secret) return { ok: false, code: 'not-configured', message: NO_KEY, canRetry: true };
      const digest = createHmac('sha256', secret).update(Buffer.from(hash, 'base64')).digest();
      return { ok: true, value: { mac: digest.toString('base64') } };
    },
  };
}
