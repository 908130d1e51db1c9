/**
 * Pickup check-ins made at the kiosk. The sync-server keeps them for the pickup store
 * (`POST/GET /api/v1/checkins`), so a kiosk on its own device alerts every register of the
 * store; the manager's "Pickup check-ins" list polls them. Offline, a check-in is kept on this
 * device (localStorage, announced on a BroadcastChannel to the other tabs of the same browser)
 * and sent when the server answers again.
 */
import { create } from 'zustand';
import { createServerApi } from '../platform/server-api';
import { services } from '../services';

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

function serverApi() {
  return createServerApi(services().config);
}

/** Sends the check-ins this device holds that the server has not confirmed yet. */
async function sendPending(list: readonly PickupCheckin[]): Promise<Set<string>> {
  const sent = new Set<string>();
  for (const checkin of list) {
    const result = await serverApi().call('checkins/create', { orderId: checkin.orderId });
    if (result.ok) sent.add(checkin.orderId);
  }
  return sent;
}

interface CheckinState {
  checkins: PickupCheckin[];
  checkIn: (checkin: PickupCheckin) => void;
  served: (orderId: string) => void;
  reload: () => void;
  /** Merges the server's open check-ins for this store (polled by the manager's list). */
  refresh: () => Promise<void>;
}

export const useCheckinStore = create<CheckinState>()((set) => ({
  checkins: typeof localStorage === 'undefined' ? [] : load(),
  checkIn: (checkin) => {
    const list = [...load().filter((entry) => entry.orderId !== checkin.orderId), checkin];
    save(list);
    set({ checkins: list });
    channel?.postMessage('changed');
    void sendPending([checkin]);
  },
  served: (orderId) => {
    const list = load().filter((entry) => entry.orderId !== orderId);
    save(list);
    set({ checkins: list });
    channel?.postMessage('changed');
    void serverApi().call('checkins/served', { orderId });
  },
  reload: () => set({ checkins: load() }),
  refresh: async () => {
    const local = load();
    const result = await serverApi().call('checkins/list', {});
    if (!result.ok) {
      set({ checkins: local });
      return;
    }
    // Local ones the server does not list yet were made offline: send them now.
    const known = new Set(result.value.checkins.map((entry) => entry.orderId));
    await sendPending(local.filter((entry) => !known.has(entry.orderId)));
    const merged = new Map<string, PickupCheckin>();
    for (const entry of local) merged.set(entry.orderId, entry);
    for (const entry of result.value.checkins) {
      merged.set(entry.orderId, {
        orderId: entry.orderId,
        orderNumber: entry.orderNumber,
        ...(entry.customerInitials ? { customerName: entry.customerInitials } : {}),
        at: entry.at,
      });
    }
    set({ checkins: [...merged.values()].sort((a, b) => a.at.localeCompare(b.at)) });
  },
}));

channel?.addEventListener('message', () => useCheckinStore.getState().reload());
