/**
 * X and Z reports. Both are computed, never stored as running totals: expected money per tender
 * is the opening float plus the sum of the shift's movements (sale and refund tenders, cash
 * moves). An X report can be printed at any time and changes nothing; a Z report is the same
 * figures at close, set against what was counted.
 */
import { ZERO, add, minor, sub } from '../money';
import type { Minor } from '../money';
import type { DenominationCount, ShiftDoc, ShiftTenderClose } from '../documents/shift';
import type { CashMoveDoc, CashMoveKind } from '../documents/cash-move';

export const CASH_TENDER = 'cash';

export type ShiftErrorCode =
  | 'shift-closed'
  | 'wrong-shift'
  | 'bad-amount'
  | 'reason-required'
  | 'not-enough-cash'
  | 'before-open'
  | 'after-close'
  | 'missing-count'
  | 'count-mismatch'
  | 'bad-time';

export class ShiftError extends Error {
  override readonly name = 'ShiftError';
  constructor(
    readonly code: ShiftErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Money that went through a tender in a sale or a refund, derived by the sales module from its
 * documents: one per tender line, `amount` signed as it affects the register (a cash sale of
 * 95,000 ₫ paid with 100,000 ₫ is +95,000: the change never stayed in the drawer).
 */
export interface TenderMovement {
  /** Unique and stable: e.g. `<saleId>:<tender line index>`, so a re-read counts once. */
  id: string;
  shiftId: string;
  kind: 'sale' | 'refund';
  tender: string;
  amount: Minor;
  createdAt: string;
}

export type MovementKind = 'sale' | 'refund' | CashMoveKind;

/**
 * Gift cards a sale of the shift sold (src/stored-value/gift-card-sales.ts): money taken for
 * future sales, a liability and no revenue. Their tenders are in `tenderMovements` already (the
 * money is in the drawer); this only names how much of it the cards were.
 */
export interface GiftCardSale {
  /** The sale's id: a sale read twice counts once. */
  id: string;
  shiftId: string;
  count: number;
  amount: Minor;
  createdAt: string;
}

export interface ShiftMovements {
  tenderMovements: readonly TenderMovement[];
  cashMoves: readonly CashMoveDoc[];
  giftCardSales?: readonly GiftCardSale[];
}

export interface TenderSummary {
  tender: string;
  /** The opening float for cash, zero for the others. */
  opening: Minor;
  byKind: Record<MovementKind, Minor>;
  movementCount: number;
  /** opening + Σ movements. */
  expected: Minor;
}

export interface XReport {
  shiftId: string;
  storeId: string;
  registerId: string;
  openedAt: string;
  openedBy: string;
  asOf: string;
  /** Cash first, then the other tenders by name. */
  tenders: TenderSummary[];
  /** Σ expected over all tenders. */
  totalExpected: Minor;
  /** Gift cards sold: in the tenders' sales, but no sales revenue (their own line). */
  giftCardsSold: { count: number; amount: Minor };
}

export interface TenderCountInput {
  tender: string;
  /** The counted total; for cash it may be omitted when denominations are given. */
  total?: Minor;
  denominations?: DenominationCount[];
}

export interface ZReport extends XReport {
  closedAt: string;
  lines: ShiftTenderClose[];
  totalOverShort: Minor;
}

function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ShiftError('bad-time', `"${iso}" is not a time.`);
  return ms;
}

function emptyByKind(): Record<MovementKind, Minor> {
  return {
    sale: ZERO,
    refund: ZERO,
    float: ZERO,
    'paid-in': ZERO,
    'paid-out': ZERO,
    drop: ZERO,
  };
}

interface Flow {
  id: string;
  shiftId: string;
  kind: MovementKind;
  tender: string;
  amount: Minor;
  createdAt: string;
}

/** The shift's movements up to `until`, once each, whatever order they were read in. */
function flowsOf(shift: ShiftDoc, movements: ShiftMovements, until: number): Flow[] {
  const flows = new Map<string, Flow>();
  const all: Flow[] = [
    ...movements.tenderMovements,
    ...movements.cashMoves.map((move) => ({ ...move, tender: CASH_TENDER })),
  ];
  for (const flow of all) {
    if (flow.shiftId !== shift.id) {
      throw new ShiftError(
        'wrong-shift',
        `${flow.id} belongs to ${flow.shiftId}, not ${shift.id}.`,
      );
    }
    if (timeOf(flow.createdAt) <= until) flows.set(flow.id, flow);
  }
  return [...flows.values()];
}

/** The X report: what each tender should hold at `asOf`. */
export function xReport(shift: ShiftDoc, movements: ShiftMovements, asOf: string): XReport {
  const summaries = new Map<string, TenderSummary>();
  const summaryFor = (tender: string): TenderSummary => {
    let summary = summaries.get(tender);
    if (!summary) {
      const opening = tender === CASH_TENDER ? shift.openingFloat : ZERO;
      summary = { tender, opening, byKind: emptyByKind(), movementCount: 0, expected: opening };
      summaries.set(tender, summary);
    }
    return summary;
  };
  summaryFor(CASH_TENDER);
  for (const flow of flowsOf(shift, movements, timeOf(asOf))) {
    const summary = summaryFor(flow.tender);
    summary.byKind[flow.kind] = add(summary.byKind[flow.kind], flow.amount);
    summary.movementCount += 1;
    summary.expected = add(summary.expected, flow.amount);
  }
  const tenders = [...summaries.values()].sort((a, b) =>
    a.tender === CASH_TENDER ? -1 : b.tender === CASH_TENDER ? 1 : a.tender < b.tender ? -1 : 1,
  );
  return {
    shiftId: shift.id,
    storeId: shift.storeId,
    registerId: shift.registerId,
    openedAt: shift.openedAt,
    openedBy: shift.openedBy,
    asOf,
    tenders,
    totalExpected: add(...tenders.map((summary) => summary.expected)),
    giftCardsSold: giftCardsSoldBy(shift, movements.giftCardSales ?? [], timeOf(asOf)),
  };
}

/** The shift's gift card sales up to `until`, once each. */
function giftCardsSoldBy(
  shift: ShiftDoc,
  sales: readonly GiftCardSale[],
  until: number,
): { count: number; amount: Minor } {
  const once = new Map<string, GiftCardSale>();
  for (const sale of sales) {
    if (sale.shiftId !== shift.id) {
      throw new ShiftError(
        'wrong-shift',
        `${sale.id} belongs to ${sale.shiftId}, not ${shift.id}.`,
      );
    }
    if (timeOf(sale.createdAt) <= until) once.set(sale.id, sale);
  }
  const all = [...once.values()];
  return {
    count: all.reduce((total, sale) => total + sale.count, 0),
    amount: add(ZERO, ...all.map((sale) => sale.amount)),
  };
}

/** Cash that should be in the drawer now: what a drop or a paid-out may take at most. */
export function expectedCash(shift: ShiftDoc, movements: ShiftMovements, asOf: string): Minor {
  const cash = xReport(shift, movements, asOf).tenders.find((t) => t.tender === CASH_TENDER);
  return cash?.expected ?? shift.openingFloat;
}

export function denominationsTotal(counts: readonly DenominationCount[]): Minor {
  return add(...counts.map((count) => minor(count.value * count.count)));
}

function countedTotal(count: TenderCountInput): Minor {
  if (count.denominations === undefined) {
    if (count.total === undefined) {
      throw new ShiftError('missing-count', `No total or denominations for ${count.tender}.`);
    }
    return count.total;
  }
  const fromNotes = denominationsTotal(count.denominations);
  if (count.total !== undefined && count.total !== fromNotes) {
    throw new ShiftError(
      'count-mismatch',
      `${count.tender}: total ${count.total} differs from the denominations' ${fromNotes}.`,
    );
  }
  return fromNotes;
}

/**
 * The Z report at `closedAt`: expected against counted per tender, over/short = counted −
 * expected. Cash must be counted; other tenders are counted by their totals (the card
 * terminal's batch) or left uncounted (points, store credit), with a null over/short.
 */
export function zReport(
  shift: ShiftDoc,
  movements: ShiftMovements,
  counts: readonly TenderCountInput[],
  closedAt: string,
): ZReport {
  const closeTime = timeOf(closedAt);
  if (closeTime < timeOf(shift.openedAt)) {
    throw new ShiftError('before-open', `A shift cannot close before it opened.`);
  }
  const late = flowsOf(shift, movements, Infinity).find((f) => timeOf(f.createdAt) > closeTime);
  if (late) throw new ShiftError('after-close', `${late.id} happened after the close.`);
  const x = xReport(shift, movements, closedAt);
  const counted = new Map<string, TenderCountInput>();
  for (const count of counts) {
    if (counted.has(count.tender)) {
      throw new ShiftError('count-mismatch', `${count.tender} was counted twice.`);
    }
    counted.set(count.tender, count);
  }
  if (!counted.has(CASH_TENDER)) {
    throw new ShiftError('missing-count', 'The cash drawer must be counted to close the shift.');
  }
  const tenders = [...x.tenders];
  for (const tender of [...counted.keys()].sort()) {
    if (!tenders.some((summary) => summary.tender === tender)) {
      tenders.push({
        tender,
        opening: ZERO,
        byKind: emptyByKind(),
        movementCount: 0,
        expected: ZERO,
      });
    }
  }
  const lines = tenders.map((summary): ShiftTenderClose => {
    const count = counted.get(summary.tender);
    if (!count) {
      return { tender: summary.tender, expected: summary.expected, counted: null, overShort: null };
    }
    const total = countedTotal(count);
    return {
      tender: summary.tender,
      expected: summary.expected,
      counted: total,
      overShort: sub(total, summary.expected),
      ...(count.denominations === undefined ? {} : { denominations: count.denominations }),
    };
  });
  return {
    ...x,
    tenders,
    closedAt,
    lines,
    totalOverShort: add(...lines.map((line) => line.overShort ?? ZERO)),
  };
}
