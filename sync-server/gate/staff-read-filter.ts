import type { Request, Response } from 'express';
import { isPlainObject } from '../http/read-json-body';
import type { DocumentStore, StoredDoc } from '../storage/document-store';
import { worksInStore } from '../../src/staff/staff-rules';
import type { PinHash } from '../../src/documents';
import { pinVerifier } from '../access/staff-pin';
import { filterScopedRead } from './scoped-read-filter';
import type { ReadScope } from './scoped-read-filter';

/**
 * A register receives only the staff who may work in its store (issue #15: every register held
 * every PIN hash of the chain): a device's reads of the shared staff database are narrowed by
 * the members' current documents (scoped-read-filter.ts has how each read path is answered).
 * Every member's document leaves with its PIN hash replaced by this device's verifier
 * (`pinVerifier`, docs/SECURITY.md "Staff PINs"): a copied replica holds nothing a PIN can be
 * guessed against without the register's device key.
 */
export function staffReadScope(
  store: DocumentStore,
  storeId: string,
  pinKey: Uint8Array,
): ReadScope {
  return {
    what: 'staff list',
    shape: (doc) => withVerifier(doc, pinKey),
    async allowedIds(ids) {
      const current = await store.getCurrent('staff', [...new Set(ids)]);
      const allowed = new Set<string>();
      for (const [id, doc] of current) {
        if (!doc._deleted && Array.isArray(doc.storeIds) && worksIn(doc, storeId)) allowed.add(id);
      }
      return allowed;
    },
  };
}

function worksIn(doc: StoredDoc, storeId: string): boolean {
  const storeIds = (doc.storeIds as unknown[]).filter((id): id is string => typeof id === 'string');
  return worksInStore({ storeIds }, storeId);
}

/**
 * Prepares a device's read of the staff database: refuses another store's member, or has the
 * answer filtered. Call before handing the request to the backend.
 */
export function filterStaffRead(
  req: Request,
  res: Response,
  storeId: string,
  body: unknown,
  store: DocumentStore,
  pinKey: Uint8Array,
): Promise<void> {
  return filterScopedRead(req, res, body, staffReadScope(store, storeId, pinKey));
}

/** A member's document with its PIN hash replaced by the device's verifier. */
function withVerifier(doc: unknown, pinKey: Uint8Array): unknown {
  if (!isPlainObject(doc) || !isPlainObject(doc.pin)) return doc;
  const pin = doc.pin;
  if (pin.algorithm !== 'pbkdf2-sha256' || typeof pin.hash !== 'string') return doc;
  return { ...doc, pin: pinVerifier(pinKey, pin as unknown as PinHash) };
}
