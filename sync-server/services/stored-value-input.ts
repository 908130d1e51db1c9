/** The fields of a stored-value request, checked with a reason that says what to send. */
import { minor } from '../../src/money';
import type { Minor } from '../../src/money';
import { isCreditNoteNumber, normalizeStoredValueNumber } from '../../src/stored-value';
import { badRequest } from '../http/api-error';

export function numberField(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.trim())
    throw badRequest(
      `${field} is required: the credit note number (ret_…) or the gift card number.`,
      {
        field,
      },
    );
  const number = normalizeStoredValueNumber(value);
  if (!isCreditNoteNumber(number) && !/^[0-9A-Z]{4,64}$/.test(number)) {
    throw badRequest(
      `${field} "${value}" is neither a credit note number (ret_… from the return receipt) nor a gift card number (4 to 64 letters and digits).`,
      { field },
    );
  }
  return number;
}

export function amountField(value: unknown, field = 'amount'): Minor {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw badRequest(`${field} must be a whole number of minor units greater than zero.`, {
      field,
    });
  return minor(value);
}

export function keyField(value: unknown): string {
  if (typeof value !== 'string' || !value || value.length > 180)
    throw badRequest('idempotencyKey is required (1-180 characters): reuse it when you retry.', {
      field: 'idempotencyKey',
    });
  return value;
}
