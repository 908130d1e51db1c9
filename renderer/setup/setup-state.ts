/**
 * Whether the register waits for its first-run setup, learnt at boot from the device host
 * (`setup/status`), with the device API the setup screen sends it through.
 */
import { create } from 'zustand';
import type { DeviceApi } from '../../src/ipc/contract';

interface SetupState {
  api: DeviceApi | null;
  needed: boolean;
  require: (api: DeviceApi) => void;
}

export const useSetupState = create<SetupState>((set) => ({
  api: null,
  needed: false,
  require: (api) => set({ api, needed: true }),
}));
