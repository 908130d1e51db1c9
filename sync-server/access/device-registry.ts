import { createHash, randomBytes } from 'node:crypto';
import { timeOrderedId } from '../../src/ids';
import { ApiError, badRequest, notFound } from '../http/api-error';
import { INTERNAL_DATABASES, isValidStoreId, storeDatabaseNames } from '../storage/database-layout';
import type { DocumentStore } from '../storage/document-store';
import { putAsServer } from '../storage/document-store';
import type { SecretHash } from './secret-hash';
import { hashSecret, newSecret, sameSecret, verifySecret } from './secret-hash';

/** A register (device) belongs to one store; a shop is a web shop that sends online orders. */
export type ClientKind = 'device' | 'shop';

export interface ClientRecord {
  _id: string;
  _rev?: string;
  kind: ClientKind;
  name: string;
  /** Devices only: the store whose databases it may write. */
  storeId?: string;
  secret: SecretHash;
  createdAt: string;
  revokedAt?: string;
}

export interface Enrolment {
  id: string;
  secret: string;
  kind: ClientKind;
  name: string;
  storeId?: string;
}

/**
 * Enrolled devices and shops. Secrets are stored as scrypt hashes; a secret that verified once
 * is remembered as a SHA-256 digest in memory so replication (many requests a second) does not
 * pay scrypt on every call. Revocation drops that memory at once.
 */
export class DeviceRegistry {
  private readonly clients = new Map<string, ClientRecord>();
  private readonly verified = new Map<string, string>();
  /** Slow checks running now, by id and digest: the same credentials sent at once share one. */
  private readonly checking = new Map<string, Promise<ClientRecord | 'revoked' | null>>();
  private lastRead = Date.now();
  private reading: Promise<void> | undefined;

  constructor(private readonly store: DocumentStore) {}

