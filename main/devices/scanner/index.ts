export { FakeScanner } from './fake-scanner';
export { ListenerSet } from './listener-set';
export { DEFAULT_MAX_SCAN_LENGTH, ScanFramer, describeBytes } from './scan-framer';
export type { FramerOutput, FramerWarningCode, ScanFramerOptions, ScanSuffix } from './scan-framer';
export { ScannerManager } from './scanner-manager';
export type { ScanHandler } from './scanner-manager';
export type {
  ScanEvent,
  ScannerAdapter,
  ScannerWarning,
  ScannerWarningCode,
} from './scanner-types';
export { DEFAULT_BAUD_RATE, SerialConnection, describeOpenError } from './serial-connection';
export type {
  ConnectionState,
  OpenSerialPort,
  Parity,
  ReconnectPolicy,
  SerialConnectionOptions,
  SerialPortLike,
  SerialSettings,
} from './serial-connection';
export { DEFAULT_INTER_CHAR_TIMEOUT_MS, SerialScanner } from './serial-scanner';
export type { SerialScannerOptions } from './serial-scanner';
