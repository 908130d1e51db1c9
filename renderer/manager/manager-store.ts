import { create } from 'zustand';

export type ManagerArea =
  'shift' | 'stock' | 'reports' | 'settings' | 'promotions' | 'pickups' | 'einvoices';

/** Which manager area is open; kept while the manager steps out to the sell screen and back. */
interface ManagerState {
  area: ManagerArea;
  setArea: (area: ManagerArea) => void;
}

export const useManagerStore = create<ManagerState>()((set) => ({
  area: 'shift',
  setArea: (area) => set({ area }),
}));
