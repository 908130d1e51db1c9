import type { DocumentSchema } from '../../src/documents';
import { DOCUMENT_TYPE_NAMES, DOCUMENT_TYPES } from '../../src/documents/registry';
import type { Collection } from './database-layout';

/**
 * Database collection → the schema its documents must match, from the document registry: the
 * same schema objects the registers give RxDB, so the door and the register can never disagree.
 */
export const COLLECTION_SCHEMAS: Readonly<Record<Collection, DocumentSchema | null>> =
  Object.fromEntries(
    DOCUMENT_TYPE_NAMES.map((name) => [name, DOCUMENT_TYPES[name].schema]),
  ) as Record<Collection, DocumentSchema>;
