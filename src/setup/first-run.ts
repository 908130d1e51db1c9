/**
 * The first-run setup of a register that runs its own local sync-server (issue #15): who the
 * store is, this register, and the first manager. One place for its checks and for what it
 * writes: the setup screen checks as the manager types, the device host checks again before it
 * writes anything (it never trusts the page).
 */
import { newStoreSettings } from '../demo/store-defaults';
import type { StoreSettingsDoc } from '../documents/store-settings';
import type { StaffDoc } from '../documents/staff';
import { DEFAULT_STORE_TIME_ZONE, isValidTimeZone } from '../store-clock';
import { DEFAULT_MIN_PIN_LENGTH, newPinProblem } from '../staff/staff-rules';

export interface FirstRunInput {
  storeId: string;
  storeName: string;
  /** IANA zone; the screen offers Asia/Ho_Chi_Minh. */
  timeZone: string;
  registerId: string;
  managerName: string;
  pin: string;
  /** The PIN typed a second time. */
  pinAgain: string;
  /** Mã số thuế, printed in the receipt header; empty when not given. */
  sellerTaxCode: string;
}

export type FirstRunField = keyof FirstRunInput;

export interface FirstRunProblem {
  field: FirstRunField;
  vi: string;
  en: string;
}

export const FIRST_RUN_DEFAULT_TIME_ZONE = DEFAULT_STORE_TIME_ZONE;

/** Ids go into database names and URLs: lower-case letters, digits and dashes. */
const ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** 10 digits, 10-3 for a dependent unit, or a 12-digit personal number (src/einvoice). */
const TAX_CODE = /^(\d{10}(-\d{3})?|\d{12})$/;
const MAX_NAME = 80;

function idProblem(field: 'storeId' | 'registerId', value: string): FirstRunProblem | null {
  if (ID.test(value)) return null;
  const what =
    field === 'storeId'
      ? { vi: 'Mã cửa hàng', en: 'The store id' }
      : {
          vi: 'Mã quầy',
          en: 'The register id',
        };
  return {
    field,
    vi: `${what.vi} chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 32 ký tự), ví dụ hcm-q1; hãy sửa lại.`,
    en: `${what.en} may hold only lower-case letters, digits and dashes (at most 32), e.g. hcm-q1; correct it.`,
  };
}

function nameProblem(field: 'storeName' | 'managerName', value: string): FirstRunProblem | null {
  const trimmed = value.trim();
  if (trimmed.length > 0 && trimmed.length <= MAX_NAME) return null;
  const what =
    field === 'storeName'
      ? { vi: 'Tên cửa hàng', en: "The store's name" }
      : { vi: 'Tên người quản lý', en: "The manager's name" };
  return {
    field,
    vi: `${what.vi} cần từ 1 đến ${MAX_NAME} ký tự; hãy nhập lại.`,
    en: `${what.en} needs 1 to ${MAX_NAME} characters; enter it again.`,
  };
}

/** The first thing to fix, in screen order, or null when the setup may be written. */
export function firstRunProblem(
  input: FirstRunInput,
  minPinLength: number = DEFAULT_MIN_PIN_LENGTH,
): FirstRunProblem | null {
  const found =
    idProblem('storeId', input.storeId) ??
    nameProblem('storeName', input.storeName) ??
    (isValidTimeZone(input.timeZone)
      ? null
      : {
          field: 'timeZone' as const,
          vi: `Múi giờ "${input.timeZone}" không hợp lệ; hãy dùng tên như ${DEFAULT_STORE_TIME_ZONE}.`,
          en: `"${input.timeZone}" is not a time zone; use a name like ${DEFAULT_STORE_TIME_ZONE}.`,
        }) ??
    idProblem('registerId', input.registerId) ??
    nameProblem('managerName', input.managerName);
  if (found) return found;
  const pin = newPinProblem(input.pin, minPinLength);
  if (pin) return { field: 'pin', vi: pin.vi, en: pin.en };
  if (input.pinAgain !== input.pin) {
    return {
      field: 'pinAgain',
      vi: 'Hai lần nhập mã PIN không khớp; hãy nhập lại lần thứ hai.',
      en: 'The two PINs differ; type the PIN again the second time.',
    };
  }
  if (input.sellerTaxCode.trim() !== '' && !TAX_CODE.test(input.sellerTaxCode.trim())) {
    return {
      field: 'sellerTaxCode',
      vi: 'Mã số thuế gồm 10 chữ số, 10 chữ số-3 chữ số hoặc 12 chữ số; hãy sửa hoặc để trống.',
      en: 'A tax code is 10 digits, 10 digits-3 digits or 12 digits; correct it or leave it empty.',
    };
  }
  return null;
}

/** A new store's settings: the Vietnamese defaults (src/demo/store-defaults.ts) and its zone. */
export function firstRunStoreSettings(input: FirstRunInput, now: string): StoreSettingsDoc {
  const name = input.storeName.trim();
  const taxCode = input.sellerTaxCode.trim();
  return {
    ...newStoreSettings(
      {
        storeId: input.storeId,
        name,
        address: '',
        receipt: { header: taxCode ? [name, `MST: ${taxCode}`] : [name], footer: [] },
      },
      now,
    ),
    timeZone: input.timeZone,
  };
}

/** The first manager, a manager of this store only; the server hashes the PIN. */
export function firstRunManager(
  input: FirstRunInput,
): Pick<StaffDoc, 'id' | 'name' | 'role' | 'storeIds'> {
  return {
    id: `staff_${input.storeId}-manager`,
    name: input.managerName.trim(),
    role: 'manager',
    storeIds: [input.storeId],
  };
}
