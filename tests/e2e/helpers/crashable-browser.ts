/**
 * Chromium started by the test itself on a profile folder that outlives it, so the browser can
 * be killed like a register losing power (SIGKILL to the whole process group: browser, renderer
 * and helpers at once) and started again on the same IndexedDB. Playwright drives it over CDP.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export interface CrashableBrowser {
  page: Page;
  /** Messages the page logged as errors. */
  consoleErrors: string[];
  /** Everything the page logged, errors included. */
  consoleMessages: string[];
  /** Chromium's own log lines about storage (IndexedDB, LevelDB, corruption), for diagnosis. */
  storageLog: string[];
  /** SIGKILL to every process of this Chromium; resolves once the browser process is gone. */
  kill(): Promise<void>;
  /** A clean shutdown. */
  close(): Promise<void>;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--window-size=1280,800',
  '--remote-debugging-port=0',
];

function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not open its DevTools endpoint:\n${output}`)),
      30_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code} before it listened:\n${output}`));
    });
  });
}

/** Starts Chromium on `profileDir` and opens `url` in its first tab. */
export async function launchOnProfile(profileDir: string, url: string): Promise<CrashableBrowser> {
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [...FLAGS, `--user-data-dir=${profileDir}`, 'about:blank'],
    // A process group of its own, so one signal reaches every Chromium process.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const storageLog: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (/indexeddb|leveldb|corrupt|backing store/i.test(line) && storageLog.length < 50)
        storageLog.push(line.trim());
    }
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('Chromium did not start; is it installed?');
  const browser: Browser = await chromium.connectOverCDP(await devToolsEndpoint(child));
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium opened without its default context.');
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  const consoleMessages: string[] = [];
  page.on('console', (message) => {
    consoleMessages.push(message.text());
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);

  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    page,
    consoleErrors,
    consoleMessages,
    storageLog,
    kill: async () => {
      killGroup('SIGKILL');
      await exited;
      // Helpers that outlive the browser process by a moment go with the same group.
      killGroup('SIGKILL');
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      killGroup('SIGTERM');
      await exited;
    },
  };
}
