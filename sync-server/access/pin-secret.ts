/**
 * The server's PIN secret: 32 random bytes made on the first start and kept in the server's own
 * database (never reachable through /db), so every instance in front of one CouchDB derives the
 * same device PIN keys (staff-pin.ts `devicePinKey`). Two instances starting at once both try
 * to create it; one write lands and both read that one.
 */
import { randomBytes } from 'node:crypto';
import { INTERNAL_DATABASES } from '../storage/database-layout';
import type { DocumentStore } from '../storage/document-store';

const DB = INTERNAL_DATABASES.secrets;
const ID = 'pin-secret';

function secretOf(doc: Record<string, unknown> | undefined): Buffer | undefined {
  if (!doc || doc._deleted || typeof doc.secret !== 'string') return undefined;
  const secret = Buffer.from(doc.secret, 'base64');
  return secret.length >= 32 ? secret : undefined;
}

export async function loadPinSecret(store: DocumentStore): Promise<Buffer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = (await store.getCurrent(DB, [ID])).get(ID);
    const found = secretOf(existing);
    if (found) return found;
    const [row] = await store.bulkDocs(
      DB,
      [
        {
          _id: ID,
          secret: randomBytes(32).toString('base64'),
          createdAt: new Date().toISOString(),
          ...(existing?._rev ? { _rev: existing._rev } : {}),
        },
      ],
      true,
    );
    // A conflict: another instance made it first; read theirs.
    if (row && !row.ok && row.error !== 'conflict') {
      throw new Error(
        `The PIN secret could not be stored: ${row.reason ?? row.error ?? 'no reply'}`,
      );
    }
  }
  throw new Error('The PIN secret could not be read back after storing it; restart the server.');
}
