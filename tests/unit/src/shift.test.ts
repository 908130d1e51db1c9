import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { cashMoveSchema, shiftSchema } from '../../../src/documents';
import type { ShiftDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import {
  ShiftError,
  cashMoveProblems,
  closeShift,
  openShift,
  recordCashMove,
  shiftChangeProblems,
  xReport,
  zReport,
} from '../../../src/shifts';
import type { CashMoveDoc, ShiftMovements, TenderMovement } from '../../../src/shifts';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 1) + minute * 60_000).toISOString();

function open(): ShiftDoc {
  return openShift({
    id: 'shift_01',
    storeId: 'hcm-01',
    registerId: 'reg-1',
    deviceId: 'dev-1',
    currency: 'VND',
    openedAt: at(0),
    openedBy: 'staff_lan',
    openingDenominations: [
      { value: minor(100_000), count: 10 },
      { value: minor(50_000), count: 20 },
    ],
  });
}

let serial = 0;
function tender(kind: 'sale' | 'refund', tenderKind: string, amount: number, minute = 10) {
  serial += 1;
  const movement: TenderMovement = {
    id: `sale_${serial}:0`,
    shiftId: 'shift_01',
    kind,
    tender: tenderKind,
    amount: minor(amount),
    createdAt: at(minute),
  };
  return movement;
}

function cashMove(
  shift: ShiftDoc,
  movements: ShiftMovements,
  kind: CashMoveDoc['kind'],
  amount: number,
  reason?: string,
  minute = 30,
): CashMoveDoc {
  serial += 1;
  return recordCashMove(
    shift,
    {
      id: `cash_${serial}`,
      kind,
      amount: minor(amount),
      staffId: 'staff_lan',
      createdAt: at(minute),
      ...(reason === undefined ? {} : { reason }),
    },
    movements,
  );
}

