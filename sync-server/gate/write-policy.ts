import type { LoyaltyEntryDoc } from '../../src/documents';
import {
  alwaysImmutableTypes,
  documentTypeSpec,
  isStoredImmutable,
} from '../../src/documents/registry';
import type { SaleDoc } from '../../src/documents';
import type { StockMoveDoc } from '../../src/documents';
import { loyaltyEntryProblems } from '../../src/loyalty';
import { stockMoveProblems } from '../../src/stock';
import type { Principal } from '../access/auth';
import type { FlagDraft, PushRejectionCode } from './push-checks/push-check';
import type { Collection, DatabaseName } from '../storage/database-layout';
import type { StoredDoc } from '../storage/document-store';
import { DocumentValidator, documentBytes, MAX_DOCUMENT_BYTES } from './document-validator';
import { saleTotalsVerdict } from '../history/sale-check';
import { sameContent } from '../storage/same-content';
import type { StoreSettingsHistory } from '../history/settings-history';

export type RejectionCode =
  | 'bad_document'
  | 'too_large'
  | 'schema'
  | 'read_only'
  | 'not_your_store'
  | 'create_only'
  | 'immutable'
  | 'bare_tombstone'
  | 'attachments'
  | 'domain_rule'
  | 'totals_mismatch'
  | PushRejectionCode;

export type WriteDecision =
  | { kind: 'write'; doc: Record<string, unknown>; flags?: FlagDraft[] }
  | { kind: 'unchanged'; id: string; rev: string }
  | {
      kind: 'reject';
      id: string;
      code: RejectionCode;
      reason: string;
      serverHasDoc: boolean;
      /** The document as pushed, kept in the rejection log. */
      doc: unknown;
    };

export interface WriteRequest {
  principal: Principal;
  database: DatabaseName;
  doc: Record<string, unknown>;
  /** The server's winning revision of this id, tombstone included; undefined when new. */
  current: StoredDoc | undefined;
  /** Every version of the database's store's settings, for re-pricing sales. */
  settingsHistory: StoreSettingsHistory | undefined;
}

/** Collections whose documents are facts written once (the gate removes losing branches). */
export const IMMUTABLE_FACTS: ReadonlySet<Collection> = new Set(alwaysImmutableTypes());

/**
 * Decides, for one pushed document, whether it lands, is already there, or is rejected and
 * why. Pure apart from the validator: the gate fetches `current` and the settings history first.
 */
