/**
 * Which shift is open on this register, kept current from the local replica's change stream.
 * The sell flow reads it to tag each sale with its shift (`SaleDoc.shiftId`) and the app shows
 * the "open the register" screen instead of the sell screen while there is none.
 *
 *   const shift = useOpenShift();            // in a component: ShiftDoc | null | undefined
 *   const shiftId = openShiftNow()?.id;      // outside React (completing a sale)
 *
 * `undefined` means "not known yet" (the replica is being read): show neither the gate nor the
 * sale until it is known.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ShiftDoc } from '../../src/documents';
import { watchDocs } from '../platform/watch-docs';
import { services } from '../services';

interface OpenShiftState {
  shift: ShiftDoc | null | undefined;
  setShift: (shift: ShiftDoc | null) => void;
}

export const useOpenShiftStore = create<OpenShiftState>()((set) => ({
  shift: undefined,
  setShift: (shift) => set({ shift }),
}));

let watching = false;

/** Starts following this register's open shift; safe to call many times. */
export function watchOpenShift(): void {
  if (watching) return;
  watching = true;
  const { db, config } = services();
  // Followed for the app's lifetime: the watch is never stopped.
  watchDocs<ShiftDoc>(
    db.shifts.find({ selector: { registerId: config.registerId, status: 'open' } }),
    (shifts) => {
      // Two open shifts can only come from two devices claiming one register id: the latest
      // opened is the one this drawer is on.
      const open = shifts
        .filter((shift) => shift.storeId === config.storeId)
        .sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1));
      useOpenShiftStore.getState().setShift(open[0] ?? null);
    },
    (error) => console.error('Open shift: the replica stopped answering:', error),
  );
}

/** The open shift of this register: a ShiftDoc, null when the register is closed, undefined while loading. */
export function useOpenShift(): ShiftDoc | null | undefined {
  useEffect(() => watchOpenShift(), []);
  return useOpenShiftStore((state) => state.shift);
}

/** The open shift right now, outside React (e.g. when a sale is completed). */
export function openShiftNow(): ShiftDoc | null {
  return useOpenShiftStore.getState().shift ?? null;
}
