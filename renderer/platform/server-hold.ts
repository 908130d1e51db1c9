/**
 * Where a tender's value is held: on the server (a hold with its id and lapse time, confirmed
 * when the sale completes) or, offline, against the register's own allowance. Points, credit
 * notes and gift cards share it (sell/payment/tender-holds.ts).
 */
export type HeldWhere = { mode: 'online'; holdId: string; expiresAt: string } | { mode: 'offline' };

/** A reservation of some value for a sale, held somewhere. */
export type HeldFor<Fields> = Fields & { saleId: string; idempotencyKey: string } & HeldWhere;
