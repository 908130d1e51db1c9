/**
 * UI state of the pickup counter: which order is open, what the cashier is handing over and
 * how the balance is paid. Documents are not kept here: they live in the replica.
 */
import { create } from 'zustand';
import type { PickupDoc, WebOrderDoc } from '../../src/documents';

export interface OpenOrder {
  order: WebOrderDoc;
  /** Pickups from every store (this register's and the server's). */
  pickups: PickupDoc[];
  serverChecked: boolean;
}

export interface PickupNotice {
  kind: 'info' | 'error';
  text: string;
  /** The slip printed for it: its progress, or its failure with Retry, shows with the notice. */
  printJobId?: string;
}

export interface PickupState {
  open: OpenOrder | null;
  /** Quantity to hand over now, per order line. */
  quantities: Record<string, number>;
  saidNumber: string;
  saidNameOrPhone: string;
  payWith: 'cash' | 'card';
  cashGiven: string;
  approvalCode: string;
  notice: PickupNotice | null;
  busy: boolean;
  openOrder: (open: OpenOrder, quantities: Record<string, number>) => void;
  close: () => void;
  setQuantity: (lineId: string, quantity: number) => void;
  setField: (
    field: 'saidNumber' | 'saidNameOrPhone' | 'cashGiven' | 'approvalCode',
    value: string,
  ) => void;
  setPayWith: (payWith: 'cash' | 'card') => void;
  setNotice: (notice: PickupNotice | null) => void;
  setBusy: (busy: boolean) => void;
}

const blank = {
  open: null,
  quantities: {},
  saidNumber: '',
  saidNameOrPhone: '',
  payWith: 'cash' as const,
  cashGiven: '',
  approvalCode: '',
  busy: false,
};

export const usePickupStore = create<PickupState>()((set) => ({
  ...blank,
  notice: null,
  openOrder: (open, quantities) => set({ ...blank, open, quantities, notice: null }),
  close: () => set({ ...blank }),
  setQuantity: (lineId, quantity) =>
    set((state) => ({ quantities: { ...state.quantities, [lineId]: quantity } })),
  setField: (field, value) => set({ [field]: value } as Pick<PickupState, typeof field>),
  setPayWith: (payWith) => set({ payWith }),
  setNotice: (notice) => set({ notice }),
  setBusy: (busy) => set({ busy }),
}));
