/**
 * Start-up: reach the device host, open the local replica, start replication and build the
 * catalog index. A register that already holds its catalog is usable at once, online or not;
 * a fresh one shows the first sync's progress and is usable as soon as the catalog is in.
 */
import type { ProductDoc, StoreSettingsDoc } from '../src/documents';
import { CatalogIndex } from '../src/search';
import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { MangoQuery } from 'rxdb';
import { openReplica } from './data/database';
import type { ReplicaDatabase } from './data/database';
import { startReplication } from './data/replication';
import { connectDeviceApi, mustInvoke } from './platform/device-api';
import { pushAuditOutbox } from './audit/audit-trail';
import { dispatchScan } from './devices/scan-router';
import { followPrintJobs } from './sell/receipt-printing';
import { setServices } from './services';
import { useAppStore } from './state/app-store';

const CATALOG_COLLECTIONS = ['products', 'staff', 'settings'];

/**
 * Every product the replica holds, read straight from the storage: the index needs plain data,
 * and making an RxDocument for each of 100,000 products was most of the cold start
 * (docs/BENCHMARKS.md).
 */
async function heldProducts(db: ReplicaDatabase): Promise<ProductDoc[]> {
  const schema = db.products.schema.jsonSchema;
  const query = prepareQuery(
    schema,
    normalizeMangoQuery(schema, {
      selector: { _deleted: { $eq: false } },
    } as MangoQuery<ProductDoc>),
  );
  const result = await db.products.storageInstance.query(query);
  return result.documents;
}

export async function boot(): Promise<void> {
  const store = useAppStore.getState();
  const api = await connectDeviceApi();
  const config = await mustInvoke(api, 'app/config', null);
  store.setConfig(config);

  const db = await openReplica(`omnitill-${config.storeId}-${config.registerId}`);
  const catalog = new CatalogIndex();
  const replication = startReplication(db, config, (update) =>
    useAppStore.getState().updateSync(update),
  );
  setServices({ api, config, db, catalog, replication });

  // Devices: serial scans go where wedge scans go; states show in the status bar.
  api.on('scanner/scan', (scan) => void dispatchScan(scan.raw, 'serial'));
  api.on('device/status', (status) => useAppStore.getState().updateDevice(status));
  void api.invoke('device/status', null).then((result) => {
    if (result.ok) useAppStore.getState().setDevices(result.value);
  });
  followPrintJobs();
  void pushAuditOutbox();

  // Keep the index current from the change stream; count progress during the first sync.
  db.products.$.subscribe((event) => {
    if (event.operation === 'DELETE') catalog.remove(event.documentId);
    else catalog.upsert(event.documentData);
    useAppStore.getState().setCatalogCount(catalog.size);
  });
  db.settings.findOne(`store_${config.storeId}`).$.subscribe((doc) => {
    useAppStore.getState().setSettings(doc ? (doc.toJSON() as StoreSettingsDoc) : null);
  });

  for (const product of await heldProducts(db)) catalog.upsert(product);
  store.setCatalogCount(catalog.size);

  if (catalog.size === 0) {
    store.setPhase('loading-catalog');
    await replication.initialPull(CATALOG_COLLECTIONS);
  }
  store.setPhase('ready');
}
