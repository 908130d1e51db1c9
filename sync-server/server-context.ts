import type { Authenticator } from './access/auth';
import type { DeviceRegistry } from './access/device-registry';
import type { DocumentStore } from './storage/document-store';
import type { DocumentValidator } from './gate/document-validator';
import type { RejectionLog } from './gate/rejection-log';
import type { ServerIndex } from './index/server-index';
import type { CustomerNeeds } from './index/customer-needs';
import type { SettingsHistory } from './history/settings-history';

/** What the API routes share. Built once in server.ts. */
export interface ServerContext {
  store: DocumentStore;
  auth: Authenticator;
  registry: DeviceRegistry;
  validator: DocumentValidator;
  rejections: RejectionLog;
  /** Every version of each store's settings; `refresh` it after writing a settings document. */
  settingsHistory: SettingsHistory;
  /** Lookups kept up to date from the changes feeds (server-index.ts); `catchUp` before reading. */
  index: ServerIndex;
  /** Which stores need which customers; a device's look-up records one (customer-needs.ts). */
  customerNeeds: CustomerNeeds;
  /** True when the store's registers receive every customer (customer-read-scope.ts). */
  allCustomers: (storeId: string) => boolean;
  /** Unconfirmed loyalty holds lapse after this long. */
  holdTtlMs: number;
  /** A register's PIN key, derived from the server's PIN secret (access/staff-pin.ts). */
  pinKeyOf: (deviceId: string) => Uint8Array;
  /** Documents the server wrote itself (reconciliation listens like it does for devices). */
  onAccepted: (db: string, docs: readonly Record<string, unknown>[]) => void;
}
