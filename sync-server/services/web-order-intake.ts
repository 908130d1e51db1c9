import { createHash } from 'node:crypto';
import { normalizePhone } from '../../src/customers';
import type { CustomerDoc, StoreSettingsDoc } from '../../src/documents';
import type { WebOrderDoc, WebOrderLine } from '../../src/documents';
import type { CurrencyCode, Minor, RoundingMode } from '../../src/money';
import { CURRENCIES } from '../../src/money';
import { placeOrder, WebOrderError } from '../../src/orders';
import { lineAmount } from '../../src/pricing';
import { ApiError, badRequest } from '../http/api-error';
import type { Principal } from '../access/auth';
import { fromCouchDoc, toCouchDoc } from '../storage/couch-doc';
import { INTERNAL_DATABASES, isValidStoreId, storeDatabaseName } from '../storage/database-layout';
import { productsBySku } from '../gate/push-checks/return-sources';
import { isPlainObject } from '../http/read-json-body';
import { newId, SerialQueue } from '../storage/new-id';
import { canonicalJson } from '../storage/same-content';
import type { ServerContext } from '../server-context';

export interface IntakeResult {
  replayed: boolean;
  order: WebOrderDoc;
  customerCreated: boolean;
}

const fieldError = (field: string, reason: string): ApiError =>
  badRequest(`${field}: ${reason}`, { field });

function parseLines(raw: unknown): IncomingLine[] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw fieldError('lines', 'at least one line is required');
  if (raw.length > 500) throw fieldError('lines', 'at most 500 lines');
  return raw.map((line: unknown, index): IncomingLine => {
    const at = `lines[${index}]`;
    if (!isPlainObject(line)) throw fieldError(at, 'must be an object');
    const { sku, name, quantity, unitPrice, lineTotal, taxRateBp } = line;
    if (typeof sku !== 'string' || !sku || sku.length > 64)
      throw fieldError(`${at}.sku`, 'required, at most 64 characters');
    if (typeof name !== 'string' || !name || name.length > 200)
      throw fieldError(`${at}.name`, 'required, at most 200 characters');
    if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity <= 0) {
      throw fieldError(`${at}.quantity`, 'must be a positive whole number (pieces, or grams)');
    }
    if (typeof unitPrice !== 'number' || !Number.isSafeInteger(unitPrice) || unitPrice < 0) {
      throw fieldError(`${at}.unitPrice`, 'must be a whole number of minor units, 0 or more');
    }
    if (
      lineTotal !== undefined &&
      (typeof lineTotal !== 'number' || !Number.isSafeInteger(lineTotal) || lineTotal < 0)
    ) {
      throw fieldError(`${at}.lineTotal`, 'must be a whole number of minor units, 0 or more');
    }
    if (
      typeof taxRateBp !== 'number' ||
      !Number.isInteger(taxRateBp) ||
      taxRateBp < 0 ||
      taxRateBp > 10000
    ) {
      throw fieldError(`${at}.taxRateBp`, 'required: VAT rate in basis points (10 % = 1000)');
    }
    const lineId = typeof line.lineId === 'string' && line.lineId ? line.lineId : String(index + 1);
    return {
      lineId,
      sku,
      name,
      quantity,
      unitPrice: unitPrice as Minor,
      ...(lineTotal === undefined ? {} : { lineTotal: lineTotal as Minor }),
      taxRateBp,
    };
  });
}

/** A line as sent: without `lineTotal`, the shop leaves the pricing to the store's catalog. */
type IncomingLine = Omit<WebOrderLine, 'lineTotal'> & { lineTotal?: Minor };

/**
 * Line totals the shop left out, priced as the register prices them (src/pricing): per piece,
 * or per kilogram for a weighed product, whose quantity is in grams. A SKU the catalog does not
 * hold is sold by the piece.
 */
async function priceLines(
  store: ServerContext['store'],
  lines: readonly IncomingLine[],
  roundingMode: RoundingMode,
): Promise<WebOrderLine[]> {
  const unpriced = lines.filter((line) => line.lineTotal === undefined);
  const products = await productsBySku(
    store,
    unpriced.map((line) => line.sku),
  );
  return lines.map((line) => ({
    ...line,
    lineTotal:
      line.lineTotal ??
      lineAmount(
        line.unitPrice,
        products.get(line.sku)?.pricing ?? 'unit',
        line.quantity,
        roundingMode,
      ),
  }));
}

/**
 * Web-order intake: checks the request field by field, matches or creates the customer, places
 * the order in its pickup store's `orders` database. Idempotent on (caller, externalId): the
 * intake record keeps the whole order as placed. A replay answers with the order as it is now
 * (a store may have marked it ready, or handed part of it over, since) and never writes over
 * it; it writes the order only when it is missing (a crash between the intake record and the
 * order), so a replay never moves an order's state backwards.
 */
export class WebOrderIntake {
  private readonly queue = new SerialQueue();

  constructor(private readonly context: ServerContext) {}

