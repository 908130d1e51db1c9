/**
 * What the signed-in member of staff may do, from the store settings' role permissions (written
 * by the server). No settings yet (first sync) means nothing is allowed: the manager screens stay
 * shut rather than guess.
 */
import type { Permission, StaffDoc, StoreSettingsDoc } from '../../src/documents';
import { useAppStore } from '../state/app-store';

export const MANAGER_PERMISSIONS: readonly Permission[] = [
  'manage-shift',
  'manage-stock',
  'view-reports',
  'manage-settings',
];

export function can(
  staff: StaffDoc | null,
  settings: StoreSettingsDoc | null,
  permission: Permission,
): boolean {
  if (!staff || !settings) return false;
  return settings.permissions[staff.role].includes(permission);
}

/** May open the manager screens: any one manager permission is enough to see its own tab. */
export function canManage(staff: StaffDoc | null, settings: StoreSettingsDoc | null): boolean {
  return MANAGER_PERMISSIONS.some((permission) => can(staff, settings, permission));
}

export function usePermission(permission: Permission): boolean {
  const staff = useAppStore((state) => state.staff);
  const settings = useAppStore((state) => state.settings);
  return can(staff, settings, permission);
}

export function useCanManage(): boolean {
  const staff = useAppStore((state) => state.staff);
  const settings = useAppStore((state) => state.settings);
  return canManage(staff, settings);
}
