/**
 * UI state that outlives a screen: start-up progress, who is signed in, the language, the sync
 * state shown in the status bar. Services (database, device API, catalog index) live in
 * ../services, not here: zustand holds plain data the screens render.
 */
import { create } from 'zustand';
import type { StaffDoc, StoreSettingsDoc } from '../../src/documents';
import type { AppConfig, DeviceStatus } from '../../src/ipc/contract';
import type { Locale } from '../../src/money';
import type { SyncSnapshot } from '../data/replication';

export type StartupPhase = 'starting' | 'loading-catalog' | 'ready' | 'failed';

export interface AppState {
  phase: StartupPhase;
  startupError: string | null;
  config: AppConfig | null;
  settings: StoreSettingsDoc | null;
  locale: Locale;
  staff: StaffDoc | null;
  catalogCount: number;
  /** Goes up on every change to the catalog index (a re-priced product too, not only new). */
  catalogRevision: number;
  sync: SyncSnapshot;
  /** Printer, scanners, drawer, display: as the device host last reported them. */
  devices: DeviceStatus[];
  setPhase: (phase: StartupPhase, error?: string) => void;
  setConfig: (config: AppConfig) => void;
  setSettings: (settings: StoreSettingsDoc | null) => void;
  /** After the catalog index changed: its size now, and a new revision. */
  setCatalogCount: (count: number) => void;
  updateSync: (update: Partial<SyncSnapshot>) => void;
  setDevices: (devices: DeviceStatus[]) => void;
  updateDevice: (device: DeviceStatus) => void;
  signIn: (staff: StaffDoc) => void;
  signOut: () => void;
  toggleLocale: () => void;
}

export const useAppStore = create<AppState>()((set) => ({
  phase: 'starting',
  startupError: null,
  config: null,
  settings: null,
  locale: 'vi-VN',
  staff: null,
  catalogCount: 0,
  catalogRevision: 0,
  sync: {
    online: false,
    lastSyncAt: null,
    lastError: null,
    readyCollections: [],
    pendingPush: 0,
    pendingSales: 0,
    rejected: [],
  },
  devices: [],
  setPhase: (phase, error) => set({ phase, startupError: error ?? null }),
  setConfig: (config) => set({ config, locale: config.locale }),
  setSettings: (settings) => set({ settings }),
  setCatalogCount: (catalogCount) =>
    set((state) => ({ catalogCount, catalogRevision: state.catalogRevision + 1 })),
  updateSync: (update) =>
    set((state) => ({
      sync: {
        ...state.sync,
        ...update,
        readyCollections: [
          ...new Set([...state.sync.readyCollections, ...(update.readyCollections ?? [])]),
        ],
      },
    })),
  setDevices: (devices) => set({ devices }),
  updateDevice: (device) =>
    set((state) => ({
      devices: state.devices.some((known) => known.id === device.id)
        ? state.devices.map((known) => (known.id === device.id ? device : known))
        : [...state.devices, device],
    })),
  signIn: (staff) => set({ staff }),
  signOut: () => set({ staff: null }),
  toggleLocale: () => set((state) => ({ locale: state.locale === 'vi-VN' ? 'en-US' : 'vi-VN' })),
}));
