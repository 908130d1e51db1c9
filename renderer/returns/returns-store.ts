/**
 * UI state of the returns counter: the document found, what the cashier chose to take back,
 * the planned refund and the approval. The plan itself comes from src/returns (return-flow.ts).
 */
import { create } from 'zustand';
import type { Receipt } from '../../src/receipt';
import type { ReturnDoc } from '../../src/documents';
import type { ReturnPlan, ReturnSource } from '../../src/returns';
import type { FoundDocument } from '../lookup/document-lookup';
import { newId } from '../platform/new-id';

export interface ReturnRow {
  quantity: number;
  restock: boolean;
  reason: string;
}

export interface ReturnsState {
  found: FoundDocument | null;
  source: ReturnSource | null;
  /** Web orders only: what each line had handed over, the most that can come back. */
  pickedUp: Record<string, number> | null;
  rows: Record<string, ReturnRow>;
  exchange: boolean;
  plan: ReturnPlan | null;
  /**
   * The return's id, made when it is planned: a retried confirmation claims and writes under the
   * same id, so its stock moves and loyalty entries (derived from it) are never written twice.
   */
  returnId: string | null;
  needsApproval: boolean;
  managerPin: string;
  notice: { kind: 'info' | 'error'; text: string } | null;
  /** The return just made; an exchange's ReturnDoc rides along for the new sale. */
  /** The return just made, with the receipt it printed (View receipt shows it). */
  done: { returnId: string; text: string; receipt: Receipt; exchange?: ReturnDoc } | null;
  busy: boolean;
  start: (
    found: FoundDocument,
    source: ReturnSource,
    pickedUp: Record<string, number> | null,
  ) => void;
  setRow: (lineId: string, row: Partial<ReturnRow>) => void;
  setExchange: (exchange: boolean) => void;
  setPlan: (plan: ReturnPlan | null, needsApproval: boolean) => void;
  setManagerPin: (pin: string) => void;
  setNotice: (notice: ReturnsState['notice']) => void;
  finish: (done: ReturnsState['done']) => void;
  setBusy: (busy: boolean) => void;
  reset: () => void;
}

const blank = {
  found: null,
  source: null,
  pickedUp: null,
  rows: {},
  exchange: false,
  plan: null,
  returnId: null,
  needsApproval: false,
  managerPin: '',
  notice: null,
  done: null,
  busy: false,
};

export const useReturnsStore = create<ReturnsState>()((set) => ({
  ...blank,
  start: (found, source, pickedUp) => set({ ...blank, found, source, pickedUp }),
  // Any change to the choice invalidates the planned refund: it is planned again.
  setRow: (lineId, row) =>
    set((state) => ({
      rows: {
        ...state.rows,
        [lineId]: { quantity: 0, restock: true, reason: '', ...state.rows[lineId], ...row },
      },
      plan: null,
      returnId: null,
    })),
  setExchange: (exchange) => set({ exchange, plan: null, returnId: null }),
  setPlan: (plan, needsApproval) =>
    set({ plan, needsApproval, managerPin: '', returnId: plan ? newId('ret') : null }),
  setManagerPin: (managerPin) => set({ managerPin }),
  setNotice: (notice) => set({ notice }),
  finish: (done) => set({ ...blank, done }),
  setBusy: (busy) => set({ busy }),
  reset: () => set({ ...blank }),
}));
