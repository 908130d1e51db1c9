/**
 * What the rest of the app uses from the manager area: the screen for `#/manager`, the shift
 * gate around the sell screen, and the open shift the sell flow tags its sales with.
 */
export { ManagerScreen } from './manager-screen';
export { ShiftGate } from './shift/register-gate';
export { openShiftNow, useOpenShift, watchOpenShift } from '../state/open-shift-store';
export { canManage, useCanManage } from './permissions';
