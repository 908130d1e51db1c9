/**
 * Which device commands and events each screen may use: one table for both shells. The Electron
 * bridge knows a window's role from the window it created; the browser shell binds the role to
 * the token it served with that tab's page. The device host enforces it either way.
 *
 * Least privilege per screen: the customer display only renders what the host pushes; a kiosk is
 * customer-operated, so it never opens the cash drawer nor prints a sale's receipt. New contract
 * commands and events reach the cashier screen without a change here, and nobody else until
 * listed.
 */
import type { DeviceCommand, DeviceEvent } from './contract';

/** cashier: the register. customer-display: the mirror for the customer. kiosk: self-service. */
export type ScreenRole = 'cashier' | 'customer-display' | 'kiosk';

export const SCREEN_ROLES: readonly ScreenRole[] = ['cashier', 'customer-display', 'kiosk'];

type Allowed<T> = 'all' | ReadonlySet<T>;

export const ROLE_COMMANDS: Readonly<Record<ScreenRole, Allowed<DeviceCommand>>> = {
  // Device set-up is a manager's screen in the cashier window; the renderer checks the staff role.
  cashier: 'all',
  kiosk: new Set<DeviceCommand>(['app/config', 'device/status', 'printer/jobs', 'display/show']),
  'customer-display': new Set<DeviceCommand>(['app/config', 'device/status']),
};

export const ROLE_EVENTS: Readonly<Record<ScreenRole, Allowed<DeviceEvent>>> = {
  cashier: 'all',
  kiosk: new Set<DeviceEvent>(['scanner/scan', 'device/status', 'printer/job', 'display/state']),
  'customer-display': new Set<DeviceEvent>(['display/state', 'device/status']),
};

export function isScreenRole(value: unknown): value is ScreenRole {
  return typeof value === 'string' && (SCREEN_ROLES as readonly string[]).includes(value);
}

export function roleMayInvoke(role: ScreenRole, command: DeviceCommand): boolean {
  const allowed = ROLE_COMMANDS[role];
  return allowed === 'all' || allowed.has(command);
}

export function roleMayHear(role: ScreenRole, event: DeviceEvent): boolean {
  const allowed = ROLE_EVENTS[role];
  return allowed === 'all' || allowed.has(event);
}
