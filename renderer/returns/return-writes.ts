/** What the return flow writes and reads beside the lookup: its documents, the store's managers. */
import type { LoyaltyEntryDoc, ReturnDoc, StaffDoc, StockMoveDoc } from '../../src/documents';
import { services } from '../services';

/** Writes a return's documents; the ReturnDoc goes last so a crash never leaves it half-done. */
export async function saveReturn(documents: {
  returnDoc: ReturnDoc;
  stockMoves: StockMoveDoc[];
  loyaltyEntries: LoyaltyEntryDoc[];
}): Promise<void> {
  const { db } = services();
  if (documents.stockMoves.length) await db.stock.bulkUpsert(documents.stockMoves);
  if (documents.loyaltyEntries.length) await db.loyalty.bulkUpsert(documents.loyaltyEntries);
  await db.returns.upsert(documents.returnDoc);
}

export async function managers(): Promise<StaffDoc[]> {
  const docs = await services().db.staff.find().exec();
  const storeId = services().config.storeId;
  return docs
    .map((doc) => doc.toJSON() as StaffDoc)
    .filter(
      (member) =>
        member.active &&
        member.role === 'manager' &&
        (member.storeIds.includes(storeId) || member.storeIds.includes('*')),
    );
}
