/**
 * How the Electron shell runs on this machine, from the command line and the environment. Device
 * and sync settings are not here: the device host reads those (main/host/host-options.ts).
 */

export type CustomerDisplayMode = 'auto' | 'always' | 'never';

export interface ShellOptions {
  /** A locked, full-screen self-service window instead of the cashier screen. */
  kiosk: boolean;
  /** auto: open the customer display when a second screen is attached. */
  customerDisplay: CustomerDisplayMode;
  /** Developer tools: only in development; a packaged till never opens them. */
  devTools: boolean;
  /**
   * Seed the demo store (staff with well-known PINs) on a local sync-server: always in
   * development (`npm start`), on a packaged app only with `--demo` or OMNITILL_DEMO=1.
   */
  demoStore: boolean;
}

export type Environment = Readonly<Record<string, string | undefined>>;

function isOn(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

function isOff(value: string | undefined): boolean {
  return value !== undefined && ['0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

function customerDisplayMode(argv: readonly string[], env: Environment): CustomerDisplayMode {
  if (argv.includes('--no-customer-display')) return 'never';
  if (argv.includes('--customer-display')) return 'always';
  const fromEnv = env.OMNITILL_CUSTOMER_DISPLAY;
  if (isOn(fromEnv)) return 'always';
  if (isOff(fromEnv)) return 'never';
  return 'auto';
}

export function readShellOptions(
  argv: readonly string[],
  env: Environment,
  isPackaged: boolean,
): ShellOptions {
  return {
    kiosk: argv.includes('--kiosk') || isOn(env.OMNITILL_KIOSK),
    customerDisplay: customerDisplayMode(argv, env),
    // DevTools on a till would let anyone at the counter script the page and its device API.
    devTools: !isPackaged,
    demoStore: !isPackaged || argv.includes('--demo') || isOn(env.OMNITILL_DEMO),
  };
}