  /**
   * Reads the device list again: several server processes share one CouchDB, and a register
   * enrolled or revoked through one must be known to the others. An unknown id triggers a read
   * (at most one per UNKNOWN_READ_MS), and any sign-in one per REREAD_MS in the background, so a
   * revocation reaches every process within that time.
   */
  private reread(): Promise<void> {
    this.reading ??= (async () => {
      for (const doc of await this.store.allDocs(INTERNAL_DATABASES.devices)) {
        const client = doc as unknown as ClientRecord;
        const known = this.clients.get(doc._id);
        // Revocation is for good: a read that started before this process's own revoke keeps it.
        if (known?.revokedAt) continue;
        if (client.revokedAt) this.verified.delete(doc._id);
        this.clients.set(doc._id, client);
      }
      this.lastRead = Date.now();
    })().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  async load(): Promise<void> {
    await this.store.ensureDatabase(INTERNAL_DATABASES.devices);
    const stores = new Set<string>();
    for (const doc of await this.store.allDocs(INTERNAL_DATABASES.devices)) {
      const client = doc as unknown as ClientRecord;
      this.clients.set(doc._id, client);
      if (client.storeId) stores.add(client.storeId);
    }
    // A data folder made by an older version may lack databases added since (parked, audit).
    for (const storeId of stores) {
      for (const db of storeDatabaseNames(storeId)) await this.store.ensureDatabase(db);
    }
  }

  async enrol(kind: ClientKind, name: unknown, storeId: unknown): Promise<Enrolment> {
    if (typeof name !== 'string' || !name.trim() || name.length > 120) {
      throw badRequest('name must be a non-empty string of at most 120 characters.');
    }
    if (kind === 'device') {
      if (typeof storeId !== 'string' || !isValidStoreId(storeId)) {
        throw badRequest(
          'storeId must be a store id made of lower-case letters, digits and dashes (e.g. "hcm-q1").',
        );
      }
      // The store's databases exist from the first enrolment on, so replication finds them.
      for (const db of storeDatabaseNames(storeId)) await this.store.ensureDatabase(db);
    }
    const id = timeOrderedId(kind === 'device' ? 'dev' : 'shop', Date.now(), (n) => randomBytes(n));
    const secret = newSecret();
    const record: ClientRecord = {
      _id: id,
      kind,
      name: name.trim(),
      ...(kind === 'device' ? { storeId: storeId as string } : {}),
      secret: await hashSecret(secret),
      createdAt: new Date().toISOString(),
    };
    const row = await putAsServer(this.store, INTERNAL_DATABASES.devices, { ...record });
    if (!row.ok) throw new Error(`Could not store client ${id}: ${row.reason ?? row.error}`);
    this.clients.set(id, { ...record, ...(row.rev ? { _rev: row.rev } : {}) });
    return {
      id,
      secret,
      kind,
      name: record.name,
      ...(record.storeId ? { storeId: record.storeId } : {}),
    };
  }

  /** Revoking twice is fine (idempotent); revoking an unknown id is a 404. */
  async revoke(id: string): Promise<ClientRecord> {
    const record = this.clients.get(id);
    if (!record)
      throw notFound(`No device or shop ${id}; list them with GET /api/v1/admin/devices.`);
    this.verified.delete(id);
    if (record.revokedAt) return record;
    const revoked: ClientRecord = { ...record, revokedAt: new Date().toISOString() };
    const row = await putAsServer(this.store, INTERNAL_DATABASES.devices, { ...revoked });
    if (!row.ok) throw new ApiError(500, 'internal_error', `Could not revoke ${id}; retry.`);
    this.clients.set(id, revoked);
    return revoked;
  }

  list(): ClientRecord[] {
    return [...this.clients.values()];
  }

  /**
   * Without scrypt: the answer for a secret this id verified with before (the record, or
   * 'revoked'), null for a different secret of an id that has verified, 'unverified' when only
   * the slow check can tell. A flood of wrong secrets for a known register costs a SHA-256 each.
   */
  quickCheck(id: string, secret: string): ClientRecord | 'revoked' | null | 'unverified' {
    if (Date.now() - this.lastRead > REREAD_MS) {
      this.reread().catch(() => {
        // Kept as it was; the next sign-in tries again.
      });
    }
    const record = this.clients.get(id);
    const known = this.verified.get(id);
    if (!record || known === undefined) return 'unverified';
    if (!sameSecret(known, digestOf(secret))) return null;
    return record.revokedAt ? 'revoked' : record;
  }

  /**
   * The slow check (scrypt). 'revoked' only for the right secret: a wrong secret gets null
   * whether the id is unknown, revoked or live, and an unknown id pays the same scrypt, so
   * neither the answer nor its time tells which ids exist.
   */
  async authenticate(id: string, secret: string): Promise<ClientRecord | 'revoked' | null> {
    const quick = this.quickCheck(id, secret);
    if (quick !== 'unverified') return quick;
    const key = `${id}\u0000${digestOf(secret)}`;
    let check = this.checking.get(key);
    if (!check) {
      check = this.slowCheck(id, secret).finally(() => this.checking.delete(key));
      this.checking.set(key, check);
    }
    return check;
  }

  /** The same credentials are being checked now (a register's first requests after a start). */
  isChecking(id: string, secret: string): boolean {
    return this.checking.has(`${id}\u0000${digestOf(secret)}`);
  }

  private async slowCheck(id: string, secret: string): Promise<ClientRecord | 'revoked' | null> {
    if (!this.clients.has(id) && Date.now() - this.lastRead > UNKNOWN_READ_MS) {
      await this.reread();
    }
    const record = this.clients.get(id);
    const matches = await verifySecret(secret, record?.secret ?? (await decoyHash()));
    if (!record || !matches) return null;
    this.verified.set(id, digestOf(secret));
    // Read again after the slow hash: a revoke may have landed meanwhile.
    return this.clients.get(id)?.revokedAt ? 'revoked' : record;
  }
}

/** How often a process reads the device list again in the background (revocations). */
const REREAD_MS = 10_000;
/** An id this process does not know reads the list again, at most this often. */
const UNKNOWN_READ_MS = 1_000;

const digestOf = (secret: string): string => createHash('sha256').update(secret).digest('base64');

let decoy: Promise<SecretHash> | undefined;
/** A hash no secret is known for, verified against for unknown ids (same cost as a real one). */
function decoyHash(): Promise<SecretHash> {
  decoy ??= hashSecret(newSecret());
  return decoy;
}
