/**
 * Which version of the store's settings a pushed sale was priced with. The register prices with
 * the settings it holds, which may be older than the server's (it sold offline, or had not pulled
 * a change yet), so one failed re-pricing against today's settings proves nothing. The version in
 * force when the sale completed is tried first, then every other one, newest first; the sale is
 * refused only when none reproduces its totals. Prices themselves come from verifySaleTotals in
 * src/pricing: nothing here computes one.
 */
import type { SaleDoc } from '../../src/documents';
import type { VerifyResult } from '../../src/pricing';
import { verifySaleTotals } from '../../src/pricing';
import type { SettingsVersion, StoreSettingsHistory } from './settings-history';

export type SaleSettingsMatch =
  | {
      ok: true;
      /** The version that reproduces the sale's totals. */
      version: SettingsVersion;
      /** Set when a newer version was already in force when the sale completed. */
      supersededBy?: SettingsVersion;
    }
  | { ok: false; reason: string };

/**
 * Prices with `version`, but taxes with `taxVersion` when given: VAT rates are the law's at the
 * sale's completion, so an older version's rates never excuse a sale taxed at a rate that had
 * already changed (8 % after 31 Dec 2026, docs/TAX.md); its prices and promotions still may.
 */
function verifyWith(
  sale: SaleDoc,
  version: SettingsVersion,
  taxVersion: SettingsVersion = version,
): VerifyResult {
  const { settings } = version;
  const taxSettings = taxVersion.settings;
  return verifySaleTotals(sale, {
    currency: settings.currency,
    tax: taxSettings.tax,
    cashRounding: settings.cashRounding,
    ...(settings.promotions ? { promotions: settings.promotions } : {}),
    ...(taxSettings.timeZone ? { timeZone: taxSettings.timeZone } : {}),
  });
}

/** The index of the last version in force at `at`, or -1 when the first came later. */
function inForceIndex(versions: readonly SettingsVersion[], at: string): number {
  const atMs = Date.parse(at);
  let found = -1;
  versions.forEach((version, index) => {
    if (Date.parse(version.inForceFrom) <= atMs) found = index;
  });
  return found;
}

export function matchSaleToSettings(
  sale: SaleDoc,
  history: StoreSettingsHistory | undefined,
): SaleSettingsMatch {
  const versions = history?.versions ?? [];
  if (!history?.hasCurrent || versions.length === 0) {
    return {
      ok: false,
      reason: `no settings for store ${sale.storeId} on the server, so the totals cannot be checked; create the store's settings first`,
    };
  }
  const current = inForceIndex(versions, sale.completedAt);
  const inForce = versions[current];
  const order = [
    ...(current >= 0 ? [current] : []),
    ...versions.map((_version, index) => versions.length - 1 - index).filter((i) => i !== current),
  ];
  // Versions that differ only in what pricing does not read (a receipt footer) price alike.
  const verdicts = new Map<string, VerifyResult>();
  let nearest: { version: SettingsVersion; reason: string } | undefined;
  for (const index of order) {
    const version = versions[index];
    if (!version) continue;
    let verdict = verdicts.get(version.pricingKey);
    if (!verdict) {
      verdict = verifyWith(sale, version, inForce);
      verdicts.set(version.pricingKey, verdict);
    }
    if (verdict.ok) {
      const successor = index < current ? versions[index + 1] : undefined;
      return { ok: true, version, ...(successor ? { supersededBy: successor } : {}) };
    }
    nearest ??= { version, reason: verdict.reason };
  }
  const which =
    current >= 0
      ? `the version in force when the sale completed (${sale.completedAt}), from ${nearest?.version.inForceFrom}`
      : `the oldest version, from ${nearest?.version.inForceFrom} (the sale completed earlier, at ${sale.completedAt})`;
  return {
    ok: false,
    reason: `no version of store ${sale.storeId}'s settings on the server reproduces them (${versions.length} tried). Nearest, ${which}: ${nearest?.reason ?? 'not checked'} Check the register's prices and that it pulls its store's settings.`,
  };
}

/** Re-prices a sale against its store's settings history; null when some version matches. */
export function saleTotalsVerdict(
  sale: SaleDoc,
  history: StoreSettingsHistory | undefined,
): string | null {
  const match = matchSaleToSettings(sale, history);
  return match.ok ? null : match.reason;
}
