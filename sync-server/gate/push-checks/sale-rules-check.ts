/**
 * The store's rules a pushed sale must have followed, with the settings it was priced with:
 * who approved its manual prices and discounts (src/sales/sale-approvals.ts, the functions the
 * register asks before it opens the override prompt), and the points it says it earned
 * (src/sales/sale-points.ts, the function completeSale wrote them with).
 */
import type { SaleDoc } from '../../../src/documents';
import { tierStanding } from '../../../src/loyalty';
import { acceptablePointsEarned, approverProblem, saleApprovals } from '../../../src/sales';
import type { PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, reject } from './push-check';
import { customer, ledgerOf, pricedSettings, staffMember } from './sale-lookups';

export async function checkSaleApprovals(
  sale: SaleDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const settings = (await pricedSettings(context, sale)) ?? null;
  const cashier = await staffMember(context, sale.staffId);
  if (!cashier) return reject('forged_identity', `staffId ${sale.staffId} is not staff`);
  for (const approval of saleApprovals(sale, cashier.role, settings)) {
    const limit = `the cashier's limit is ${(settings?.cashierMaxDiscountBp ?? 0) / 100} %`;
    if (!approval.approvedBy) {
      return reject(
        'not_approved',
        `${approval.what} needs a supervisor's approval (${limit}) and the sale names no approver; have it approved at the register`,
      );
    }
    const approver = await staffMember(context, approval.approvedBy);
    const problem = approverProblem(approver, sale.storeId, approval.permission, settings);
    if (problem) {
      return reject(
        'not_approved',
        `${approval.what} was approved by ${approval.approvedBy}, who may not (${problem}); have staff of this store with ${approval.permission} approve it`,
      );
    }
  }
  return ACCEPT;
}

export async function checkSaleLoyalty(
  sale: SaleDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const loyalty = sale.loyalty;
  if (!loyalty) return ACCEPT;
  if (sale.customerId === undefined) {
    return reject(
      'loyalty_mismatch',
      'the sale earns or spends points but names no customer; attach the customer at the register',
    );
  }
  const program = (await pricedSettings(context, sale))?.loyalty?.program;
  if (!program) {
    if (loyalty.pointsEarned === 0 && loyalty.pointsRedeemed === 0) return ACCEPT;
    return reject(
      'loyalty_mismatch',
      `store ${sale.storeId} ran no loyalty program under the settings the sale was priced with, yet it earns ${loyalty.pointsEarned} and spends ${loyalty.pointsRedeemed} points`,
    );
  }
  // A customer made at the register syncs in its own collection, maybe just behind the sale. A
  // customer the server does not hold has no history here, so no tier: the sale is judged at the
  // program's base rate rather than held back (a customer refused as a duplicate would hold it
  // for ever).
  await context.awaitInFlight(sale.customerId);
  const known = await customer(context, sale.customerId);
  const standing = known
    ? tierStanding(
        await ledgerOf(context, sale.customerId),
        sale.customerId,
        program,
        sale.completedAt,
      )
    : { tier: null };
  const acceptable = acceptablePointsEarned(sale, standing.tier, program);
  if (!acceptable.includes(loyalty.pointsEarned)) {
    return reject(
      'loyalty_mismatch',
      `the sale says it earned ${loyalty.pointsEarned} points; the program gives ${acceptable.join(' or ')} for it (customer tier ${standing.tier?.id ?? 'none'}); complete sales with the register's loyalty program`,
    );
  }
  return ACCEPT;
}
