/**
 * The seller and buyer of an e-invoice, checked. The store settings carry the store's name and
 * address but not its tax code or legal name, so the seller comes in as its own typed input
 * until the settings schema has a place for them.
 */
import { normalizePhone } from '../customers/customer-identity';
import { EInvoiceError } from './einvoice-error';

export interface EInvoiceSeller {
  /** The seller's registered name, as on its tax registration. */
  name: string;
  /** Mã số thuế: 10 digits, 10-3 for a dependent unit, or a 12-digit personal number. */
  taxCode: string;
  address: string;
}

/** Buyer data is written only when the buyer asks for it; every field is optional. */
export interface EInvoiceBuyer {
  name?: string;
  taxCode?: string;
  address?: string;
  /** Số định danh cá nhân (12-digit citizen ID), for a buyer without a tax code. */
  idNumber?: string;
  phone?: string;
}

const TAX_CODE = /^(\d{10}(-\d{3})?|\d{12})$/;
const ID_NUMBER = /^\d{12}$/;

/** Mã số thuế as written: 10 digits, 10-3 for a dependent unit, or 12 digits. */
export function isTaxCode(text: string): boolean {
  return TAX_CODE.test(text);
}

/** Số định danh cá nhân: the 12 digits of a citizen ID card. */
export function isIdNumber(text: string): boolean {
  return ID_NUMBER.test(text);
}

function fail(code: 'invalid-seller' | 'invalid-buyer', message: string): never {
  throw new EInvoiceError(code, message);
}

export function checkSeller(seller: EInvoiceSeller): EInvoiceSeller {
  const name = seller.name.trim();
  const address = seller.address.trim();
  const taxCode = seller.taxCode.trim();
  if (name === '') fail('invalid-seller', "The seller's name is empty; enter it as registered.");
  if (address === '')
    fail('invalid-seller', "The seller's address is empty; enter it as registered.");
  if (!TAX_CODE.test(taxCode)) {
    fail(
      'invalid-seller',
      `The seller's tax code "${seller.taxCode}" is not 10 digits, 10 digits-3 digits or 12 digits; enter it as on the tax registration.`,
    );
  }
  return { name, taxCode, address };
}

/** The buyer with blank fields dropped, or undefined when nothing was given. */
export function checkBuyer(buyer: EInvoiceBuyer | undefined): EInvoiceBuyer | undefined {
  if (!buyer) return undefined;
  const given: EInvoiceBuyer = {};
  const name = buyer.name?.trim();
  const taxCode = buyer.taxCode?.trim();
  const address = buyer.address?.trim();
  const idNumber = buyer.idNumber?.trim();
  const phone = buyer.phone?.trim();
  if (name) given.name = name;
  if (taxCode) {
    if (!isTaxCode(taxCode)) {
      fail(
        'invalid-buyer',
        `The buyer's tax code "${taxCode}" is not 10 digits, 10 digits-3 digits or 12 digits; check it with the buyer.`,
      );
    }
    given.taxCode = taxCode;
  }
  if (address) given.address = address;
  if (idNumber) {
    if (!isIdNumber(idNumber)) {
      fail(
        'invalid-buyer',
        `The buyer's ID number "${idNumber}" is not 12 digits; check it on the ID card.`,
      );
    }
    given.idNumber = idNumber;
  }
  if (phone) {
    // The one phone rule of the customers' profiles: E.164 (+84…), as CustomerDoc keeps it.
    const e164 = normalizePhone(phone);
    if (!e164) {
      fail(
        'invalid-buyer',
        `The buyer's phone "${phone}" is not a phone number; check it with the buyer.`,
      );
    }
    given.phone = e164;
  }
  if (given.taxCode && !given.name) {
    fail(
      'invalid-buyer',
      "A buyer's tax code needs the buyer's name (the company's name) beside it.",
    );
  }
  return Object.keys(given).length > 0 ? given : undefined;
}
