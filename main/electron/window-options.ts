/**
 * The options every Omnitill window is created with. One place decides the security flags so a
 * new window cannot forget one; the role only changes size, placement and chrome.
 */
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/**
 * cashier: the register screen. customer-display: the second, customer-facing screen that mirrors
 * the sale. kiosk: a self-service screen, full screen and locked (`--kiosk`).
 */
export type WindowRole = 'cashier' | 'customer-display' | 'kiosk';

/** The renderer route each role opens (hash routing in renderer/). */
export const WINDOW_ROUTES: Readonly<Record<WindowRole, string>> = {
  cashier: '/',
  'customer-display': '/customer-display',
  kiosk: '/kiosk',
};

const BACKGROUND_COLOR = '#0f172a';

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    // The renderer is web content: isolated world, sandboxed process, no Node.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file on the till must not navigate away from the sale.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export interface WindowOptionsInput {
  role: WindowRole;
  preloadPath: string;
  devTools: boolean;
  /** Bounds of the screen the window belongs on; the customer display fills its own screen. */
  displayBounds?: Rectangle;
}

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    title: 'Omnitill',
    backgroundColor: BACKGROUND_COLOR,
    // Shown on 'ready-to-show', so a cashier never sees a blank white frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(input.preloadPath, input.devTools),
  };
  switch (input.role) {
    case 'cashier':
      return { ...common, width: 1280, height: 800, minWidth: 1024, minHeight: 700 };
    case 'kiosk':
      return { ...common, kiosk: true, fullscreen: true, frame: false };
    case 'customer-display': {
      const bounds = input.displayBounds;
      return {
        ...common,
        title: 'Omnitill customer display',
        // Keyboard-wedge scanners type into the focused window: it must stay the cashier's.
        focusable: false,
        frame: false,
        ...(bounds === undefined ? { width: 1024, height: 600 } : { ...bounds, fullscreen: true }),
      };
    }
  }
}

export interface DisplayLike {
  id: number;
  bounds: Rectangle;
}

/** The screen for the customer display: the first one that is not the cashier's, if any. */
export function pickCustomerDisplay(
  displays: readonly DisplayLike[],
  primaryDisplayId: number,
): DisplayLike | undefined {
  return displays.find((display) => display.id !== primaryDisplayId);
}
