/** E-invoice errors carry a code for the UI and a message that says what to fix. */
export type EInvoiceErrorCode =
  | 'invalid-code'
  | 'invalid-symbol'
  | 'invalid-seller'
  | 'invalid-buyer'
  | 'sequence-exhausted'
  | 'not-invoiceable'
  | 'unknown-tax-category'
  | 'totals-mismatch'
  | 'invalid-amount';

export class EInvoiceError extends Error {
  override readonly name = 'EInvoiceError';
  constructor(
    readonly code: EInvoiceErrorCode,
    message: string,
  ) {
    super(message);
  }
}
