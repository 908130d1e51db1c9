/**
 * What reconciliation finds in stored value (ARCHITECTURE.md rule 4): a credit note or gift card
 * spent below zero (two stores spending it offline, or a register that took it without a hold),
 * and a sale that paid with a note or card nothing ever issued. The sale stands in both cases
 * (refusing it at the gate would lose a sale that happened); a manager settles it.
 */
import type { StoredValueAccount, StoredValueRedemption } from '../../src/stored-value';
import type { FlagDoc } from './reconciler';

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

/** The id of the flag a redemption of an unknown note raises (it clears once the note is known). */
export function unknownFlagId(redemption: StoredValueRedemption): string {
  return `flag_stored-value-unknown_${safeKey(redemption.saleId)}_${safeKey(redemption.tenderId)}`;
}

/** The flags of one note's account (reconciliation asks for the notes that changed). */
export function storedValueFlagsOf(account: StoredValueAccount): Omit<FlagDoc, 'detectedAt'>[] {
  if (account.kind === null) {
    return account.redemptions.map((redemption) => {
      const what = redemption.tenderKind === 'gift-card' ? 'gift card' : 'credit note';
      return {
        _id: unknownFlagId(redemption),
        kind: 'stored-value-unknown' as const,
        summary: `Sale ${redemption.saleId} took ${redemption.amount} from ${what} ${redemption.number || '(no number)'}, which no return or gift card issue on the server explains. The sale is kept; check the note, or wait for the issuing store to sync (the flag clears when it does).`,
        ...(redemption.storeId ? { storeId: redemption.storeId } : {}),
        documents: [saleDocument(redemption)],
      };
    });
  }
  if (account.balance >= 0) return [];
  return [
    {
      _id: `flag_stored-value-overspent_${safeKey(account.number)}`,
      kind: 'stored-value-overspent',
      summary: `${account.kind === 'gift-card' ? 'Gift card' : 'Credit note'} ${account.number} was spent ${Math.abs(account.balance)} beyond its value (issued ${account.issued}, reversed ${account.reversed}, redeemed ${account.redeemed}). The sales are kept; collect the difference or write it off.`,
      ...(account.issuedBy ? { storeId: account.issuedBy } : {}),
      documents: [...issueDocuments(account), ...account.redemptions.map(saleDocument)],
    },
  ];
}
