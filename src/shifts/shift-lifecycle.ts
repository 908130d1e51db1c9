/**
 * Opening a shift, moving cash during it, closing it. Each step returns a new document and never
 * edits one in place: the register writes what comes back. A closed shift is final, so every
 * step refuses to touch one.
 */
import { ZERO, minor, negate } from '../money';
import type { CurrencyCode, Minor } from '../money';
import type { DenominationCount, ShiftDoc } from '../documents/shift';
import type { CashMoveDoc, CashMoveKind } from '../documents/cash-move';
import { ShiftError, denominationsTotal, expectedCash, zReport } from './shift-report';
import type { ShiftMovements, TenderCountInput, ZReport } from './shift-report';

export interface OpenShiftInput {
  id: string;
  storeId: string;
  registerId: string;
  deviceId: string;
  currency: CurrencyCode;
  openedAt: string;
  openedBy: string;
  /** The float counted into the drawer; taken from the denominations when only they are given. */
  openingFloat?: Minor;
  openingDenominations?: DenominationCount[];
}

export function openShift(input: OpenShiftInput): ShiftDoc {
  const fromNotes =
    input.openingDenominations === undefined
      ? undefined
      : denominationsTotal(input.openingDenominations);
  const openingFloat = input.openingFloat ?? fromNotes ?? ZERO;
  if (fromNotes !== undefined && fromNotes !== openingFloat) {
    throw new ShiftError(
      'count-mismatch',
      `Opening float ${openingFloat} differs from the denominations' ${fromNotes}.`,
    );
  }
  if (openingFloat < 0) throw new ShiftError('bad-amount', 'The opening float cannot be negative.');
  if (Number.isNaN(Date.parse(input.openedAt))) {
    throw new ShiftError('bad-time', `"${input.openedAt}" is not a time.`);
  }
  return {
    id: input.id,
    storeId: input.storeId,
    registerId: input.registerId,
    deviceId: input.deviceId,
    currency: input.currency,
    status: 'open',
    openedAt: input.openedAt,
    openedBy: input.openedBy,
    openingFloat: minor(openingFloat),
    ...(input.openingDenominations === undefined
      ? {}
      : { openingDenominations: input.openingDenominations }),
  };
}

export interface CashMoveInput {
  id: string;
  kind: CashMoveKind;
  /** How much moved, as a positive amount: the kind decides the direction. */
  amount: Minor;
  staffId: string;
  reason?: string;
  createdAt: string;
}

const OUTWARD: ReadonlySet<CashMoveKind> = new Set<CashMoveKind>(['paid-out', 'drop']);

function assertOpen(shift: ShiftDoc): void {
  if (shift.status !== 'open' || shift.closing !== undefined) {
    throw new ShiftError(
      'shift-closed',
      `Shift ${shift.id} is closed; nothing more can change it.`,
    );
  }
}

/**
 * A paid-in, paid-out, drop or float top-up on an open shift. Paid-ins and paid-outs need a
 * reason; cash cannot leave the drawer beyond what the movements say is in it.
 */
export function recordCashMove(
  shift: ShiftDoc,
  input: CashMoveInput,
  movements: ShiftMovements,
): CashMoveDoc {
  assertOpen(shift);
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new ShiftError('bad-amount', `A ${input.kind} must move a positive amount.`);
  }
  const at = Date.parse(input.createdAt);
  if (Number.isNaN(at)) throw new ShiftError('bad-time', `"${input.createdAt}" is not a time.`);
  if (at < Date.parse(shift.openedAt)) {
    throw new ShiftError('before-open', `A cash move cannot precede the shift's opening.`);
  }
  if ((input.kind === 'paid-in' || input.kind === 'paid-out') && !input.reason?.trim()) {
    throw new ShiftError('reason-required', `A ${input.kind} needs a reason.`);
  }
  const outward = OUTWARD.has(input.kind);
  if (outward) {
    const inDrawer = expectedCash(shift, movements, input.createdAt);
    if (input.amount > inDrawer) {
      throw new ShiftError(
        'not-enough-cash',
        `A ${input.kind} of ${input.amount} exceeds the ${inDrawer} expected in the drawer.`,
      );
    }
  }
  return {
    id: input.id,
    shiftId: shift.id,
    storeId: shift.storeId,
    deviceId: shift.deviceId,
    kind: input.kind,
    amount: outward ? negate(input.amount) : input.amount,
    staffId: input.staffId,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    createdAt: input.createdAt,
  };
}

/** What a cash move document must look like, for the sync-server's door. */
export function cashMoveProblems(move: CashMoveDoc): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(move.amount) || move.amount === 0) {
    problems.push('amount must be a non-zero whole number');
  }
  const outward = OUTWARD.has(move.kind);
  if (outward && move.amount > 0) problems.push(`${move.kind} takes cash out: amount < 0`);
  if (!outward && move.amount < 0) problems.push(`${move.kind} puts cash in: amount > 0`);
  if ((move.kind === 'paid-in' || move.kind === 'paid-out') && !move.reason?.trim()) {
    problems.push(`${move.kind} needs a reason`);
  }
  return problems;
}

/**
 * Closes the shift: the Z report, and the shift document to write, with the report's figures
 * frozen into `closing`. After this the shift is final.
 */
export function closeShift(
  shift: ShiftDoc,
  movements: ShiftMovements,
  counts: readonly TenderCountInput[],
  by: { closedAt: string; closedBy: string; note?: string },
): { shift: ShiftDoc; report: ZReport } {
  assertOpen(shift);
  const report = zReport(shift, movements, counts, by.closedAt);
  return {
    report,
    shift: {
      ...shift,
      status: 'closed',
      closing: {
        closedAt: by.closedAt,
        closedBy: by.closedBy,
        tenders: report.lines,
        totalOverShort: report.totalOverShort,
        ...(by.note === undefined ? {} : { note: by.note }),
      },
    },
  };
}

/**
 * What is wrong with replacing `before` by `after` (the sync-server's immutability check): the
 * only change a shift may undergo is open → closed, with its opening left as it was.
 */
export function shiftChangeProblems(before: ShiftDoc, after: ShiftDoc): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (before.status === 'closed') return ['a closed shift cannot change'];
  const problems: string[] = [];
  if (after.status !== 'closed' || after.closing === undefined) {
    problems.push('an open shift may only be closed');
  }
  const { status: _before, closing: _none, ...opening } = before;
  const { status: _after, closing: _closing, ...reopened } = after;
  if (JSON.stringify(opening) !== JSON.stringify(reopened)) {
    problems.push('closing a shift must not change how it was opened');
  }
  return problems;
}
