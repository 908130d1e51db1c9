/**
 * The promotion editor's rules, kept apart from React so they can be tested: the state of a
 * promotion at an instant, a form's typed fields to a Promotion (amounts by src/money's one
 * parse, times on the store's clock, the check by src/pricing's one `promotionIssue`), and the
 * list the server is sent (POST /store-settings replaces the whole `promotions` list).
 */
import { formatAmount, parseTypedAmount, parseTypedPercent } from '../../../src/money';
import type { CurrencyCode, Locale, Minor } from '../../../src/money';
import { activePromotions, promotionIssue } from '../../../src/pricing';
import type { Promotion, PromotionField, PromotionReward } from '../../../src/pricing';
import { storeWallTime, storeWallTimeInstant } from '../../../src/store-clock';
import { promotionsVi } from '../manager-messages-promotions';
import type { PromotionsMessageKey } from '../manager-messages-promotions';

export type PromotionState = 'scheduled' | 'running' | 'ended';

/** Scheduled before `validFrom`, ended from `validTo` on, running between (as pricing applies). */
export function promotionState(promotion: Promotion, now: string): PromotionState {
  if (activePromotions([promotion], now).length === 1) return 'running';
  const from = promotion.validFrom;
  return from !== undefined && Date.parse(now) < Date.parse(from) ? 'scheduled' : 'ended';
}

/** What the manager types: text as typed, times as the store's wall clock (`yyyy-mm-ddThh:mm`). */
export interface PromotionForm {
  /** The promotion's id: kept when editing, new when creating. */
  id: string;
  kind: Promotion['kind'];
  labelVi: string;
  labelEn: string;
  rewardKind: PromotionReward['kind'];
  rewardValue: string;
  threshold: string;
  buyQuantity: string;
  getQuantity: string;
  getPercent: string;
  productIds: string[];
  categoryIds: string[];
  from: string;
  to: string;
}

/** The form's fields a problem is shown beside. */
export type FormField =
  'kind' | 'labelVi' | 'labelEn' | 'reward' | 'threshold' | 'buyGet' | 'from' | 'to';

export interface FormProblem {
  field: FormField;
  message: PromotionsMessageKey;
}

export type FormResult = { ok: true; promotion: Promotion } | { ok: false; problem: FormProblem };

const MAX_LABEL = 100;

/** Where the one check's field (or a server 400's `part`) is shown on the form. */
export function formFieldOf(field: string | undefined): FormField {
  const shown: Partial<Record<PromotionField, FormField>> = {
    reward: 'reward',
    threshold: 'threshold',
    buyGet: 'buyGet',
    validTo: 'to',
  };
  return shown[field as PromotionField] ?? 'kind';
}

/** A new form: an item discount of a percentage, starting now on the store's clock. */
export function emptyForm(id: string, now: string, timeZone: string): PromotionForm {
  return {
    id,
    kind: 'item-discount',
    labelVi: '',
    labelEn: '',
    rewardKind: 'percent',
    rewardValue: '',
    threshold: '',
    buyQuantity: '2',
    getQuantity: '1',
    getPercent: '100',
    productIds: [],
    categoryIds: [],
    from: storeWallTime(now, timeZone),
    to: '',
  };
}

const percentText = (percentBp: number, locale: Locale): string =>
  (percentBp / 100).toLocaleString(locale, { maximumFractionDigits: 2 });

/** A saved promotion back as the form shows it, to edit it. */
export function formOf(
  promotion: Promotion,
  code: CurrencyCode,
  locale: Locale,
  timeZone: string,
): PromotionForm {
  const reward: PromotionReward =
    promotion.kind === 'buy-x-get-y' ? { kind: 'percent', percentBp: 0 } : promotion.reward;
  return {
    id: promotion.id,
    kind: promotion.kind,
    labelVi: promotion.label.vi,
    labelEn: promotion.label.en,
    rewardKind: reward.kind,
    rewardValue:
      promotion.kind === 'buy-x-get-y'
        ? ''
        : reward.kind === 'percent'
          ? percentText(reward.percentBp, locale)
          : formatAmount(reward.amount, code, locale),
    threshold:
      promotion.kind === 'spend-threshold' ? formatAmount(promotion.threshold, code, locale) : '',
    buyQuantity: promotion.kind === 'buy-x-get-y' ? String(promotion.buyQuantity) : '2',
    getQuantity: promotion.kind === 'buy-x-get-y' ? String(promotion.getQuantity) : '1',
    getPercent:
      promotion.kind === 'buy-x-get-y' ? percentText(promotion.getPercentBp, locale) : '100',
    productIds: promotion.target.productIds ?? [],
    categoryIds: promotion.target.categoryIds ?? [],
    from: promotion.validFrom ? storeWallTime(promotion.validFrom, timeZone) : '',
    to: promotion.validTo ? storeWallTime(promotion.validTo, timeZone) : '',
  };
}

type Read<T> = { ok: true; value: T } | { ok: false; problem: FormProblem };