describe('a shift from float to Z report', () => {
  it('opens with a float counted by denomination', () => {
    const shift = open();
    expect(shift).toMatchObject({ status: 'open', openingFloat: 2_000_000 });
    expect(() =>
      openShift({
        ...shift,
        openingFloat: minor(1_000),
        openingDenominations: [{ value: minor(500), count: 3 }],
      }),
    ).toThrow(/differs from the denominations/);
  });

  it('X report mid-shift: float, cash sales less change, a refund, a paid-out and a drop', () => {
    const shift = open();
    const sales = [
      tender('sale', 'cash', 95_000),
      tender('sale', 'card', 250_000),
      tender('refund', 'cash', -40_000),
    ];
    const movements: ShiftMovements = { tenderMovements: sales, cashMoves: [] };
    const paidOut = cashMove(shift, movements, 'paid-out', 30_000, 'ice delivery');
    const withPaidOut = { ...movements, cashMoves: [paidOut] };
    const drop = cashMove(shift, withPaidOut, 'drop', 1_500_000, undefined, 40);
    const report = xReport(shift, { ...movements, cashMoves: [paidOut, drop] }, at(60));
    const [cash, card] = report.tenders;
    expect(cash).toMatchObject({
      tender: 'cash',
      opening: 2_000_000,
      byKind: { sale: 95_000, refund: -40_000, 'paid-out': -30_000, drop: -1_500_000 },
      expected: 525_000,
      movementCount: 4,
    });
    expect(card).toMatchObject({ tender: 'card', expected: 250_000 });
    expect(report.totalExpected).toBe(775_000);
    expect(
      xReport(shift, { ...movements, cashMoves: [paidOut, drop] }, at(35)).tenders[0],
    ).toMatchObject({ expected: 2_025_000 });
  });

  it('refuses a paid-out without a reason and a drop of more cash than the drawer holds', () => {
    const shift = open();
    const none: ShiftMovements = { tenderMovements: [], cashMoves: [] };
    expect(() => cashMove(shift, none, 'paid-out', 10_000)).toThrow(/needs a reason/);
    expect(() => cashMove(shift, none, 'drop', 2_000_001)).toThrow(ShiftError);
    expect(cashMove(shift, none, 'drop', 2_000_000).amount).toBe(-2_000_000);
    expect(cashMove(shift, none, 'float', 500_000).amount).toBe(500_000);
  });

  it('Z report: cash counted by denomination, card by its batch total, points not counted', () => {
    const shift = open();
    const movements: ShiftMovements = {
      tenderMovements: [
        tender('sale', 'cash', 180_000),
        tender('sale', 'card', 420_000),
        tender('sale', 'loyalty-points', 50_000),
      ],
      cashMoves: [],
    };
    const closed = closeShift(
      shift,
      movements,
      [
        {
          tender: 'cash',
          denominations: [
            { value: minor(500_000), count: 4 },
            { value: minor(100_000), count: 1 },
            { value: minor(50_000), count: 1 },
            { value: minor(10_000), count: 2 },
          ],
        },
        { tender: 'card', total: minor(420_000) },
      ],
      { closedAt: at(480), closedBy: 'staff_minh', note: 'quiet day' },
    );
    expect(closed.report.lines).toEqual([
      expect.objectContaining({
        tender: 'cash',
        expected: 2_180_000,
        counted: 2_170_000,
        overShort: -10_000,
      }),
      { tender: 'card', expected: 420_000, counted: 420_000, overShort: 0 },
      { tender: 'loyalty-points', expected: 50_000, counted: null, overShort: null },
    ]);
    expect(closed.report.totalOverShort).toBe(-10_000);
    expect(closed.shift.status).toBe('closed');
    expect(closed.shift.closing).toMatchObject({ closedBy: 'staff_minh', totalOverShort: -10_000 });
  });

  it('a closed shift is final', () => {
    const shift = open();
    const none: ShiftMovements = { tenderMovements: [], cashMoves: [] };
    const { shift: closed } = closeShift(
      shift,
      none,
      [{ tender: 'cash', total: minor(2_000_000) }],
      { closedAt: at(60), closedBy: 'staff_lan' },
    );
    expect(() => cashMove(closed, none, 'paid-in', 1_000, 'change')).toThrow(/is closed/);
    expect(() =>
      closeShift(closed, none, [{ tender: 'cash', total: minor(0) }], {
        closedAt: at(70),
        closedBy: 'staff_lan',
      }),
    ).toThrow(/is closed/);
  });

  it('the sync-server accepts open → closed and nothing else', () => {
    const shift = open();
    const none: ShiftMovements = { tenderMovements: [], cashMoves: [] };
    const { shift: closed } = closeShift(
      shift,
      none,
      [{ tender: 'cash', total: minor(2_000_000) }],
      {
        closedAt: at(60),
        closedBy: 'staff_lan',
      },
    );
    expect(shiftChangeProblems(shift, closed)).toEqual([]);
    expect(shiftChangeProblems(closed, closed)).toEqual([]);
    expect(shiftChangeProblems(closed, { ...closed, openedBy: 'staff_x' })).toEqual([
      'a closed shift cannot change',
    ]);
    expect(shiftChangeProblems(shift, { ...closed, openingFloat: minor(0) })).toEqual([
      'closing a shift must not change how it was opened',
    ]);
    expect(shiftChangeProblems(shift, { ...shift, openedBy: 'staff_x' })).toContain(
      'an open shift may only be closed',
    );
  });

  it('refuses to close without counting cash, or with movements of another shift or after close', () => {
    const shift = open();
    const none: ShiftMovements = { tenderMovements: [], cashMoves: [] };
    expect(() => zReport(shift, none, [{ tender: 'card', total: minor(0) }], at(60))).toThrow(
      /must be counted/,
    );
    const foreign = { ...tender('sale', 'cash', 1_000), shiftId: 'shift_02' };
    const cash = [{ tender: 'cash', total: minor(0) }];
    expect(() =>
      zReport(shift, { tenderMovements: [foreign], cashMoves: [] }, cash, at(60)),
    ).toThrow(/belongs to shift_02/);
    const late = tender('sale', 'cash', 1_000, 90);
    expect(() => zReport(shift, { tenderMovements: [late], cashMoves: [] }, cash, at(60))).toThrow(
      /after the close/,
    );
  });

  it('cash move documents are checked at the door', () => {
    const shift = open();
    const none: ShiftMovements = { tenderMovements: [], cashMoves: [] };
    const move = cashMove(shift, none, 'paid-in', 20_000, 'change from safe');
    expect(cashMoveProblems(move)).toEqual([]);
    expect(cashMoveProblems({ ...move, amount: minor(-20_000) })).toContain(
      'paid-in puts cash in: amount > 0',
    );
  });

  it('shift and cash move schemas are RxDB schemas that accept real documents', () => {
    checkSchema(shiftSchema as never);
    checkSchema(cashMoveSchema as never);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const shift = open();
    const none: ShiftMovements = { tenderMovements: [], cashMoves: [] };
    const { shift: closed } = closeShift(
      shift,
      none,
      [
        { tender: 'cash', total: minor(2_000_000) },
        { tender: 'card', total: minor(0) },
      ],
      { closedAt: at(60), closedBy: 'staff_lan' },
    );
    const validateShift = ajv.compile(shiftSchema);
    expect(validateShift(shift)).toBe(true);
    expect(validateShift(closed)).toBe(true);
    expect(validateShift({ ...shift, cashInDrawer: 5 })).toBe(false);
    const validateMove = ajv.compile(cashMoveSchema);
    expect(validateMove(cashMove(shift, none, 'drop', 1_000_000))).toBe(true);
  });
});

