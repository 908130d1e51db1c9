/** Tax errors carry a code for the UI and a message that tells the operator what to fix. */
export type TaxErrorCode =
  'unknown-tax-rate' | 'invalid-tax-rate' | 'unresolved-tax-schedule' | 'negative-taxable-amount';

export class TaxError extends Error {
  override readonly name = 'TaxError';
  constructor(
    readonly code: TaxErrorCode,
    message: string,
  ) {
    super(message);
  }
}
