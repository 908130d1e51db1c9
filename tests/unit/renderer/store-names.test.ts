import { describe, expect, it } from 'vitest';
import { storeNamesOf } from '../../../renderer/lookup/store-names';

describe('stores by name (issue #18)', () => {
  const storeName = storeNamesOf([
    { storeId: 'hcm-q1', name: 'Omnitill Quận 1' },
    { storeId: 'hn-hk', name: 'Omnitill Hoàn Kiếm' },
  ]);

  it('names each store the replica holds settings for', () => {
    expect(storeName('hcm-q1')).toBe('Omnitill Quận 1');
    expect(storeName('hn-hk')).toBe('Omnitill Hoàn Kiếm');
  });

  it('shows the id of a store whose settings have not replicated yet', () => {
    expect(storeName('dn-hc')).toBe('dn-hc');
  });
});
