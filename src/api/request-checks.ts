/**
 * Small checks for what arrives at the server's door: each names the field and says what to
 * send instead, so a register or a web shop that sends the wrong shape gets a 400 it can act on,
 * never a 500 from deep inside a handler. Deeper rules (a known customer, enough points) stay with
 * the domain code behind the door.
 */
import { isCurrencyCode } from '../money';

export interface ApiProblem {
  field?: string;
  reason: string;
}

/** Checks one field's value; `undefined` means the field was not sent. */
export type FieldCheck = (value: unknown, field: string) => ApiProblem | null;

/** Checks a whole request (path parameters, query or body fields, merged). */
export type RequestCheck = (request: unknown) => ApiProblem | null;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(options: { max?: number; pattern?: RegExp; what?: string } = {}): FieldCheck {
  const max = options.max ?? 128;
  return (value, field) => {
    const ok =
      typeof value === 'string' &&
      value.trim().length > 0 &&
      value.length <= max &&
      (options.pattern === undefined || options.pattern.test(value));
    if (ok) return null;
    const what = options.what ?? `a text of 1 to ${max} characters`;
    return { field, reason: `${field} is required: ${what}.` };
  };
}

export function positiveInteger(what: string): FieldCheck {
  return (value, field) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value > 0
      ? null
      : { field, reason: `${field} must be ${what}, a whole number greater than zero.` };
}

export function currencyCode(): FieldCheck {
  return (value, field) =>
    isCurrencyCode(value)
      ? null
      : { field, reason: `${field} must be a currency code the store uses, e.g. VND or USD.` };
}

export function boolean(what: string): FieldCheck {
  return (value, field) =>
    typeof value === 'boolean' ? null : { field, reason: `${field} must be ${what}.` };
}

/** A point in time as ISO 8601 text (`2026-12-03T07:00:00Z`). */
export function isoTime(): FieldCheck {
  return (value, field) =>
    typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value))
      ? null
      : { field, reason: `${field} must be a date and time, e.g. 2026-12-03T07:00:00Z.` };
}

export function list(options: { max: number; item?: FieldCheck; what: string }): FieldCheck {
  return (value, field) => {
    if (!Array.isArray(value) || value.length > options.max) {
      return { field, reason: `${field} must be ${options.what} (at most ${options.max}).` };
    }
    if (!options.item) return null;
    for (const [index, item] of value.entries()) {
      const problem = options.item(item, `${field}[${index}]`);
      if (problem) return problem;
    }
    return null;
  };
}

export function object(what: string, fields?: Record<string, FieldCheck>): FieldCheck {
  return (value, field) => {
    if (!isPlainObject(value)) return { field, reason: `${field} must be ${what}.` };
    return fields ? fieldsProblem(value, fields, `${field}.`) : null;
  };
}

/** Any JSON value: the handler behind the door checks it in full (promotions, a web order). */
export function anything(): FieldCheck {
  return () => null;
}

export function optional(check: FieldCheck): FieldCheck {
  return (value, field) => (value === undefined ? null : check(value, field));
}

function fieldsProblem(
  input: Record<string, unknown>,
  fields: Record<string, FieldCheck>,
  prefix = '',
): ApiProblem | null {
  for (const [name, check] of Object.entries(fields)) {
    const problem = check(input[name], `${prefix}${name}`);
    if (problem) return problem;
  }
  return null;
}

/**
 * The request must be an object whose named fields pass their checks; fields not named are left
 * for the handler (older registers may send extra ones).
 */
export function fields(
  checks: Record<string, FieldCheck>,
  shape = `{${Object.keys(checks).join(', ')}}`,
): RequestCheck {
  return (request) => {
    if (!isPlainObject(request)) return { reason: `Send a JSON object: ${shape}.` };
    return fieldsProblem(request, checks);
  };
}
