/**
 * A 2 x 20 customer pole display on a serial port. It mirrors CustomerDisplayState: the last
 * item and the total during a sale, a welcome when idle, a thank-you after payment. The last
 * state is kept, so a display that is unplugged and plugged back in shows the right screen again.
 */
import type { CustomerDisplayState, DeviceResult, DeviceStatus } from '../../../src/ipc/contract';
import { ListenerSet } from '../scanner/listener-set';
import { SerialConnection } from '../scanner/serial-connection';
import type {
  ConnectionState,
  OpenSerialPort,
  ReconnectPolicy,
  SerialSettings,
} from '../scanner/serial-connection';
import { toDisplayAscii } from './ascii-transliterate';
import {
  CLEAR_SCREEN,
  INITIALIZE,
  OVERWRITE_MODE,
  asciiBytes,
  concatBytes,
  moveCursor,
  selectCodeTable,
} from './pole-display-commands';
import { DEFAULT_POLE_MESSAGES, layoutPoleDisplay } from './pole-display-layout';
import type { DisplayLocale, PoleDisplayMessages } from './pole-display-layout';

/** A display code table that holds the text as is (e.g. a Vietnamese one). */
export interface DisplayCodeTable {
  /** The n of `ESC t n` for this table on this display model. */
  escT: number;
  /** Encodes one line already fitted to the width: one byte per character, no control bytes. */
  encode(line: string): Uint8Array;
}

export interface PoleDisplayOptions extends SerialSettings {
  id: string;
  name?: string;
  /** Characters per line. Default 20. */
  columns?: number;
  /** Without one, text is transliterated to ASCII (no Vietnamese code page on most displays). */
  codeTable?: DisplayCodeTable;
  messages?: Partial<Record<DisplayLocale, Partial<PoleDisplayMessages>>>;
  reconnect?: ReconnectPolicy;
  openPort?: OpenSerialPort;
  /** See SerialConnectionOptions.presenceCheckMs. */
  presenceCheckMs?: number;
}

/** What the host needs from any customer display; a fake implements it for tests. */
export interface CustomerDisplayAdapter {
  readonly id: string;
  start(): void;
  stop(): Promise<void>;
  status(): DeviceStatus;
  onStatus(listener: (status: DeviceStatus) => void): () => void;
  show(state: CustomerDisplayState): Promise<DeviceResult>;
}

export class PoleDisplay implements CustomerDisplayAdapter {
  readonly id: string;
  readonly name: string;
  private readonly columns: number;
  private readonly codeTable: DisplayCodeTable | undefined;
  private readonly messages: Record<DisplayLocale, PoleDisplayMessages>;
  private readonly connection: SerialConnection;
  private readonly statusListeners = new ListenerSet<DeviceStatus>();
  private lastState: CustomerDisplayState | null = null;
  /** The two lines on the glass now, to skip rewriting an unchanged screen (slow at 9600). */
  private onScreen: string | null = null;

  constructor(options: PoleDisplayOptions) {
    this.id = options.id;
    this.name = options.name ?? `Customer display on ${options.path}`;
    this.columns = options.columns ?? 20;
    if (!Number.isInteger(this.columns) || this.columns < 1 || this.columns > 255) {
      throw new RangeError(`columns must be 1..255, got ${this.columns}`);
    }
    this.codeTable = options.codeTable;
    this.messages = {
      'vi-VN': { ...DEFAULT_POLE_MESSAGES['vi-VN'], ...options.messages?.['vi-VN'] },
      'en-US': { ...DEFAULT_POLE_MESSAGES['en-US'], ...options.messages?.['en-US'] },
    };
    this.connection = new SerialConnection(options);
    this.connection.onState((state) => {
      // Whatever was on the glass is unknown once the port is gone; rewrite it on return.
      if (state.state !== 'ready') this.onScreen = null;
      this.statusListeners.emit(this.toStatus(state));
    });
    this.connection.onOpen(() => {
      this.onScreen = null;
      void this.writeScreen(true);
    });
  }

  start(): void {
    this.connection.start();
  }

  stop(): Promise<void> {
    return this.connection.stop();
  }

  status(): DeviceStatus {
    return this.toStatus(this.connection.state());
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  /**
   * Shows the state. While the display is offline the state is kept and shown on reconnect; the
   * result says 'offline' so the caller knows it is not on the glass yet.
   */
  show(state: CustomerDisplayState): Promise<DeviceResult> {
    this.lastState = state;
    return this.writeScreen(false);
  }

  /** The two lines this display would show for a state (as text, before encoding). */
  linesFor(state: CustomerDisplayState): [string, string] {
    return layoutPoleDisplay(state, {
      columns: this.columns,
      messages: this.messages[state.locale],
      toDisplayText: this.codeTable ? stripControls : toDisplayAscii,
    });
  }

  private async writeScreen(initialize: boolean): Promise<DeviceResult> {
    const parts: Uint8Array[] = [];
    if (initialize) {
      parts.push(INITIALIZE, OVERWRITE_MODE);
      if (this.codeTable) parts.push(selectCodeTable(this.codeTable.escT));
      parts.push(CLEAR_SCREEN);
    }
    let screen: string | null = null;
    if (this.lastState) {
      const lines = this.linesFor(this.lastState);
      screen = lines.join('\n');
      if (screen !== this.onScreen) {
        lines.forEach((line, index) => parts.push(moveCursor(1, index + 1), this.encode(line)));
      }
    }
    if (parts.length === 0) return { ok: true, value: null };
    const result = await this.connection.write(concatBytes(parts));
    if (result.ok) this.onScreen = screen;
    return result;
  }

  private encode(line: string): Uint8Array {
    return this.codeTable ? this.codeTable.encode(line) : asciiBytes(line);
  }

  private toStatus(state: ConnectionState): DeviceStatus {
    const status: DeviceStatus = {
      id: this.id,
      kind: 'display',
      name: this.name,
      state: state.state,
    };
    if (state.message !== undefined) status.message = state.message;
    return status;
  }
}

/** With a real code table, text stays as is except control characters (no command injection). */
function stripControls(text: string): string {
  return text.replace(/[\p{Cc}]/gu, ' ');
}
