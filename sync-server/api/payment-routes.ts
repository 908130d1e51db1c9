/**
 * The register's side of a VietQR payment (src/api/contract.ts, `payments/*`): it records the
 * payment when it shows the QR, polls its status while the QR is up, cancels it when the sale is
 * paid another way, and may have a supervisor confirm it by hand. Bank notifications arrive
 * through bank-webhook.ts and settle the same documents (payment-ledger.ts).
 */
import { Router } from 'express';
import type { Response } from 'express';
import type { StaffDoc } from '../../src/documents';
import { confirmByHand } from '../../src/payments';
import type { PaymentIntent } from '../../src/payments';
import { ApiError, forbidden, notFound } from '../http/api-error';
import { principalOf } from '../access/auth';
import { readCollection } from '../storage/collection-reader';
import type { Reconciler } from '../index/reconciler';
import type { ServerContext } from '../server-context';
import { PinAttempts, requireStaffPin } from '../access/pin-attempts';
import { answer, contractRoute } from './contract-route';
import { IntentConflict, PaymentLedger } from '../payments/payment-ledger';
import { transferApproverProblem } from '../../src/staff/transfer-approver';

const conflict = (reason: string) => new ApiError(409, 'conflict', reason);

/**
 * Pending payments one device may hold at once. A register shows one QR at a time and cancels
 * it when the sale is paid another way, so a handful is already a lot; the cap stops one device
 * (a tampered one, or a loop) from filling the server's disk with payments.
 */
export const MAX_OPEN_PAYMENTS_PER_DEVICE = 20;
/**
 * A pending payment older than this no longer counts towards the cap: no customer pays a QR a
 * day later, and a register that crashed with codes up must not stay locked out for good.
 */
export const OPEN_PAYMENT_COUNTS_FOR_MS = 24 * 60 * 60_000;

/** How many payments `deviceId` holds pending, recorded within the counting window. */
async function openPaymentsOf(ledger: PaymentLedger, deviceId: string, nowMs: number) {
  return (await ledger.intents()).filter(
    (intent) =>
      intent.deviceId === deviceId &&
      intent.status === 'pending' &&
      nowMs - Date.parse(intent.createdAt) < OPEN_PAYMENT_COUNTS_FOR_MS,
  ).length;
}

/** The intent, when the caller may see it: the admin, or a device of the intent's store. */
async function visibleIntent(
  ledger: PaymentLedger,
  res: Response,
  reference: string,
): Promise<PaymentIntent> {
  const intent = await ledger.intent(reference);
  const principal = principalOf(res);
  if (!intent || (principal.kind === 'device' && principal.storeId !== intent.storeId)) {
    throw notFound(`No payment ${reference} at this store; show the QR again to record it.`);
  }
  return intent;
}

export function paymentRoutes(context: ServerContext, reconciler: Reconciler): Router {
  const router = Router();
  const ledger = new PaymentLedger(context.store, (flags) => reconciler.raise(flags));
  const devices = context.auth.require('device');
  const attempts = new PinAttempts(context.store);

  contractRoute(router, 'payments/open', devices, async (request, res) => {
    const principal = principalOf(res);
    if (principal.kind !== 'device') throw forbidden('Only a register may record a payment.');
    const now = Date.now();
    // A retry of a payment already recorded is answered whatever the count.
    const retry = (await ledger.intent(request.reference)) !== undefined;
    if (
      !retry &&
      (await openPaymentsOf(ledger, principal.id, now)) >= MAX_OPEN_PAYMENTS_PER_DEVICE
    ) {
      throw new ApiError(
        429,
        'too_many_requests',
        `This register already has ${MAX_OPEN_PAYMENTS_PER_DEVICE} bank transfers waiting to be paid; cancel the old ones no customer is paying (Cancel transfer) and show the QR again, or take another payment. Payments older than a day no longer count.`,
      );
    }
    try {
      const { intent, created } = await ledger.open({
        reference: request.reference,
        storeId: principal.storeId,
        registerId: request.registerId,
        deviceId: principal.id,
        saleId: request.saleId,
        amount: request.amount,
        status: 'pending',
        createdAt: new Date(now).toISOString(),
      });
      return answer({ intent, created }, created ? 201 : 200);
    } catch (error) {
      if (error instanceof IntentConflict) throw conflict(error.message);
      throw error;
    }
  });

  contractRoute(
    router,
    'payments/status',
    context.auth.require('admin', 'device'),
    async ({ reference }, res) => answer({ intent: await visibleIntent(ledger, res, reference) }),
  );

  contractRoute(router, 'payments/cancel', devices, async ({ reference }, res) => {
    await visibleIntent(ledger, res, reference);
    const intent = await ledger.update(reference, (current) =>
      current.status === 'pending' ? { ...current, status: 'cancelled' } : undefined,
    );
    if (intent?.status === 'confirmed') {
      throw conflict(
        `Payment ${reference} is already confirmed; complete the sale with the transfer, or refund it.`,
      );
    }
    return answer({ intent: intent as PaymentIntent });
  });

  contractRoute(router, 'payments/confirm-by-hand', devices, async (request, res) => {
    const principal = principalOf(res);
    if (principal.kind !== 'device') throw forbidden('Only a register may ask.');
    const intent = await visibleIntent(ledger, res, request.reference);
    const member = (await readCollection<StaffDoc>(context.store, 'staff')).find(
      (entry) => entry.doc.id === request.staffId,
    )?.doc;
    const staff = await requireStaffPin(
      attempts,
      principal.id,
      member,
      intent.storeId,
      request.pin,
    );
    // The PIN is right; whether they may confirm is the rule the sale push check applies too.
    if (transferApproverProblem(staff, intent.storeId)) {
      throw forbidden(
        `${staff.name} is a cashier; a supervisor or manager confirms transfers by hand.`,
      );
    }
    if (intent.status === 'cancelled') {
      throw conflict(`Payment ${request.reference} was cancelled; show a new QR for this sale.`);
    }
    const now = new Date().toISOString();
    const confirmed = await ledger.update(request.reference, (current) =>
      current.status === 'pending' ? confirmByHand(current, staff.id, now) : undefined,
    );
    console.log(
      `omnitill-sync-server: ${staff.name} (${staff.id}) confirmed transfer ${request.reference} by hand`,
    );
    return answer({ intent: confirmed as PaymentIntent });
  });

  return router;
}
