/** The loyalty redemption client wired to this register's services and settings. */
import type { LoyaltyEntryDoc } from '../../src/documents';
import { loyaltySettingsOf } from '../../src/loyalty';
import { storeTimeZone } from '../../src/store-clock';
import { newId } from '../platform/new-id';
import { createServerApi } from '../platform/server-api';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { createLoyaltyRedemption } from './loyalty-redemption';
import type { LoyaltyRedemption } from './loyalty-redemption';

/** The redemption service wired to this register: the lead hands it to the points tender. */
export function registerLoyaltyRedemption(): LoyaltyRedemption {
  const { config, db } = services();
  return createLoyaltyRedemption({
    api: createServerApi(config),
    ledger: async () =>
      (await db.loyalty.find().exec()).map((doc) => doc.toJSON() as LoyaltyEntryDoc),
    writeEntry: async (entry) => {
      await db.loyalty.upsert(entry);
    },
    settings: () => loyaltySettingsOf(useAppStore.getState().settings),
    storeId: config.storeId,
    deviceId: config.deviceId,
    now: () => new Date(),
    newId: (prefix) => newId(prefix),
    timeZone: () => storeTimeZone(useAppStore.getState().settings),
  });
}
