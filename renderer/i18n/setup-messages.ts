/**
 * The first-run setup screen's strings (renderer/setup/), in Vietnamese and English. The English
 * table is typed by the Vietnamese one, so a missing translation is a compile error. What is
 * wrong with a field is said by src/setup/first-run.ts, in both languages, for the screen and the
 * device host alike.
 */
import { useMemo } from 'react';
import { useAppStore } from '../state/app-store';
import { tableTranslator } from './table-translator';
import type { TableTranslate } from './table-translator';

const vi = {
  'setup.title': 'Thiết lập cửa hàng',
  'setup.intro':
    'Máy này chưa có cửa hàng nào. Nhập cửa hàng, quầy và người quản lý đầu tiên; chỉ làm một lần.',
  'setup.store': 'Cửa hàng',
  'setup.storeId': 'Mã cửa hàng (chữ thường, số, dấu gạch ngang)',
  'setup.storeName': 'Tên cửa hàng',
  'setup.timeZone': 'Múi giờ',
  'setup.registerId': 'Mã quầy',
  'setup.sellerTaxCode': 'Mã số thuế người bán (không bắt buộc)',
  'setup.manager': 'Người quản lý đầu tiên',
  'setup.managerName': 'Họ tên',
  'setup.pin': 'Mã PIN ({digits} chữ số trở lên)',
  'setup.pinAgain': 'Nhập lại mã PIN',
  'setup.submit': 'Thiết lập',
  'setup.saving': 'Đang thiết lập…',
  'setup.done': 'Đã thiết lập xong. Đang mở màn hình đăng nhập…',
  'setup.language': 'English',
};

const en: Record<keyof typeof vi, string> = {
  'setup.title': 'Set up the store',
  'setup.intro':
    'This register has no store yet. Enter the store, this register and the first manager; this is done once.',
  'setup.store': 'Store',
  'setup.storeId': 'Store id (lower-case letters, digits, dashes)',
  'setup.storeName': "Store's name",
  'setup.timeZone': 'Time zone',
  'setup.registerId': 'Register id',
  'setup.sellerTaxCode': "Seller's tax code (optional)",
  'setup.manager': 'First manager',
  'setup.managerName': 'Full name',
  'setup.pin': 'PIN ({digits} digits or more)',
  'setup.pinAgain': 'PIN again',
  'setup.submit': 'Set up',
  'setup.saving': 'Setting up…',
  'setup.done': 'Set up. Opening the sign-in screen…',
  'setup.language': 'Tiếng Việt',
};

export type SetupMessageKey = keyof typeof vi;
export const SETUP_MESSAGES = { 'vi-VN': vi, 'en-US': en } as const;

export function useSetupTranslate(): TableTranslate<SetupMessageKey> {
  const locale = useAppStore((state) => state.locale);
  return useMemo(() => tableTranslator(SETUP_MESSAGES[locale]), [locale]);
}
