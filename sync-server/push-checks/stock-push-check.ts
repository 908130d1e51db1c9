/**
 * What the server re-derives of a pushed stock document before it lands (see push-check.ts).
 */
import type { PushCheck } from './push-check';
import { ACCEPT } from './push-check';

export const checkStockPush: PushCheck = async (_doc, _context) => ACCEPT;
