/**
 * What the shift screens do with the local replica: open a shift, record cash moves, read the
 * shift's movements, close it, print its reports. Every figure comes from src/shifts; every
 * document is written here first (durable before visible) and syncs afterwards.
 */
import type {
  DenominationCount,
  ReturnDoc,
  SaleDoc,
  ShiftDoc,
  StaffDoc,
} from '../../../src/documents';
import type { Minor } from '../../../src/money';
import { buildXReportReceipt, buildZReportReceipt } from '../../../src/receipt';
import type { Receipt } from '../../../src/receipt';
import { shiftGiftCardSales, shiftTenderMovements } from '../../../src/reports';
import { closeShift, openShift, recordCashMove, xReport } from '../../../src/shifts';
import type {
  CashMoveDoc,
  CashMoveKind,
  ShiftMovements,
  TenderCountInput,
  XReport,
  ZReport,
} from '../../../src/shifts';
import { services, storeStaff } from '../../services';
import { useAppStore } from '../../state/app-store';
import { newId } from '../manager-format';
import { storeTimeZone } from '../../../src/store-clock';
import { findFacts, insertFact } from '../../data/facts';

/** Opens this register's shift with the float counted, and the notes when counted by note. */
export async function openRegister(
  staff: StaffDoc,
  openingFloat: Minor,
  openingDenominations?: DenominationCount[],
): Promise<ShiftDoc> {
  const { db, config } = services();
  const settings = useAppStore.getState().settings;
  const shift = openShift({
    id: newId('shift'),
    storeId: config.storeId,
    registerId: config.registerId,
    deviceId: config.deviceId,
    currency: settings?.currency ?? 'VND',
    openedAt: new Date().toISOString(),
    openedBy: staff.id,
    openingFloat,
    ...(openingDenominations === undefined ? {} : { openingDenominations }),
  });
  await db.shifts.insert(shift);
  return shift;
}

/** Everything that moved money in this shift, read from the replica. */
export async function shiftMovements(shift: ShiftDoc): Promise<ShiftMovements> {
  const { db } = services();
  const [cashMoves, sales, returns, pickups] = await Promise.all([
    findFacts(db, 'cashmoves', { shiftId: shift.id }),
    db.sales.find({ selector: { shiftId: shift.id } }).exec(),
    db.returns.find({ selector: { shiftId: shift.id } }).exec(),
    // Web orders paid at pickup: their cash is in this drawer, their card in this terminal.
    findFacts(db, 'pickups', { shiftId: shift.id }),
  ]);
  const saleDocs = sales.map((doc) => doc.toJSON() as SaleDoc);
  return {
    cashMoves,
    tenderMovements: shiftTenderMovements(
      shift.id,
      saleDocs,
      returns.map((doc) => doc.toJSON() as ReturnDoc),
      pickups,
    ),
    giftCardSales: shiftGiftCardSales(shift.id, saleDocs),
  };
}

export async function recordMove(
  shift: ShiftDoc,
  staff: StaffDoc,
  kind: CashMoveKind,
  amount: Minor,
  reason: string,
): Promise<CashMoveDoc> {
  const move = recordCashMove(
    shift,
    {
      id: newId('cash'),
      kind,
      amount,
      staffId: staff.id,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      createdAt: new Date().toISOString(),
    },
    await shiftMovements(shift),
  );
  await insertFact(services().db, 'cashmoves', move);
  return move;
}

export async function currentXReport(shift: ShiftDoc): Promise<XReport> {
  return xReport(shift, await shiftMovements(shift), new Date().toISOString());
}

export async function closeRegister(
  shift: ShiftDoc,
  staff: StaffDoc,
  counts: TenderCountInput[],
  note: string,
): Promise<{ shift: ShiftDoc; report: ZReport }> {
  const closed = closeShift(shift, await shiftMovements(shift), counts, {
    closedAt: new Date().toISOString(),
    closedBy: staff.id,
    ...(note.trim() ? { note: note.trim() } : {}),
  });
  await services().db.shifts.upsert(closed.shift);
  return closed;
}

async function receiptContext() {
  const { settings, locale } = useAppStore.getState();
  const staffNames = Object.fromEntries(
    (await storeStaff()).map((member) => [member.id, member.name]),
  );
  return {
    storeName: settings?.name ?? services().config.storeId,
    locale,
    currency: settings?.currency ?? ('VND' as const),
    now: new Date(),
    timeZone: storeTimeZone(settings),
    header: settings?.receipt.header ?? [],
    staffNames,
  };
}

export async function xReportReceipt(report: XReport): Promise<Receipt> {
  return buildXReportReceipt(report, await receiptContext());
}

export async function zReportReceipt(report: ZReport, closedBy: string): Promise<Receipt> {
  return buildZReportReceipt(report, { ...(await receiptContext()), closedBy });
}