describe('shift reports: properties', () => {
  const movementArb = fc.record({
    kind: fc.constantFrom<'sale' | 'refund'>('sale', 'refund'),
    tender: fc.constantFrom('cash', 'card', 'gift-card'),
    amount: fc.integer({ min: 1, max: 10_000_000 }),
    minute: fc.integer({ min: 1, max: 400 }),
  });

  it('Z over/short equals counted minus expected, per tender and in total', () => {
    fc.assert(
      fc.property(
        fc.array(movementArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        (steps, countedCash, countedCard) => {
          const shift = open();
          const tenderMovements = steps.map((step) =>
            tender(
              step.kind,
              step.tender,
              step.kind === 'sale' ? step.amount : -step.amount,
              step.minute,
            ),
          );
          const movements: ShiftMovements = { tenderMovements, cashMoves: [] };
          const counts = [
            { tender: 'cash', total: minor(countedCash) },
            { tender: 'card', total: minor(countedCard) },
          ];
          const z = zReport(shift, movements, counts, at(480));
          const expectedOf = (name: string) =>
            (name === 'cash' ? 2_000_000 : 0) +
            tenderMovements.filter((m) => m.tender === name).reduce((a, m) => a + m.amount, 0);
          for (const line of z.lines) {
            expect(line.expected).toBe(expectedOf(line.tender));
            if (line.counted !== null) expect(line.overShort).toBe(line.counted - line.expected);
          }
          const counted = z.lines.filter((line) => line.counted !== null);
          expect(z.totalOverShort).toBe(
            counted.reduce((total, line) => total + (line.counted ?? 0) - line.expected, 0),
          );
        },
      ),
    );
  });

  it('an X report does not depend on the order or repetition of its movements', () => {
    fc.assert(
      fc.property(fc.array(movementArb, { maxLength: 30 }), (steps) => {
        const shift = open();
        const tenderMovements = steps.map((step) =>
          tender(step.kind, step.tender, step.amount, step.minute),
        );
        const forward = xReport(shift, { tenderMovements, cashMoves: [] }, at(500));
        const replayed = [...tenderMovements].reverse().concat(tenderMovements);
        expect(xReport(shift, { tenderMovements: replayed, cashMoves: [] }, at(500))).toEqual(
          forward,
        );
      }),
    );
  });
});
