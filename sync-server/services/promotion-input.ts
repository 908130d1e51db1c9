/**
 * A store's promotions as a manager sends them (POST /api/v1/store-settings): the settings schema
 * checks field types; src/pricing's promotionProblem what pricing needs for each kind (pricing
 * throws on a promotion without it, and every sale of the store would then fail).
 */
import { promotionIssue } from '../../src/pricing';
import type { Promotion } from '../../src/pricing';
import { badRequest } from '../http/api-error';
import { isPlainObject } from '../http/read-json-body';

const MAX_PROMOTIONS = 500;

/** The list as given, or a 400 naming the promotion and what to fix. */
export function parsePromotions(value: unknown): Promotion[] {
  if (!Array.isArray(value) || value.length > MAX_PROMOTIONS) {
    throw badRequest(`promotions must be a list of at most ${MAX_PROMOTIONS} promotions.`, {
      field: 'promotions',
    });
  }
  const ids = new Set<string>();
  value.forEach((promotion: unknown, index) => {
    const field = `promotions[${index}]`;
    if (!isPlainObject(promotion) || typeof promotion.id !== 'string' || !promotion.id) {
      throw badRequest(`${field} must be an object with an "id".`, { field });
    }
    if (ids.has(promotion.id)) {
      throw badRequest(
        `${field}: the id "${promotion.id}" is used twice; give each promotion its own.`,
        {
          field,
        },
      );
    }
    ids.add(promotion.id);
    const problem = promotionIssue(promotion);
    // `problem` and `part` let a register say it in its user's language beside the right field.
    if (problem) {
      throw badRequest(`${field} ("${promotion.id}"): ${problem.text}.`, {
        field,
        problem: problem.code,
        part: problem.field,
      });
    }
  });
  return value as Promotion[];
}
