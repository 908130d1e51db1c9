/**
 * Stores by name, never by id (issue #18): every store's settings replicate to each register
 * (a shared collection), so a receipt or an order of another store is shown with the name its
 * settings give, online or not. A store the replica does not hold yet shows its id.
 */
import { useMemo } from 'react';
import type { StoreSettingsDoc } from '../../src/documents';
import { useLiveDocs } from '../platform/use-live-docs';
import { services } from '../services';

export type StoreNameOf = (storeId: string) => string;

/** The name of each store in these settings, by store id; an unknown id is shown as it is. */
export function storeNamesOf(stores: readonly Pick<StoreSettingsDoc, 'storeId' | 'name'>[]) {
  const byId = new Map(stores.map((store) => [store.storeId, store.name]));
  return (storeId: string): string => byId.get(storeId) ?? storeId;
}

/** The store names the replica holds, kept current as settings replicate. */
export function useStoreNames(): StoreNameOf {
  const stores = useLiveDocs<StoreSettingsDoc>(services().db.settings);
  return useMemo(() => storeNamesOf(stores), [stores]);
}
