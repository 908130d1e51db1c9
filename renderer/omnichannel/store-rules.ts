/**
 * The store's return policy and loyalty rules, from its settings. The defaults for a store whose
 * settings carry none live in src/returns (the sync-server re-checks returns with the same ones);
 * they are re-exported here for the screens.
 */
export {
  DEFAULT_LOYALTY_SETTINGS,
  DEFAULT_RETURN_POLICY,
  loyaltySettingsOf,
  returnPolicyOf,
} from '../../src/returns/default-return-policy';
