/**
 * What the server re-derives of a pushed return before it lands (see push-check.ts). Nothing the
 * register says about money is trusted: the return is planned again from its original (a till
 * sale or a web order, in any store) with src/returns' planReturn under the store's policy, and
 * must come out the same (verifyReturnAgainstSource); a return without receipt is priced again
 * from the catalog. Approvers must exist, be active at the store and be allowed to approve.
 *
 * Online or offline (docs/DATA.md, "Returns"): a return whose id holds a live claim
 * (return-claims.ts) reserved its pieces online; it never over-returns unless an offline return
 * took the same pieces meanwhile, and then both stand, flagged. A return without a claim was made
 * offline and is accepted within the offline allowance: it must fit the original on its own; a
 * line already returned more than it sold takes no more; a web order's or another store's
 * original needs a manager's approval (the register could not see its other returns). An
 * over-return within that allowance is accepted and flagged `over-returned` with every document.
 */
import type { ReturnDoc, StaffDoc } from '../../../src/documents';
import { pricingContextFromSettings } from '../../../src/pricing';
import { saleTimeProblem } from '../../../src/sales';
import {
  canApproveReturn,
  describeOverReturn,
  overReturnedLines,
  returnPolicyOf,
  verifyReturnAgainstSource,
  verifyReturnWithoutReceipt,
} from '../../../src/returns';
import type { ReturnSource, ReturnVerification } from '../../../src/returns';
import { fromCouchDoc } from '../../storage/couch-doc';
import { byDbThenId } from '../../index/server-index';
import type {
  FlagDraft,
  PushCheck,
  PushCheckContext,
  PushRejectionCode,
  PushVerdict,
} from './push-check';
import { ACCEPT, pending, reject } from './push-check';
import { claimOf } from './return-claims';
import { loadOriginal, productsBySku, settingsAt, storedReturnsAgainst } from './return-sources';
import type { OriginalOfReturn } from './return-sources';
import { worksInStore } from '../../../src/staff/staff-rules';

const CODES: Record<Extract<ReturnVerification, { ok: false }>['code'], PushRejectionCode> = {
  'over-return': 'over_return',
  'refund-mismatch': 'refund_mismatch',
  'loyalty-mismatch': 'loyalty_mismatch',
  'not-returnable': 'not_derived',
};

const refused = (verdict: Extract<ReturnVerification, { ok: false }>): PushVerdict =>
  reject(CODES[verdict.code], `Return refused: ${verdict.reason}.`);

async function staffMember(context: PushCheckContext, id: string): Promise<StaffDoc | undefined> {
  const doc = (await context.store.getCurrent('staff', [id])).get(id);
  return doc && !doc._deleted ? fromCouchDoc<StaffDoc>(doc) : undefined;
}

/** A pushed document (no revision yet) as the domain core types it. */
const asReturn = (doc: Record<string, unknown>): ReturnDoc =>
  fromCouchDoc<ReturnDoc>({ _rev: '', ...doc, _id: String(doc._id) });

/** The device, store and staff are the pushing register's own. */
async function identityProblem(doc: ReturnDoc, context: PushCheckContext): Promise<string | null> {
  const { principal } = context;
  if (doc.storeId !== principal.storeId || doc.deviceId !== principal.id) {
    return `the return names device ${doc.deviceId} of store ${doc.storeId}, but was pushed by device ${principal.id} of ${principal.storeId}`;
  }
  const staff = await staffMember(context, doc.staffId);
  if (!staff?.active || !worksInStore(staff, doc.storeId)) {
    return `staff ${doc.staffId} is not active at store ${doc.storeId}`;
  }
  return null;
}

async function approvalProblem(
  doc: ReturnDoc,
  context: PushCheckContext,
  required: boolean,
): Promise<string | null> {
  if (doc.approvedBy === undefined) {
    return required
      ? 'it needs a manager’s approval and names none; have a manager approve it'
      : null;
  }
  const approver = await staffMember(context, doc.approvedBy);
  return canApproveReturn(approver, doc.storeId)
    ? null
    : `approver ${doc.approvedBy} is not an active manager at store ${doc.storeId}`;
}

async function checkWithoutReceipt(
  doc: ReturnDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const settings = await settingsAt(context.settingsHistory, doc.storeId, doc.completedAt);
  if (!settings)
    return reject(
      'not_derived',
      `Return refused: store ${doc.storeId} has no settings on the server.`,
    );
  const products = await productsBySku(
    context.store,
    doc.lines.map((line) => line.sku),
  );
  const verdict = verifyReturnWithoutReceipt({
    doc,
    policy: returnPolicyOf(settings).policy,
    pricing: pricingContextFromSettings(settings, doc.completedAt),
    cashRounding: settings.cashRounding,
    productBySku: (sku) => products.get(sku),
  });
  if (!verdict.ok) return refused(verdict);
  // Without a receipt nobody can check the goods were bought here: always a manager's word.
  const approval = await approvalProblem(doc, context, true);
  return approval ? reject('not_approved', `Return without receipt refused: ${approval}.`) : ACCEPT;
}

/**
 * The over-returned lines, flagged as the reconciler flags them (same id, summary and
 * documents), so the flag stands from the moment the return lands and is not rewritten later.
 */