  intake(principal: Principal, body: unknown): Promise<IntakeResult> {
    if (!isPlainObject(body)) throw badRequest('Send the order as a JSON object.');
    const { externalId, customer, pickupStoreId, currency } = body;
    const customerName =
      isPlainObject(customer) && typeof customer.name === 'string' ? customer.name.trim() : '';
    if (typeof externalId !== 'string' || !externalId || externalId.length > 100) {
      throw fieldError(
        'externalId',
        "required: the shop's own order id (1-100 characters), reused on retry",
      );
    }
    const channel = body.channel ?? 'web';
    if (channel !== 'web' && channel !== 'care' && channel !== 'social')
      throw fieldError('channel', 'must be web, care or social');
    if (!isPlainObject(customer))
      throw fieldError('customer', 'required: {name, email and/or phone}');
    if (!customerName || customerName.length > 120) {
      throw fieldError('customer.name', 'required, at most 120 characters');
    }
    const email =
      typeof customer.email === 'string' && customer.email.trim()
        ? customer.email.trim().toLowerCase()
        : undefined;
    if (email !== undefined && (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254))
      throw fieldError('customer.email', 'is not an email address');
    let phone: string | undefined;
    if (customer.phone !== undefined) {
      phone =
        typeof customer.phone === 'string'
          ? (normalizePhone(customer.phone) ?? undefined)
          : undefined;
      if (!phone)
        throw fieldError('customer.phone', 'must be a phone number in E.164 (+84901234567)');
    }
    if (!email && !phone)
      throw fieldError('customer', 'needs an email or a phone to recognise the customer');
    if (typeof pickupStoreId !== 'string' || !isValidStoreId(pickupStoreId)) {
      throw fieldError(
        'pickupStoreId',
        'required: the store where the customer collects the order',
      );
    }
    if (typeof currency !== 'string' || !(currency in CURRENCIES))
      throw fieldError('currency', `must be one of ${Object.keys(CURRENCIES).join(', ')}`);
    const lines = parseLines(body.lines);
    const prepaid = body.prepaid ?? 0;
    if (typeof prepaid !== 'number' || !Number.isSafeInteger(prepaid) || prepaid < 0)
      throw fieldError('prepaid', 'must be a whole number of minor units, 0 or more');
    const placedAt = typeof body.placedAt === 'string' ? body.placedAt : new Date().toISOString();
    if (Number.isNaN(Date.parse(placedAt)))
      throw fieldError('placedAt', 'must be an ISO 8601 time');

    const caller = principal.kind === 'admin' ? 'admin' : principal.id;
    const intakeId = `intake_${createHash('sha256').update(`${caller}\u0000${externalId}`).digest('hex').slice(0, 40)}`;
    // Key order does not make a different request; records made before compared the raw text.
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const legacyHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');

    return this.queue.run(async () => {
      const { store } = this.context;
      const existing = (await store.getCurrent(INTERNAL_DATABASES.webOrders, [intakeId])).get(
        intakeId,
      );
      if (existing && !existing._deleted) {
        const placed = existing.order as WebOrderDoc;
        if (existing.requestHash !== requestHash && existing.requestHash !== legacyHash) {
          throw new ApiError(
            409,
            'idempotency_conflict',
            `externalId ${externalId} was already used for a different order (${placed.orderNumber}); send the same body to replay it, or use a new externalId for a new order.`,
            { externalId, orderId: placed.id, orderNumber: placed.orderNumber },
          );
        }
        const order = await this.storeIfMissing(placed, externalId);
        return { replayed: true, order, customerCreated: false };
      }
      const settings = (await store.getCurrent('settings', [`store_${pickupStoreId}`])).get(
        `store_${pickupStoreId}`,
      );
      if (!settings || settings._deleted)
        throw fieldError('pickupStoreId', `no store ${pickupStoreId} is known to the server`);
      const settingsDoc = fromCouchDoc<StoreSettingsDoc>(settings);
      const pricedLines = await priceLines(store, lines, settingsDoc.tax.roundingMode);
      const match = await this.findCustomer(email, phone);
      let customerId = match?.id;
      let customerCreated = false;
      if (!customerId) {
        const created = await this.createCustomer(customerName, email, phone, channel);
        customerId = created.id;
        customerCreated = created.created;
      }
      let order: WebOrderDoc;
      try {
        const orderId = newId('ord');
        order = placeOrder({
          id: orderId,
          orderNumber: `W-${orderId.slice(-8)}`,
          customerId,
          channel,
          pickupStoreId,
          currency: currency as CurrencyCode,
          lines: pricedLines,
          prepaid: prepaid as Minor,
          placedAt,
        });
      } catch (error) {
        if (error instanceof WebOrderError)
          throw badRequest(`order: ${error.message}`, { field: 'lines' });
        throw error;
      }
      const [recorded] = await store.bulkDocs(
        INTERNAL_DATABASES.webOrders,
        [
          {
            _id: intakeId,
            externalId,
            caller,
            requestHash,
            orderId: order.id,
            pickupStoreId,
            order,
            createdAt: new Date().toISOString(),
          },
        ],
        true,
      );
      if (recorded?.error === 'conflict') {
        // Another server process took the same order at the same moment and recorded it first:
        // answer its order (a replay), never place a second one.
        const first = (await store.getCurrent(INTERNAL_DATABASES.webOrders, [intakeId])).get(
          intakeId,
        );
        if (first && !first._deleted) {
          const placed = first.order as WebOrderDoc;
          return {
            replayed: true,
            order: await this.storeIfMissing(placed, externalId),
            customerCreated: false,
          };
        }
      }
      if (!recorded?.ok) {
        throw new ApiError(
          503,
          'busy',
          `The order ${externalId} could not be recorded (${recorded?.reason ?? recorded?.error ?? 'no reply'}); send the same request again.`,
        );
      }
      return {
        replayed: false,
        order: await this.storeIfMissing(order, externalId),
        customerCreated,
      };
    });
  }

