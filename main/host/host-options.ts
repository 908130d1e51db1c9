/**
 * Where a register finds its configuration: a `register.json` in its data folder (written on
 * first start with the demo defaults), overridden by environment variables. Both shells, and
 * the launcher, resolve options through this one function.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PrinterSetup, ScannerSetup } from '../../src/ipc/contract';

export type PrinterConfig = PrinterSetup;
export type ScannerConfig = ScannerSetup;

export interface RegisterConfig {
  storeId: string;
  registerId: string;
  /** Central sync-server; empty means "start a local one with the demo store". */
  serverUrl: string;
  deviceId: string;
  deviceSecret: string;
  locale: 'vi-VN' | 'en-US';
  printer: PrinterConfig | null;
  scanners: ScannerConfig[];
  poleDisplay: { path: string; baudRate: number } | null;
  /** Allow plain HTTP to a sync-server beyond this machine (a lab; never a store LAN). */
  allowPlainHttp?: boolean;
}

export interface HostOptions {
  dataDir: string;
  config: RegisterConfig;
  kiosk: boolean;
}

export const DEFAULT_REGISTER_CONFIG: RegisterConfig = {
  storeId: 'hcm-q1',
  registerId: 'reg-01',
  serverUrl: '',
  deviceId: '',
  deviceSecret: '',
  locale: 'vi-VN',
  printer: null,
  scanners: [],
  poleDisplay: null,
};

export class HostConfigError extends Error {
  override readonly name = 'HostConfigError';
}

/** The per-user application data folder, as each desktop platform expects it. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Omnitill');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Omnitill');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'omnitill');
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index >= 0) return argv[index + 1];
  const prefix = `${name}=`;
  return argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

export function registerConfigPath(dataDir: string): string {
  return join(dataDir, 'register.json');
}

export function readRegisterConfig(dataDir: string): RegisterConfig {
  const path = registerConfigPath(dataDir);
  if (!existsSync(path)) return { ...DEFAULT_REGISTER_CONFIG };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new HostConfigError(
      `${path} is not valid JSON (${(error as Error).message}). Fix the file or delete it to start again with the demo defaults.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HostConfigError(`${path} must hold a JSON object. Fix the file or delete it.`);
  }
  return { ...DEFAULT_REGISTER_CONFIG, ...(parsed as Partial<RegisterConfig>) };
}

export function writeRegisterConfig(dataDir: string, config: RegisterConfig): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(registerConfigPath(dataDir), `${JSON.stringify(config, null, 2)}\n`, {
    mode: 0o600,
  });
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Why the register must not talk to this sync-server, or null. The register sends its device
 * secret with every request, so plain HTTP is refused unless the server is on this machine or the
 * configuration allows it on purpose (docs/SECURITY.md).
 */
export function serverUrlProblem(serverUrl: string, allowPlainHttp: boolean): string | null {
  if (!serverUrl) return null;
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return `The sync-server address "${serverUrl}" is not a URL; write it like https://pos.example.vn:7070. / Địa chỉ máy chủ đồng bộ "${serverUrl}" không hợp lệ; hãy ghi dạng https://pos.example.vn:7070.`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') {
    return `The sync-server address must start with https:// (or http:// on this machine), not ${url.protocol}. / Địa chỉ máy chủ đồng bộ phải bắt đầu bằng https://.`;
  }
  if (LOOPBACK.test(url.hostname) || allowPlainHttp) return null;
  return `The sync-server ${url.host} is reached over plain HTTP, so this register's secret would cross the network in clear. Use its https:// address (the server's --tls-cert, or a TLS proxy), or set OMNITILL_ALLOW_PLAIN_HTTP=1 for a test lab. / Máy chủ đồng bộ ${url.host} dùng HTTP không mã hoá, mật khẩu của máy bán hàng sẽ đi qua mạng ở dạng rõ. Hãy dùng địa chỉ https:// hoặc đặt OMNITILL_ALLOW_PLAIN_HTTP=1 khi thử nghiệm.`;
}

/** Options from `--data DIR`, `--kiosk`, OMNITILL_* variables and register.json. */
export function loadHostOptions(env: NodeJS.ProcessEnv, argv: readonly string[]): HostOptions {
  const dataDir = resolve(argValue(argv, '--data') ?? env.OMNITILL_DATA ?? defaultDataDir(env));
  const config = readRegisterConfig(dataDir);
  if (env.OMNITILL_SERVER_URL) config.serverUrl = env.OMNITILL_SERVER_URL;
  if (env.OMNITILL_STORE_ID) config.storeId = env.OMNITILL_STORE_ID;
  if (env.OMNITILL_REGISTER_ID) config.registerId = env.OMNITILL_REGISTER_ID;
  if (env.OMNITILL_DEVICE_ID) config.deviceId = env.OMNITILL_DEVICE_ID;
  if (env.OMNITILL_DEVICE_SECRET) config.deviceSecret = env.OMNITILL_DEVICE_SECRET;
  if (env.OMNITILL_LOCALE === 'vi-VN' || env.OMNITILL_LOCALE === 'en-US')
    config.locale = env.OMNITILL_LOCALE;
  if (env.OMNITILL_PRINTER) {
    config.printer = {
      url: env.OMNITILL_PRINTER,
      type: env.OMNITILL_PRINTER_TYPE === 'star' ? 'star' : 'epson',
      widthMm: env.OMNITILL_PRINTER_WIDTH === '58' ? 58 : 80,
      mode: env.OMNITILL_PRINTER_MODE === 'raster' ? 'raster' : 'codepage',
      codepage: env.OMNITILL_PRINTER_CODEPAGE === 'tcvn3' ? 'tcvn3' : 'cp1258',
      drawer: { pin: 2, onMs: 50, offMs: 500 },
    };
  }
  if (env.OMNITILL_SCANNERS) {
    config.scanners = env.OMNITILL_SCANNERS.split(',')
      .filter(Boolean)
      .map((entry, index) => {
        const [path = '', baud] = entry.split('@');
        return { id: `scanner-${index + 1}`, path, baudRate: baud ? Number(baud) : 9600 };
      });
  }
  const problem = serverUrlProblem(
    config.serverUrl,
    config.allowPlainHttp === true || env.OMNITILL_ALLOW_PLAIN_HTTP === '1',
  );
  if (problem) throw new HostConfigError(problem);
  const kiosk = argv.includes('--kiosk') || env.OMNITILL_KIOSK === '1';
  return { dataDir, config, kiosk };
}