function overReturnFlags(
  doc: ReturnDoc,
  db: string,
  original: { db: string; source: ReturnSource },
  others: readonly ReturnDoc[],
  lineIds: readonly string[],
): FlagDraft[] {
  const { documentId } = original.source;
  return lineIds.map((lineId) => {
    const involved = [...others, doc].filter((other) =>
      other.lines.some((line) => line.originalLineId === lineId),
    );
    const returned = involved
      .flatMap((other) => other.lines)
      .filter((line) => line.originalLineId === lineId)
      .reduce((total, line) => total + line.quantity, 0);
    const sold = original.source.lines.find((line) => line.lineId === lineId)?.quantity ?? 0;
    return {
      kind: 'over-returned' as const,
      key: `${documentId}_${lineId}`,
      summary: `Line ${lineId} of ${documentId}: ${returned} returned, ${sold} sold.`,
      documents: [
        { db: original.db, id: documentId },
        ...involved
          .map((other) => ({
            db: other.id === doc.id ? db : `returns-${other.storeId}`,
            id: other.id,
          }))
          .sort(byDbThenId),
      ],
    };
  });
}

/** Whether the return's register claimed these pieces online (return-claims.ts), in time. */
async function claimedOnline(
  doc: ReturnDoc,
  documentId: string,
  context: PushCheckContext,
): Promise<boolean> {
  const claim = await claimOf(context.store, documentId, doc.id);
  return (
    claim !== undefined &&
    claim.deviceId === context.principal.id &&
    claim.expiresAt > context.now.toISOString() &&
    doc.lines.every((line) =>
      claim.lines.some(
        (held) => held.originalLineId === line.originalLineId && held.quantity >= line.quantity,
      ),
    )
  );
}

/**
 * Why an over-return made offline goes beyond the offline allowance, or null: a line already
 * returned more than it sold takes nothing more, and the original of another store or a web
 * order (whose other returns the register could not see) needs a manager's approval.
 */
async function offlineAllowanceProblem(
  doc: ReturnDoc,
  original: OriginalOfReturn,
  others: readonly ReturnDoc[],
  context: PushCheckContext,
): Promise<string | null> {
  const { source, pickedUp } = original;
  const nothing = { ...doc, lines: doc.lines.map((line) => ({ ...line, quantity: 0 })) };
  const already = overReturnedLines(nothing, source, others, pickedUp);
  if (already.length > 0) {
    return `${source.documentId} is already returned beyond what it sold (${already
      .map((line) => `line ${line.lineId}`)
      .join(', ')}); nothing more of it comes back until a manager settles the over-returned flag`;
  }
  const foreign = source.storeId !== doc.storeId || pickedUp !== undefined;
  const approval = foreign ? await approvalProblem(doc, context, true) : null;
  return approval
    ? `more than is still returnable of ${source.documentId} (${describeOverReturn(
        overReturnedLines(doc, source, others, pickedUp),
      )}), and made without asking the server: ${approval}`
    : null;
}

export const checkReturnPush: PushCheck = async (raw, context) => {
  const doc = asReturn(raw);
  const identity = await identityProblem(doc, context);
  if (identity) return reject('forged_identity', `Return refused: ${identity}.`);
  // The same plausible window as a sale's: the return window is counted to completedAt.
  const time = saleTimeProblem(doc, context.now);
  if (time) return reject('implausible_time', `Return refused: ${time.replace('sale', 'return')}.`);
  const documentId = doc.original?.documentId;
  if (documentId === undefined) return checkWithoutReceipt(doc, context);
  if (doc.lines.some((line) => line.originalLineId === undefined)) {
    return reject(
      'not_derived',
      'Return refused: every line of a return with a receipt names its original line.',
    );
  }
  const settings = await settingsAt(context.settingsHistory, doc.storeId, doc.completedAt);
  const original = await loadOriginal(context, documentId, settings?.tax);
  if (!original) {
    const saleDb = doc.original?.storeId ? `sales-${doc.original.storeId}` : undefined;
    const rejected = saleDb
      ? (
          await context.memo(`returns:refused:${saleDb}`, () =>
            context.rejections.refusedIn(saleDb),
          )
        ).get(documentId)
      : undefined;
    if (rejected)
      return reject(
        'source_rejected',
        `Return refused: its original ${documentId} was itself refused (${rejected}).`,
      );
    return pending(`The original ${documentId} of return ${doc.id} is not on the server yet.`);
  }
  const sameRequest = [...context.accepted.values()]
    .map(asReturn)
    .filter((other) => other.original?.documentId === documentId);
  const others = [
    ...(await storedReturnsAgainst(context.index, documentId)),
    ...sameRequest,
  ].filter((other) => other.id !== doc.id);
  const base = {
    doc,
    source: original.source,
    otherReturns: others,
    ...(original.pickedUp ? { pickedUp: original.pickedUp } : {}),
    policy: returnPolicyOf(settings).policy,
    cashRounding: settings?.cashRounding ?? null,
    offline: !(await claimedOnline(doc, documentId, context)),
  };
  let verdict = verifyReturnAgainstSource(base);
  let flags: FlagDraft[] = [];
  if (!verdict.ok && verdict.code === 'over-return') {
    if (base.offline) {
      const problem = await offlineAllowanceProblem(doc, original, others, context);
      if (problem) return reject('over_return', `Return refused: ${problem}.`);
    }
    verdict = verifyReturnAgainstSource({ ...base, alone: true });
    const over = overReturnedLines(doc, original.source, others, original.pickedUp);
    if (verdict.ok) {
      flags = overReturnFlags(
        doc,
        context.database.name,
        original,
        others,
        over.map((line) => line.lineId),
      );
    }
  }
  if (!verdict.ok) return refused(verdict);
  const approval = await approvalProblem(doc, context, verdict.needsManagerApproval);
  if (approval) return reject('not_approved', `Return refused: ${approval}.`);
  return flags.length > 0 ? { kind: 'accept', flags } : ACCEPT;
};
