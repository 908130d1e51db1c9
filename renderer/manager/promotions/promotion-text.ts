/** How a promotion reads in the list: its reward, what it applies to and when, in the UI language. */
import type { CatalogIndex } from '../../../src/search';
import { formatMoney } from '../../../src/money';
import type { CurrencyCode, Locale } from '../../../src/money';
import type { Promotion, PromotionReward } from '../../../src/pricing';
import { categoryName } from '../../i18n/category-names';
import { dateTime } from '../manager-format';
import type { ManagerTranslate } from '../use-manager-translate';

const percent = (percentBp: number, locale: Locale): string =>
  (percentBp / 100).toLocaleString(locale, { maximumFractionDigits: 2 });

function rewardText(
  reward: PromotionReward,
  t: ManagerTranslate,
  code: CurrencyCode,
  locale: Locale,
): string {
  return reward.kind === 'percent'
    ? t('promotions.reward.percent', { percent: percent(reward.percentBp, locale) })
    : t('promotions.reward.amount', { amount: formatMoney(reward.amount, code, locale) });
}

export function promotionRewardText(
  promotion: Promotion,
  t: ManagerTranslate,
  code: CurrencyCode,
  locale: Locale,
): string {
  switch (promotion.kind) {
    case 'item-discount':
      return rewardText(promotion.reward, t, code, locale);
    case 'buy-x-get-y':
      return t('promotions.reward.buyGet', {
        buy: String(promotion.buyQuantity),
        get: String(promotion.getQuantity),
        percent: percent(promotion.getPercentBp, locale),
      });
    case 'spend-threshold':
      return t('promotions.reward.threshold', {
        threshold: formatMoney(promotion.threshold, code, locale),
        reward: rewardText(promotion.reward, t, code, locale),
      });
  }
}

/** A product's name in the UI language; its id when the register's catalog does not hold it. */
export function productName(catalog: CatalogIndex, productId: string, locale: Locale): string {
  const product = catalog.get(productId);
  if (!product) return productId;
  return locale === 'vi-VN' ? product.name.vi : product.name.en;
}

export function promotionTargetText(
  promotion: Promotion,
  t: ManagerTranslate,
  catalog: CatalogIndex,
  locale: Locale,
): string {
  const names = [
    ...(promotion.target.productIds ?? []).map((id) => productName(catalog, id, locale)),
    ...(promotion.target.categoryIds ?? []).map((id) => categoryName(id, locale)),
  ];
  return names.length > 0 ? names.join(', ') : t('promotions.target.all');
}

export function promotionScheduleText(
  promotion: Promotion,
  t: ManagerTranslate,
  locale: Locale,
): string {
  const parts = [
    ...(promotion.validFrom
      ? [t('promotions.schedule.from', { time: dateTime(promotion.validFrom, locale) })]
      : []),
    ...(promotion.validTo
      ? [t('promotions.schedule.to', { time: dateTime(promotion.validTo, locale) })]
      : []),
  ];
  return parts.length > 0 ? parts.join(' ') : t('promotions.schedule.always');
}
