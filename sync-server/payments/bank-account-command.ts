/**
 * `npm run admin -- bank-account --store S --bin BIN --account NUMBER --name "ACCOUNT NAME"
 * [--bank-name "Vietcombank"]`:
 * writes the account a store takes VietQR transfers into (`bankTransfer` in its settings, which
 * the server alone writes) over the admin's replication access; the registers pull it as any
 * settings change, and it counts as a new settings version from now.
 */
import { BANK_NAME_MAX } from '../../src/documents';
import { bankAccountProblem } from '../../src/payments';

export interface BankAccountValues {
  store?: string;
  bin?: string;
  account?: string;
  name?: string;
  /** The bank's short name shown beside the code; absent, the BIN is shown. */
  'bank-name'?: string;
}

export const BANK_ACCOUNT_USAGE =
  'bank-account --store STORE --bin BIN --account NUMBER --name "ACCOUNT NAME" [--bank-name BANK]';

/** Sets the account; resolves to the line to print, rejects with what to fix. */
export async function setBankAccount(
  server: string,
  adminToken: string,
  values: BankAccountValues,
): Promise<string> {
  const { store, bin, account, name } = values;
  if (!store || !bin || !account || !name?.trim()) {
    throw new Error(`bank-account needs all of: ${BANK_ACCOUNT_USAGE}`);
  }
  const problem = bankAccountProblem(bin, account);
  if (problem) throw problem;
  if (name.trim().length > 70) throw new Error('The account name is at most 70 characters.');
  const bankName = values['bank-name']?.trim();
  if (values['bank-name'] !== undefined && !bankName) {
    throw new Error('--bank-name is empty: give the short name customers know, e.g. Vietcombank.');
  }
  if (bankName && bankName.length > BANK_NAME_MAX) {
    throw new Error(`The bank name is at most ${BANK_NAME_MAX} characters: use its short name.`);
  }
  const url = `${server}/db/settings/store_${encodeURIComponent(store)}`;
  const headers = {
    Authorization: 'Basic ' + Buffer.from(`admin:${adminToken}`).toString('base64'),
    'Content-Type': 'application/json',
  };
  const current = await fetch(url, { headers });
  if (current.status === 404) throw new Error(`The server has no settings for store ${store}.`);
  if (!current.ok) throw new Error(`Reading the settings of ${store}: HTTP ${current.status}.`);
  const settings = (await current.json()) as Record<string, unknown>;
  const bankTransfer = {
    bankBin: bin,
    accountNumber: account,
    accountName: name.trim(),
    ...(bankName ? { bankName } : {}),
  };
  const written = await fetch(url, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...settings, bankTransfer, updatedAt: new Date().toISOString() }),
  });
  if (!written.ok) {
    const reply = (await written.json().catch(() => ({}))) as { reason?: string };
    throw new Error(`The server refused the settings: ${reply.reason ?? written.status}.`);
  }
  const bank = bankName ? `${bankName} (${bin})` : bin;
  return `${store} now takes bank transfers into ${bank} ${account} (${bankTransfer.accountName}).`;
}
