/** The demo stores: the register starts in the first; the second is "another store". */
export const DEMO_STORE_ID = 'hcm-q1';
export const DEMO_OTHER_STORE_ID = 'hn-hk';