export function decideWrite(validator: DocumentValidator, request: WriteRequest): WriteDecision {
  const { principal, database, current } = request;
  let doc = request.doc;
  const id = typeof doc._id === 'string' ? doc._id : '';
  const live = current && !current._deleted ? current : undefined;
  const reject = (code: RejectionCode, reason: string): WriteDecision => ({
    kind: 'reject',
    id,
    code,
    reason,
    serverHasDoc: live !== undefined,
    doc: request.doc,
  });

  if (!id) return reject('bad_document', 'every document needs a string "_id"');
  if (id.startsWith('_design/') && principal.kind !== 'admin') {
    return reject('read_only', 'design documents are written by the server administrator only');
  }
  if (documentBytes(doc) > MAX_DOCUMENT_BYTES) {
    return reject('too_large', `the document is larger than ${MAX_DOCUMENT_BYTES / 1024} KB`);
  }
  const attachments = doc._attachments;
  if (attachments && typeof attachments === 'object' && Object.keys(attachments).length > 0) {
    if (principal.kind !== 'admin') {
      return reject('attachments', 'attachments are not accepted; keep data in document fields');
    }
  }

  if (doc._deleted === true) {
    // A PouchDB remove() sends only _id/_rev/_deleted; such a tombstone fails the registers'
    // schema on pull and the delete never arrives (STACK.md). Fill it from the live body.
    const bare = Object.keys(DocumentValidator.bodyOf(doc)).every((key) => key === 'id');
    if (bare) {
      if (!live) return reject('bare_tombstone', 'there is no live document to delete');
      doc = { ...DocumentValidator.bodyOf(live), ...doc };
      delete doc.id;
    }
  }

  if (current && sameContent(current, doc)) {
    // The identical document re-sent (a retry, a replayed queue): nothing to write.
    return { kind: 'unchanged', id, rev: current._rev };
  }

  const collection = database.collection;
  if (principal.kind === 'device') {
    if (documentTypeSpec(collection).deviceWrites === 'none') {
      return reject(
        'read_only',
        `${database.name} is written by the server only; registers replicate it read-only`,
      );
    }
    if (database.kind === 'store' && database.storeId !== principal.storeId) {
      return reject(
        'not_your_store',
        `this device belongs to store ${principal.storeId} and may not write ${database.name}`,
      );
    }
  }

  const schemaProblem = validator.validate(collection, doc);
  if (schemaProblem) return reject('schema', schemaProblem);

  if (principal.kind === 'device') {
    const storeProblem = storeOwnership(collection, doc, principal.storeId, database);
    if (storeProblem) return reject('not_your_store', storeProblem);
    if (documentTypeSpec(collection).deviceWrites === 'create' && live) {
      return reject(
        'create_only',
        `${documentTypeSpec(collection).schema.title} documents are changed by the server only; a register may create new ones`,
      );
    }
  }

  if (live && principal.kind !== 'admin' && isStoredImmutable(collection, live)) {
    return reject(
      'immutable',
      doc._deleted === true
        ? `${id} is an immutable ${collection} document and cannot be deleted; write a new document that refers to it`
        : `${id} is an immutable ${collection} document and differs from the server's copy; write a new document that refers to it`,
    );
  }

  if (doc._deleted !== true) {
    const domainProblem = domainProblems(collection, doc, request.settingsHistory);
    if (domainProblem)
      return domainProblem.code === 'totals_mismatch'
        ? reject('totals_mismatch', domainProblem.reason)
        : reject('domain_rule', domainProblem.reason);
  }
  return { kind: 'write', doc };
}

function storeOwnership(
  collection: Collection,
  doc: Record<string, unknown>,
  storeId: string,
  database: DatabaseName,
): string | null {
  if (database.kind === 'store') {
    if (doc.storeId !== undefined && doc.storeId !== database.storeId) {
      return `storeId ${JSON.stringify(doc.storeId)} does not match database ${database.name}`;
    }
    return null;
  }
  const field = documentTypeSpec(collection).deviceStoreField;
  if (!field) return null;
  let value: unknown = doc;
  for (const key of field.path) value = (value as Record<string, unknown> | undefined)?.[key];
  const path = field.path.join('.');
  if (field.required && value !== storeId) {
    return `a register writes ${collection} entries of its own store: ${path} must be "${storeId}"`;
  }
  if (value !== undefined && value !== storeId) {
    return `${path} must be this device's store "${storeId}"`;
  }
  return null;
}

function domainProblems(
  collection: Collection,
  doc: Record<string, unknown>,
  settingsHistory: StoreSettingsHistory | undefined,
): { code: 'domain_rule' | 'totals_mismatch'; reason: string } | null {
  const body = DocumentValidator.bodyOf(doc);
  if (collection === 'loyalty') {
    const problems = loyaltyEntryProblems(body as unknown as LoyaltyEntryDoc);
    if (problems.length)
      return { code: 'domain_rule', reason: `loyalty entry: ${problems.join('; ')}` };
  }
  if (collection === 'stock') {
    const problems = stockMoveProblems(body as unknown as StockMoveDoc);
    if (problems.length)
      return { code: 'domain_rule', reason: `stock move: ${problems.join('; ')}` };
  }
  if (collection === 'sales') {
    const problem = saleTotalsVerdict(body as unknown as SaleDoc, settingsHistory);
    if (problem) return { code: 'totals_mismatch', reason: `sale totals: ${problem}` };
  }
  return null;
}
