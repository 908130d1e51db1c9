/**
 * The first-run setup's checks (src/setup/first-run.ts), which the setup screen and the device
 * host both apply: ids that become database names, the new-PIN rule, the PIN typed twice, the
 * seller's tax code; and the store it writes passes the server's schema for store settings.
 */
import { describe, expect, it } from 'vitest';
import { DocumentValidator } from '../../../sync-server/gate/document-validator';
import {
  firstRunManager,
  firstRunProblem,
  firstRunStoreSettings,
} from '../../../src/setup/first-run';
import type { FirstRunInput } from '../../../src/setup/first-run';

const GOOD: FirstRunInput = {
  storeId: 'hn-cau-giay',
  storeName: 'Cửa hàng Cầu Giấy',
  timeZone: 'Asia/Ho_Chi_Minh',
  registerId: 'quay-2',
  managerName: 'Đặng Văn Hùng',
  pin: '73915204',
  pinAgain: '73915204',
  sellerTaxCode: '0101234567-001',
};

const fieldOf = (change: Partial<FirstRunInput>) =>
  firstRunProblem({ ...GOOD, ...change })?.field ?? null;

describe('the first-run setup checks', () => {
  it('accepts a complete setup, with or without a tax code', () => {
    expect(firstRunProblem(GOOD)).toBeNull();
    expect(firstRunProblem({ ...GOOD, sellerTaxCode: '' })).toBeNull();
  });

  it('refuses ids that could not be database names or paths', () => {
    for (const storeId of ['', 'HCM', 'hcm q1', '../x', '-x', 'a'.repeat(33), 'cửa-hàng']) {
      expect(fieldOf({ storeId })).toBe('storeId');
    }
    expect(fieldOf({ registerId: 'Quầy 1' })).toBe('registerId');
  });

  it('refuses empty names, an unknown time zone, a bad tax code', () => {
    expect(fieldOf({ storeName: '   ' })).toBe('storeName');
    expect(fieldOf({ managerName: '' })).toBe('managerName');
    expect(fieldOf({ timeZone: 'Asia/Saigon City' })).toBe('timeZone');
    expect(fieldOf({ sellerTaxCode: '01012345' })).toBe('sellerTaxCode');
  });

  it('applies the new-PIN rule of src/staff and wants the PIN twice alike', () => {
    expect(firstRunProblem({ ...GOOD, pin: '9999', pinAgain: '9999' })).toMatchObject({
      field: 'pin',
      vi: expect.stringContaining('ít nhất 6') as unknown,
    });
    expect(fieldOf({ pin: '12a456', pinAgain: '12a456' })).toBe('pin');
    expect(fieldOf({ pin: '123456789', pinAgain: '123456789' })).toBe('pin');
    expect(fieldOf({ pinAgain: '73915205' })).toBe('pinAgain');
    // A server that allows 4 digits (OMNITILL_MIN_PIN_LENGTH=4) is asked for 4.
    expect(firstRunProblem({ ...GOOD, pin: '4821', pinAgain: '4821' }, 4)).toBeNull();
  });

  it("writes settings the server's schema accepts and a manager of this store only", () => {
    const settings = firstRunStoreSettings(GOOD, '2026-12-03T09:00:00.000Z');
    const { id, ...body } = settings;
    expect(new DocumentValidator().validate('settings', { _id: id, ...body })).toBeNull();
    expect(settings.receipt.header).toEqual(['Cửa hàng Cầu Giấy', 'MST: 0101234567-001']);
    expect(settings.permissions.manager).toContain('manage-settings');
    expect(firstRunManager(GOOD)).toEqual({
      id: 'staff_hn-cau-giay-manager',
      name: 'Đặng Văn Hùng',
      role: 'manager',
      storeIds: ['hn-cau-giay'],
    });
  });
});
