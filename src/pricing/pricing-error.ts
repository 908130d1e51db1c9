/** Pricing rejects a malformed cart by throwing: a bad cart is a bug upstream, not a user choice. */
export type PricingErrorCode =
  | 'duplicate-line-id'
  | 'invalid-quantity'
  | 'invalid-grams'
  | 'invalid-price'
  | 'invalid-discount'
  | 'override-needs-reason'
  | 'override-needs-approver'
  | 'invalid-promotion'
  | 'invalid-gift-card';

export class PricingError extends Error {
  override readonly name = 'PricingError';
  constructor(
    readonly code: PricingErrorCode,
    message: string,
  ) {
    super(message);
  }
}
