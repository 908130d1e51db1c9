/**
 * The register's long-lived services, made once at start-up (boot.ts) and shared by the screens.
 */
import type { StaffDoc } from '../src/documents';
import type { AppConfig, DeviceApi } from '../src/ipc/contract';
import { CatalogIndex } from '../src/search';
import type { ReplicaDatabase } from './data/database';
import type { ReplicationHandle } from './data/replication';
import { worksInStore } from '../src/staff/staff-rules';

export interface Services {
  api: DeviceApi;
  config: AppConfig;
  db: ReplicaDatabase;
  catalog: CatalogIndex;
  replication: ReplicationHandle;
}

let current: Services | null = null;

export function setServices(services: Services): void {
  current = services;
}

export function services(): Services {
  if (!current) throw new Error('The register has not started yet.');
  return current;
}

/** Staff who may sign in at this store. */
export async function storeStaff(): Promise<StaffDoc[]> {
  const { db, config } = services();
  const docs = await db.staff.find().exec();
  return docs
    .map((doc) => doc.toJSON() as StaffDoc)
    .filter((member) => member.active && worksInStore(member, config.storeId));
}

export { CatalogIndex };
