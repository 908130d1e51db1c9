/** Which dialog of the sell screen is open; one at a time, Esc closes it. */
import { create } from 'zustand';

export type SellDialog =
  | 'none'
  | 'customer'
  | 'edit-line'
  | 'order-discount'
  | 'park'
  | 'parked'
  | 'void'
  | 'receipts'
  | 'audit'
  | 'gift-card';

interface SellUiState {
  dialog: SellDialog;
  open: (dialog: SellDialog) => void;
  close: () => void;
}

export const useSellUiStore = create<SellUiState>()((set) => ({
  dialog: 'none',
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: 'none' }),
}));