function readAmount(text: string, code: CurrencyCode, field: FormField): Read<Minor> {
  const parsed = parseTypedAmount(text, code);
  return parsed.ok
    ? { ok: true, value: parsed.amount }
    : { ok: false, problem: { field, message: `promotions.problem.amount.${parsed.problem}` } };
}

/** A percentage as basis points; a range or a typing problem is left to the one check. */
const percentBp = (text: string): number => {
  const parsed = parseTypedPercent(text);
  return parsed.ok ? parsed.percentBp : -1;
};

/** Whole pieces; anything else is 0, which the one check refuses. */
const pieces = (text: string): number => {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isSafeInteger(value) ? value : 0;
};

function readReward(form: PromotionForm, code: CurrencyCode): Read<PromotionReward> {
  if (form.rewardKind === 'percent')
    return { ok: true, value: { kind: 'percent', percentBp: percentBp(form.rewardValue) } };
  const amount = readAmount(form.rewardValue, code, 'reward');
  return amount.ok ? { ok: true, value: { kind: 'amount', amount: amount.value } } : amount;
}

function readTime(text: string, timeZone: string, field: FormField): Read<string | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const instant = storeWallTimeInstant(text, timeZone);
  return instant
    ? { ok: true, value: instant }
    : { ok: false, problem: { field, message: 'promotions.problem.date' } };
}

function labelProblem(form: PromotionForm): FormProblem | null {
  for (const field of ['labelVi', 'labelEn'] as const) {
    const text = form[field].trim();
    if (!text) return { field, message: 'promotions.problem.label' };
    if (text.length > MAX_LABEL) return { field, message: 'promotions.problem.labelLong' };
  }
  return null;
}

/** The form as the Promotion the server is sent, or the first problem and where to show it. */
export function promotionOf(form: PromotionForm, code: CurrencyCode, timeZone: string): FormResult {
  const label = labelProblem(form);
  if (label) return { ok: false, problem: label };
  const from = readTime(form.from, timeZone, 'from');
  if (!from.ok) return from;
  const to = readTime(form.to, timeZone, 'to');
  if (!to.ok) return to;
  const target = {
    ...(form.productIds.length > 0 ? { productIds: [...form.productIds] } : {}),
    ...(form.categoryIds.length > 0 ? { categoryIds: [...form.categoryIds] } : {}),
  };
  const base = {
    id: form.id,
    label: { vi: form.labelVi.trim(), en: form.labelEn.trim() },
    target,
    ...(from.value !== undefined ? { validFrom: from.value } : {}),
    ...(to.value !== undefined ? { validTo: to.value } : {}),
  };
  let promotion: Promotion;
  if (form.kind === 'buy-x-get-y') {
    promotion = {
      ...base,
      kind: 'buy-x-get-y',
      buyQuantity: pieces(form.buyQuantity),
      getQuantity: pieces(form.getQuantity),
      getPercentBp: percentBp(form.getPercent),
    };
  } else {
    const reward = readReward(form, code);
    if (!reward.ok) return reward;
    if (form.kind === 'item-discount') {
      promotion = { ...base, kind: 'item-discount', reward: reward.value };
    } else {
      const threshold = readAmount(form.threshold, code, 'threshold');
      if (!threshold.ok) return threshold;
      promotion = {
        ...base,
        kind: 'spend-threshold',
        threshold: threshold.value,
        reward: reward.value,
      };
    }
  }
  const issue = promotionIssue(promotion);
  return issue
    ? {
        ok: false,
        problem: { field: formFieldOf(issue.field), message: `promotions.problem.${issue.code}` },
      }
    : { ok: true, promotion };
}

/** The store's list with `promotion` put in place of the one with its id, or added at the end. */
export function withPromotion(list: readonly Promotion[], promotion: Promotion): Promotion[] {
  const at = list.findIndex((entry) => entry.id === promotion.id);
  return at < 0
    ? [...list, promotion]
    : list.map((entry, index) => (index === at ? promotion : entry));
}

/**
 * "End now": the promotion stops at `now` and stays listed as ended. Only a running one can
 * end (a scheduled one has not started: edit or remove it); null when it cannot.
 */
export function endedAt(promotion: Promotion, now: string): Promotion | null {
  return promotionState(promotion, now) === 'running' ? { ...promotion, validTo: now } : null;
}

/**
 * Where the server's 400 belongs: its `field` names `promotions[i]` and, beside it, the part
 * (`part`) and the reason's code (`problem`), which the one check gives. Null when the refusal is
 * not about the promotion at `index`.
 */
export function serverProblem(details: Record<string, unknown>, index: number): FormProblem | null {
  if (details.field !== `promotions[${index}]`) return null;
  const code = typeof details.problem === 'string' ? details.problem : '';
  const message = `promotions.problem.${code}`;
  return isProblemKey(message)
    ? { field: formFieldOf(typeof details.part === 'string' ? details.part : undefined), message }
    : null;
}

function isProblemKey(key: string): key is PromotionsMessageKey {
  return key.startsWith('promotions.problem.') && Object.hasOwn(promotionsVi, key);
}
