/**
 * The gate's decisions on pushed documents, before anything is written: write-policy's verdict on
 * each, a document twice in one request refused, then the push check of the collection for
 * devices. Split from replication-gate.ts (the door) and gate-writer.ts (the write path).
 */
import type { Principal } from '../access/auth';
import type { SettingsHistory, StoreSettingsHistory } from '../history/settings-history';
import type { ServerIndex } from '../index/server-index';
import { isPlainObject } from '../http/read-json-body';
import type { DatabaseName } from '../storage/database-layout';
import type { DocumentStore } from '../storage/document-store';
import { idOf } from '../storage/document-store';
import type { DocumentValidator } from './document-validator';
import type { PushCheckContext, PushVerdict } from './push-checks/push-check';
import { PUSH_CHECKS } from './push-checks/push-checks';
import type { RejectionLog } from './rejection-log';
import type { WriteDecision } from './write-policy';
import { decideWrite } from './write-policy';

export interface DecisionDeps {
  store: DocumentStore;
  validator: DocumentValidator;
  rejections: RejectionLog;
  /** Every version of each store's settings: a sale is re-priced with the one it was sold under. */
  settingsHistory: SettingsHistory;
  /** What the push checks read (sources, ledgers, stock): caught up before each check. */
  index: ServerIndex;
}

/** A decision of the gate: write-policy's, a `_local` document, or a check still waiting. */
export type GateDecision =
  | WriteDecision
  | { kind: 'local'; doc: Record<string, unknown> }
  | { kind: 'pending'; id: string; reason: string };

export class GateDecider {
  constructor(
    private readonly deps: DecisionDeps,
    /** Resolves once a document another request is writing now has landed (or failed). */
    private readonly awaitInFlight: (id: string) => Promise<void>,
  ) {}

  async decide(
    principal: Principal,
    database: DatabaseName,
    docs: readonly unknown[],
  ): Promise<GateDecision[]> {
    const { decisions, settingsHistory } = await this.decideDocuments(principal, database, docs);
    const seen = new Map<string, Record<string, unknown>>();
    const deduplicated = decisions.map((decision): GateDecision => {
      if (decision.kind !== 'write') return decision;
      const id = idOf(decision.doc);
      const earlier = seen.get(id);
      if (earlier === undefined) {
        seen.set(id, decision.doc);
        return decision;
      }
      return {
        kind: 'reject',
        id,
        code: 'bad_document',
        reason: `${id} appears twice in one request; a document has one version`,
        serverHasDoc: false,
        doc: decision.doc,
      };
    });
    if (principal.kind !== 'device') return deduplicated;
    return this.checkDomain(principal, database, deduplicated, settingsHistory);
  }

  /**
   * The push check of the collection (push-checks/), one document after the other so a later
   * document of the request may rely on an earlier one. Deletions are refused by write-policy
   * for immutable facts; the others need no domain check.
   */
  private async checkDomain(
    principal: Extract<Principal, { kind: 'device' }>,
    database: DatabaseName,
    decisions: GateDecision[],
    settingsHistory: StoreSettingsHistory | undefined,
  ): Promise<GateDecision[]> {
    const check = PUSH_CHECKS[database.collection];
    if (!check || !decisions.some((decision) => decision.kind === 'write')) return decisions;
    await this.deps.index.catchUp();
    const memo = new Map<string, Promise<unknown>>();
    // The settings history the totals were just checked with: the sale checks read the same
    // version (sale-lookups.ts) instead of reading the settings document again.
    if (settingsHistory) {
      memo.set(`sale:settings:${settingsHistory.storeId}`, Promise.resolve(settingsHistory));
    }
    const accepted = new Map<string, Record<string, unknown>>();
    const context: PushCheckContext = {
      principal,
      database,
      store: this.deps.store,
      index: this.deps.index,
      settingsHistory: this.deps.settingsHistory,
      rejections: this.deps.rejections,
      now: new Date(),
      memo: <T>(key: string, load: () => Promise<T>): Promise<T> => {
        let found = memo.get(key) as Promise<T> | undefined;
        if (!found) {
          found = load();
          memo.set(key, found);
        }
        return found;
      },
      accepted,
      awaitInFlight: (id: string) => this.awaitInFlight(id),
    };
    const checked: GateDecision[] = [];
    for (const decision of decisions) {
      if (decision.kind !== 'write' || decision.doc._deleted === true) {
        checked.push(decision);
        continue;
      }
      const verdict: PushVerdict = await check(decision.doc, context);
      const id = idOf(decision.doc);
      switch (verdict.kind) {
        case 'accept':
          accepted.set(id, decision.doc);
          checked.push(verdict.flags?.length ? { ...decision, flags: verdict.flags } : decision);
          break;
        case 'reject':
          checked.push({
            kind: 'reject',
            id,
            code: verdict.code,
            reason: verdict.reason,
            serverHasDoc: false,
            doc: decision.doc,
          });
          break;
        case 'pending':
          checked.push({ kind: 'pending', id, reason: verdict.reason });
          break;
      }
    }
    return checked;
  }

  private async decideDocuments(
    principal: Principal,
    database: DatabaseName,
    docs: readonly unknown[],
  ): Promise<{ decisions: GateDecision[]; settingsHistory: StoreSettingsHistory | undefined }> {
    const ids = docs
      .filter(isPlainObject)
      .map((doc) => doc._id)
      .filter((id): id is string => typeof id === 'string' && !id.startsWith('_local/'));
    const current = await this.deps.store.getCurrent(database.name, [...new Set(ids)]);
    const settingsHistory =
      database.collection === 'sales' && database.kind === 'store'
        ? await this.deps.settingsHistory.historyOf(database.storeId)
        : undefined;
    const decisions = docs.map((doc): GateDecision => {
      if (!isPlainObject(doc)) {
        return {
          kind: 'reject',
          id: '',
          code: 'bad_document',
          reason: 'each entry of "docs" must be a JSON object',
          serverHasDoc: false,
          doc,
        } as const;
      }
      if (typeof doc._id === 'string' && doc._id.startsWith('_local/'))
        return { kind: 'local', doc };
      const id = typeof doc._id === 'string' ? doc._id : '';
      return decideWrite(this.deps.validator, {
        principal,
        database,
        doc,
        current: current.get(id),
        settingsHistory,
      });
    });
    return { decisions, settingsHistory };
  }
}
