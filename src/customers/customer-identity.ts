/**
 * What makes a customer one customer across the chain: a phone number and a loyalty card
 * number belong to one profile only (the sync-server refuses a second, see
 * sync-server/gate/push-checks/customer-push-check.ts). Both are compared in one normal form, made
 * here for the register, the kiosk, the web-order intake and the server alike.
 */

/**
 * A phone number in E.164 (`+84901234567`), as CustomerDoc keeps it, from the ways people write
 * a Vietnamese one (`0901 234 567`, `84901234567`, `+84 (0) 901 234 567`, `901 234 567`); null
 * when the text is not a phone number. A leading 0 is the national trunk prefix; nine digits
 * starting 3, 5, 7, 8 or 9 are a Vietnamese mobile number written without it.
 */
export function normalizePhone(text: string): string | null {
  const compact = text.replace(/[\s.()-]/g, '');
  if (!/^\+?\d{6,15}$/.test(compact)) return null;
  let e164: string;
  if (compact.startsWith('+')) e164 = compact;
  else if (compact.startsWith('84') && compact.length >= 11) e164 = `+${compact}`;
  else if (compact.startsWith('0')) e164 = `+84${compact.slice(1)}`;
  // A mobile number without its trunk 0 ("901 234 567"), as people type it after "+84" on forms.
  else if (/^[35789]\d{8}$/.test(compact)) e164 = `+84${compact}`;
  else return null;
  // "+84 (0) 901…": the trunk 0 written after the country code is not dialled.
  if (e164.startsWith('+840')) e164 = `+84${e164.slice(4)}`;
  return /^\+\d{6,15}$/.test(e164) ? e164 : null;
}

/** A loyalty card number as printed and as scanned compare equal: no spaces, upper case. */
export function normalizeCardNumber(text: string): string | null {
  const compact = text.replace(/\s/g, '').toUpperCase();
  return compact ? compact : null;
}
