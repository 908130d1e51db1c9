/**
 * Pickup check-ins made at the kiosk. There is no collection for them (the free RxDB tier leaves
 * one slot, docs/KIOSK.md) and no server endpoint yet, so a check-in lives on this device: kept
 * in localStorage and announced on a BroadcastChannel, which every Omnitill tab of the same
 * browser profile hears (a kiosk tab beside the register's tab in the browser shell). The
 * manager's "Pickup check-ins" list reads the same store.
 */
import { create } from 'zustand';

export interface PickupCheckin {
  orderId: string;
  orderNumber: string;
  customerName?: string;
  at: string;
}

const STORAGE_KEY = 'omnitill.pickupCheckins';
const CHANNEL = 'omnitill-pickup-checkins';
/** Check-ins older than this are dropped: nobody waits a day at the counter. */
const KEEP_MS = 12 * 60 * 60 * 1000;

function load(): PickupCheckin[] {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    const list = saved ? (JSON.parse(saved) as PickupCheckin[]) : [];
    return list.filter((entry) => Date.now() - Date.parse(entry.at) < KEEP_MS);
  } catch {
    return [];
  }
}

function save(list: readonly PickupCheckin[]): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
}

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

interface CheckinState {
  checkins: PickupCheckin[];
  checkIn: (checkin: PickupCheckin) => void;
  served: (orderId: string) => void;
  reload: () => void;
}

export const useCheckinStore = create<CheckinState>()((set) => ({
  checkins: typeof localStorage === 'undefined' ? [] : load(),
  checkIn: (checkin) => {
    const list = [...load().filter((entry) => entry.orderId !== checkin.orderId), checkin];
    save(list);
    set({ checkins: list });
    channel?.postMessage('changed');
  },
  served: (orderId) => {
    const list = load().filter((entry) => entry.orderId !== orderId);
    save(list);
    set({ checkins: list });
    channel?.postMessage('changed');
  },
  reload: () => set({ checkins: load() }),
}));

channel?.addEventListener('message', () => useCheckinStore.getState().reload());
