/**
 * Who may work where, and what a new PIN must look like: one place for the register (sign-in,
 * approvals), the server's read path (which staff a register receives) and the server's staff
 * routes (which PINs it accepts).
 */
import type { StaffDoc } from '../documents/staff';

/** The `storeIds` entry of someone who works in every store (area managers). */
export const ALL_STORES = '*';

/** True when this member of staff may work in this store (active or not). */
export function worksInStore(member: Pick<StaffDoc, 'storeIds'>, storeId: string): boolean {
  return member.storeIds.includes(storeId) || member.storeIds.includes(ALL_STORES);
}

/** A new PIN's digits by default (issue #15: 4-digit PINs fell to a copied replica in minutes). */
export const DEFAULT_MIN_PIN_LENGTH = 6;
/** The register's keypad takes at most this many digits. */
export const MAX_PIN_LENGTH = 8;

export interface PinProblem {
  code: 'not_digits' | 'too_short' | 'too_long';
  /** Shown to the person choosing the PIN. */
  vi: string;
  en: string;
}

/**
 * Why a PIN may not be set as someone's new PIN, or null. Only for setting a PIN: PINs set
 * before the rule (4 digits) still sign in until they are changed.
 */
export function newPinProblem(
  pin: string,
  minLength: number = DEFAULT_MIN_PIN_LENGTH,
): PinProblem | null {
  if (!/^[0-9]+$/.test(pin)) {
    return {
      code: 'not_digits',
      vi: 'Mã PIN chỉ gồm chữ số; hãy nhập lại bằng bàn phím số.',
      en: 'A PIN is digits only; enter it again on the number keys.',
    };
  }
  if (pin.length < minLength) {
    return {
      code: 'too_short',
      vi: `Mã PIN mới cần ít nhất ${minLength} chữ số; hãy chọn mã dài hơn.`,
      en: `A new PIN needs at least ${minLength} digits; choose a longer one.`,
    };
  }
  if (pin.length > MAX_PIN_LENGTH) {
    return {
      code: 'too_long',
      vi: `Mã PIN tối đa ${MAX_PIN_LENGTH} chữ số; hãy chọn mã ngắn hơn.`,
      en: `A PIN has at most ${MAX_PIN_LENGTH} digits; choose a shorter one.`,
    };
  }
  return null;
}