  /**
   * The order as its pickup store's database holds it now, written first only when it is not
   * there. Create-only (no revision given): should a register's request write it meanwhile (mark
   * ready), the write conflicts and the stored order is what is answered.
   */
  private async storeIfMissing(order: WebOrderDoc, externalId: string): Promise<WebOrderDoc> {
    const { store, validator } = this.context;
    const db = storeDatabaseName('orders', order.pickupStoreId);
    await store.ensureDatabase(db);
    for (let attempt = 0; attempt < 2; attempt++) {
      const stored = (await store.getCurrent(db, [order.id])).get(order.id);
      if (stored?._deleted) {
        throw new ApiError(
          410,
          'gone',
          `Order ${order.orderNumber} (externalId ${externalId}) was deleted on the server; use a new externalId to place it again.`,
        );
      }
      if (stored) return fromCouchDoc<WebOrderDoc>(stored);
      const doc = toCouchDoc(order);
      const problem = validator.validate('orders', doc);
      if (problem) {
        throw new ApiError(500, 'internal_error', `The order could not be stored: ${problem}`);
      }
      const [row] = await store.bulkDocs(db, [doc], true);
      if (row?.ok) {
        this.context.onAccepted(db, [doc]);
        return order;
      }
      if (row?.error !== 'conflict') {
        throw new ApiError(
          500,
          'internal_error',
          `The order could not be stored: ${row?.reason ?? 'no reply'}; retry the same request.`,
        );
      }
    }
    throw new ApiError(
      503,
      'busy',
      `Order ${order.orderNumber} is being changed right now; retry the same request.`,
    );
  }

  /**
   * A new customer's id is derived from what recognises them (email, else phone) and written
   * create-only: when two server processes take the first two orders of the same new customer at
   * the same moment, the second write conflicts and both orders name the one customer. Should the
   * derived id be taken by a customer who no longer has that email or phone, a fresh id is used.
   */
  private async createCustomer(
    name: string,
    email: string | undefined,
    phone: string | undefined,
    channel: CustomerDoc['origin']['channel'],
  ): Promise<{ id: string; created: boolean }> {
    const { store, validator } = this.context;
    const key = email ? `email:${email}` : `phone:${phone ?? ''}`;
    const derived = `cust_w${createHash('sha256').update(key).digest('hex').slice(0, 26)}`;
    for (const id of [derived, newId('cust')]) {
      const now = new Date().toISOString();
      const created: CustomerDoc = {
        id,
        name,
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
        origin: { channel },
        createdAt: now,
        updatedAt: now,
      };
      const couchDoc = toCouchDoc(created);
      const problem = validator.validate('customers', couchDoc);
      if (problem) throw fieldError('customer', problem);
      const [row] = await store.bulkDocs('customers', [couchDoc], true);
      if (row?.ok) return { id, created: true };
      if (row?.error !== 'conflict') {
        throw new ApiError(
          503,
          'busy',
          `The customer could not be recorded (${row?.reason ?? row?.error ?? 'no reply'}); send the same request again.`,
        );
      }
      const there = (await store.getCurrent('customers', [id])).get(id);
      const same =
        there &&
        !there._deleted &&
        (email
          ? typeof there.email === 'string' && there.email.toLowerCase() === email
          : there.phone === phone);
      if (same) return { id, created: false };
    }
    throw new ApiError(
      503,
      'busy',
      'The customer could not be recorded; send the same request again.',
    );
  }

  private async findCustomer(
    email: string | undefined,
    phone: string | undefined,
  ): Promise<CustomerDoc | undefined> {
    // Through the server index (email:, phone:), first by id as the full read found them.
    const { index } = this.context;
    await index.catchUp();
    const first = async (kind: 'email' | 'phone', value: string) =>
      (await index.fetch(await index.postings(kind, value)))
        .map((entry) => fromCouchDoc<CustomerDoc>(entry.doc))
        .find((candidate) =>
          kind === 'email' ? candidate.email?.toLowerCase() === value : candidate.phone === value,
        );
    return (
      (email ? await first('email', email) : undefined) ??
      (phone ? await first('phone', phone) : undefined)
    );
  }
}
