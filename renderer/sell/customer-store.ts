/**
 * The customer attached to the open sale, with what the counter shows about them: tier and
 * points (sums of the loyalty ledger held locally, by src/loyalty) and recent orders from every
 * channel (local sales and web orders, plus the server's history when it can be reached).
 */
import { create } from 'zustand';
import type { CustomerDoc, LoyaltyEntryDoc, SaleDoc, WebOrderDoc } from '../../src/documents';
import { loyaltyBalance, tierStanding } from '../../src/loyalty';
import type { LoyaltyBalance, TierStanding } from '../../src/loyalty';
import type { Minor } from '../../src/money';
import { watchDocs } from '../platform/watch-docs';
import type { Unwatch } from '../platform/watch-docs';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { newId, useCartStore } from './cart-store';

export interface HistoryEntry {
  kind: 'sale' | 'order' | 'return';
  id: string;
  channel: string;
  at: string;
  total: Minor;
  status?: string;
}

/** Where the history comes from: the server now, a copy saved earlier, or this register only. */
export type HistorySource = 'server' | 'cache' | 'local';

export interface CustomerState {
  customer: CustomerDoc | null;
  balance: LoyaltyBalance | null;
  /**
   * The customer's ledger entries this register holds: the sale's own points are worked out from
   * them (renderer/sell/payment/points-holds.ts, pointsBeforeSale), its holds not counted twice.
   */
  entries: LoyaltyEntryDoc[];
  standing: TierStanding | null;
  history: HistoryEntry[];
  historySource: HistorySource;
  /** When the server's history was fetched (for `server` and `cache`). */
  historyAt: string | null;
  attach: (customer: CustomerDoc) => void;
  detach: () => void;
}

let unwatch: Unwatch | null = null;

/** The state with no customer attached (and nothing of the last one's kept). */
const NO_CUSTOMER = {
  customer: null,
  balance: null,
  entries: [],
  standing: null,
  history: [],
  historySource: 'local',
  historyAt: null,
} satisfies Omit<CustomerState, 'attach' | 'detach'>;

export const useCustomerStore = create<CustomerState>()((set, get) => ({
  ...NO_CUSTOMER,
  attach: (customer) => {
    unwatch?.();
    set({ ...NO_CUSTOMER, customer });
    useCartStore.getState().setCustomer(customer.id);
    const { db } = services();
    // The balance follows the ledger live: an earn replicated in from the web shows at once.
    unwatch = watchDocs<LoyaltyEntryDoc>(
      db.loyalty.find({ selector: { customerId: customer.id } }),
      (entries) => {
        if (get().customer?.id !== customer.id) return;
        const program = useAppStore.getState().settings?.loyalty?.program;
        set({
          entries,
          balance: loyaltyBalance(entries, customer.id),
          standing: program
            ? tierStanding(entries, customer.id, program, new Date().toISOString())
            : null,
        });
      },
      (error) => console.error("Customer's points: the replica's loyalty ledger stopped:", error),
    );
    void loadHistory(customer.id).then((loaded) => {
      if (get().customer?.id === customer.id) set(loaded);
    });
  },
  detach: () => {
    unwatch?.();
    unwatch = null;
    set(NO_CUSTOMER);
    useCartStore.getState().setCustomer(null);
  },
}));

const CACHE_PREFIX = 'omnitill.customerHistory.';

interface ServerHistory {
  history: {
    kind: string;
    id: string;
    channel: string;
    at: string;
    total: number;
    status?: string;
  }[];
}

async function localHistory(customerId: string): Promise<HistoryEntry[]> {
  const { db } = services();
  const [sales, orders] = await Promise.all([
    db.sales.find({ selector: { customerId } }).exec(),
    db.orders.find({ selector: { customerId } }).exec(),
  ]);
  return [
    ...sales.map((doc) => {
      const sale = doc.toJSON() as SaleDoc;
      return {
        kind: 'sale' as const,
        id: sale.id,
        channel: 'store',
        at: sale.completedAt,
        total: sale.priced.totals.total,
        status: sale.status,
      };
    }),
    ...orders.map((doc) => {
      const order = doc.toJSON() as WebOrderDoc;
      return {
        kind: 'order' as const,
        id: order.id,
        channel: order.channel,
        at: order.placedAt,
        total: order.total,
        status: order.status,
      };
    }),
  ];
}

function merge(...lists: HistoryEntry[][]): HistoryEntry[] {
  const byId = new Map<string, HistoryEntry>();
  for (const list of lists) for (const entry of list) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, 10);
}

/**
 * The customer's history: what this register holds, merged with the server's answer when it
 * comes within a few seconds (and saved for next time), or with the last saved answer.
 */
async function loadHistory(
  customerId: string,
): Promise<Pick<CustomerState, 'history' | 'historySource' | 'historyAt'>> {
  const local = await localHistory(customerId);
  const { config } = services();
  try {
    const response = await fetch(`${config.apiUrl}/customers/${encodeURIComponent(customerId)}`, {
      headers: { Authorization: `Basic ${btoa(`${config.deviceId}:${config.deviceSecret}`)}` },
      signal: AbortSignal.timeout(4000),
    });
    if (response.ok) {
      const body = (await response.json()) as ServerHistory;
      const fetchedAt = new Date().toISOString();
      const server = body.history.map((entry): HistoryEntry => ({
        kind: entry.kind === 'order' || entry.kind === 'return' ? entry.kind : 'sale',
        id: entry.id,
        channel: entry.channel,
        at: entry.at,
        total: entry.total as Minor,
        ...(entry.status ? { status: entry.status } : {}),
      }));
      localStorage.setItem(CACHE_PREFIX + customerId, JSON.stringify({ fetchedAt, server }));
      return { history: merge(server, local), historySource: 'server', historyAt: fetchedAt };
    }
  } catch {
    // Offline or slow: fall back to the saved copy below.
  }
  const saved = localStorage.getItem(CACHE_PREFIX + customerId);
  if (saved) {
    const cached = JSON.parse(saved) as { fetchedAt: string; server: HistoryEntry[] };
    return {
      history: merge(cached.server, local),
      historySource: 'cache',
      historyAt: cached.fetchedAt,
    };
  }
  return { history: merge(local), historySource: 'local', historyAt: null };
}

/** A new customer made at the counter, offline if need be; it replicates to the server. */
export async function createCustomer(fields: {
  name: string;
  phone?: string;
  email?: string;
  loyaltyCardNumber?: string;
}): Promise<CustomerDoc> {
  const { db, config } = services();
  const now = new Date();
  const customer: CustomerDoc = {
    id: newId('cust'),
    name: fields.name.trim(),
    ...(fields.phone ? { phone: fields.phone } : {}),
    ...(fields.email ? { email: fields.email.trim() } : {}),
    ...(fields.loyaltyCardNumber ? { loyaltyCardNumber: fields.loyaltyCardNumber.trim() } : {}),
    origin: { channel: 'store', storeId: config.storeId, deviceId: config.deviceId },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await db.customers.insert(customer);
  return customer;
}

/** The customers this register holds, for the look-up. */
export async function heldCustomers(): Promise<CustomerDoc[]> {
  const docs = await services().db.customers.find().exec();
  return docs.map((doc) => doc.toJSON() as CustomerDoc);
}
