/**
 * Start-up: reach the device host, open the local replica, start replication and build the
 * catalog index. A register that already holds its catalog is usable at once, online or not;
 * a fresh one shows the first sync's progress and is usable as soon as the catalog is in.
 */
import type { RxChangeEvent } from 'rxdb';
import type { ProductDoc, StoreSettingsDoc } from '../src/documents';
import { CatalogIndex, isAfterCheckpoint, plainProduct } from '../src/search';
import { CatalogSnapshotKeeper, checkAgainstReplica, loadCatalog } from './data/catalog-snapshot';
import type { LoadedCatalog } from './data/catalog-snapshot';
import { indexedDbSnapshotStore } from './data/catalog-snapshot-store';
import { openReplica } from './data/database';
import { startReplication } from './data/replication';
import { httpImageSource, startProductImages } from './data/product-image-shelf';
import { connectDeviceApi, mustInvoke } from './platform/device-api';
import { watchChanges, watchDocs } from './platform/watch-docs';
import { pushAuditOutbox } from './audit/audit-trail';
import { dispatchScan } from './devices/scan-router';
import { startCartJournal } from './sell/cart-journal';
import { followPrintJobs } from './sell/receipt-printing';
import { recoverAtStart } from './sell/sale-repair';
import { learnReceiptNumbers } from './sell/receipt-numbering';
import { setServices } from './services';
import { useAppStore } from './state/app-store';
import { useSetupState } from './setup/setup-state';

const CATALOG_COLLECTIONS = ['products', 'staff', 'settings'];

/** The index follows the collection's change stream (the snapshot keeper follows the replica). */
function applyToIndex(catalog: CatalogIndex, event: RxChangeEvent<ProductDoc>): void {
  if (event.operation === 'DELETE') catalog.remove(event.documentId);
  else catalog.upsert(plainProduct(event.documentData));
}

export async function boot(): Promise<void> {
  const store = useAppStore.getState();
  const api = await connectDeviceApi();
  const config = await mustInvoke(api, 'app/config', null);
  store.setConfig(config);
  // A register with a new local server and no store yet shows the first-run setup instead.
  const setup = await api.invoke('setup/status', null);
  if (setup.ok && setup.value.needed) {
    useSetupState.getState().require(api);
    return;
  }

  const replicaName = `omnitill-${config.storeId}-${config.registerId}`;
  const db = await openReplica(replicaName);
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
  // Receipt numbers start once the store's sales have been pulled once (receipt-numbering.ts).
  learnReceiptNumbers(db, replication, config).catch((error: unknown) =>
    console.error('Receipt numbers: could not record that the sales are in:', error),
  );

  // Keep the index current from the change stream; count progress during the first sync.
  // Changes that arrive while the catalog loads wait: those the load already read (at or
  // before its checkpoint) are skipped, so an older copy never overwrites a newer one.
  let waiting: RxChangeEvent<ProductDoc>[] | null = [];
  watchChanges(
    db.products,
    (event) => {
      if (waiting) {
        waiting.push(event);
        return;
      }
      applyToIndex(catalog, event);
      useAppStore.getState().setCatalogCount(catalog.size);
    },
    (error) => console.error('Catalog: product changes stopped reaching the index:', error),
  );
  watchDocs<StoreSettingsDoc>(
    db.settings.findOne(`store_${config.storeId}`),
    ([settings]) => useAppStore.getState().setSettings(settings ?? null),
    (error) => console.error("Store settings: the replica's copy stopped updating:", error),
  );

  // The start-up snapshot plus the replica's changes since it; every product when it is
  // missing or out of step (renderer/data/catalog-snapshot.ts).
  const snapshots = indexedDbSnapshotStore(replicaName);
  const fill = (loaded: LoadedCatalog): void => {
    catalog.replace(loaded.state.products());
    const checkpoint = loaded.state.checkpoint;
    for (const event of waiting ?? []) {
      const lwt = event.documentData._meta.lwt;
      if (isAfterCheckpoint(lwt, event.documentId, checkpoint)) applyToIndex(catalog, event);
    }
    waiting = null;
    useAppStore.getState().setCatalogCount(catalog.size);
  };
  const loaded = await loadCatalog(db, snapshots);
  if (loaded.problem) {
    console.info(`Catalog: read from the replica (start-up snapshot: ${loaded.problem}).`);
  }
  fill(loaded);

  let catalogIn: Promise<void> = Promise.resolve();
  if (catalog.size === 0) {
    store.setPhase('loading-catalog');
    catalogIn = replication.initialPull(CATALOG_COLLECTIONS);
  }
  // The keeper rewrites the snapshot after sync changes products; on a fresh register it
  // writes the whole catalog once the first sync is in, not again and again during it.
  const keeper = new CatalogSnapshotKeeper(db.products, snapshots, loaded);
  keeper.start(catalogIn);
  await catalogIn;
  // A sale cut short by a crash is completed, and the open cart put back, before the register
  // takes input; from then on every change to the cart is kept (renderer/sell/sale-repair.ts).
  await recoverAtStart(db, config);
  startCartJournal(db, config);
  store.setPhase('ready');
  // Search over the whole catalog is readied once the register shows (0.2 s at 300,000
  // products), not on the cashier's first search.
  setTimeout(() => catalog.prepareSearch(), 500);
  if (loaded.source === 'snapshot') {
    // Counting the replica's products walks an index (seconds at 100,000): after start-up.
    void checkAgainstReplica(db.products, () => catalog.size)
      .then(async (problem) => {
        if (!problem) return;
        console.warn(`Catalog: the start-up snapshot was wrong (${problem}); reading the replica.`);
        keeper.rebuildFromReplica();
        // Changes that come in while the replica is read wait, as at start-up.
        waiting = [];
        try {
          fill(await loadCatalog(db, snapshots, { ignoreSnapshot: true }));
        } finally {
          for (const event of waiting ?? []) applyToIndex(catalog, event);
          waiting = null;
        }
      })
      .catch((error: unknown) =>
        console.error('Catalog: could not check it against the replica:', error),
      );
  }
  // Product pictures come after the sell screen is up, from the cache first, then the server.
  startProductImages(replicaName, httpImageSource(config));
}
