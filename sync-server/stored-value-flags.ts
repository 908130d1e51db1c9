/**
 * What reconciliation finds in stored value (ARCHITECTURE.md rule 4): a credit note or gift card
 * spent below zero (two stores spending it offline, or a register that took it without a hold),
 * and a sale that paid with a note or card nothing ever issued. The sale stands in both cases
 * (refusing it at the gate would lose a sale that happened); a manager settles it.
 */
import { storedValueAccounts } from '../src/stored-value';
import type { StoredValueAccount, StoredValueRedemption } from '../src/stored-value';
import type { DocumentStore } from './document-store';
import type { FlagDoc } from './reconciler';
import { readStoredValueEntries, readStoredValueFacts, storedValueHoldsOf } from './stored-value';

const safeKey = (text: string): string => text.replace(/[^0-9A-Za-z_.-]/g, '-');

function saleDocument(redemption: StoredValueRedemption): { db: string; id: string } {
  return { db: `sales-${redemption.storeId ?? ''}`, id: redemption.saleId };
}

function issueDocuments(account: StoredValueAccount): { db: string; id: string }[] {
  return account.issues.map((issue) =>
    issue.kind === 'credit-note'
      ? { db: `returns-${issue.storeId ?? ''}`, id: issue.sourceId }
      : { db: 'omnitill-stored-value', id: issue.sourceId },
  );
}

export async function storedValueFlags(
  store: DocumentStore,
  now: string,
): Promise<Omit<FlagDoc, 'detectedAt'>[]> {
  const entries = await readStoredValueEntries(store);
  const facts = await readStoredValueFacts(store, entries);
  const flags: Omit<FlagDoc, 'detectedAt'>[] = [];
  for (const account of storedValueAccounts(facts, storedValueHoldsOf(entries), now)) {
    if (account.kind === null) {
      for (const redemption of account.redemptions) {
        const what = redemption.tenderKind === 'gift-card' ? 'gift card' : 'credit note';
        flags.push({
          _id: `flag_stored-value-unknown_${safeKey(redemption.saleId)}_${safeKey(redemption.tenderId)}`,
          kind: 'stored-value-unknown',
          summary: `Sale ${redemption.saleId} took ${redemption.amount} from ${what} ${redemption.number || '(no number)'}, which no return or gift card issue on the server explains. The sale is kept; check the note, or wait for the issuing store to sync (the flag clears when it does).`,
          ...(redemption.storeId ? { storeId: redemption.storeId } : {}),
          documents: [saleDocument(redemption)],
        });
      }
      continue;
    }
    if (account.balance >= 0) continue;
    flags.push({
      _id: `flag_stored-value-overspent_${safeKey(account.number)}`,
      kind: 'stored-value-overspent',
      summary: `${account.kind === 'gift-card' ? 'Gift card' : 'Credit note'} ${account.number} was spent ${Math.abs(account.balance)} beyond its value (issued ${account.issued}, reversed ${account.reversed}, redeemed ${account.redeemed}). The sales are kept; collect the difference or write it off.`,
      ...(account.issuedBy ? { storeId: account.issuedBy } : {}),
      documents: [...issueDocuments(account), ...account.redemptions.map(saleDocument)],
    });
  }
  return flags;
}
