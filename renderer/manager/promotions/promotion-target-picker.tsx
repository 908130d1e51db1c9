/** What a promotion applies to: products found by name or SKU, and categories ticked. */
import { useState } from 'react';
import { NAMED_CATEGORIES, categoryName } from '../../i18n/category-names';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useManagerTranslate } from '../use-manager-translate';
import { productName } from './promotion-text';

export function PromotionTargetPicker(props: {
  productIds: string[];
  categoryIds: string[];
  onChange: (target: { productIds: string[]; categoryIds: string[] }) => void;
}) {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const [query, setQuery] = useState('');
  const { catalog } = services();
  const found = query.trim()
    ? catalog.search(query, 8).filter((product) => !props.productIds.includes(product.id))
    : [];
  const categories = [...new Set([...NAMED_CATEGORIES, ...props.categoryIds])];
  const setProducts = (productIds: string[]) =>
    props.onChange({ productIds, categoryIds: props.categoryIds });

  return (
    <fieldset className="promo-target" data-testid="promo-target">
      <legend>{t('promotions.form.products')}</legend>
      <ul className="promo-chosen">
        {props.productIds.map((id) => (
          <li key={id} data-testid="promo-product">
            {productName(catalog, id, locale)}{' '}
            <button
              type="button"
              className="button-secondary"
              onClick={() => setProducts(props.productIds.filter((entry) => entry !== id))}
            >
              {t('promotions.remove')}
            </button>
          </li>
        ))}
      </ul>
      <label>
        {t('promotions.form.searchProduct')}
        <input
          value={query}
          data-testid="promo-product-search"
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      {query.trim() && found.length === 0 && (
        <p className="muted">{t('promotions.form.noMatch')}</p>
      )}
      <ul className="promo-found">
        {found.map((product) => (
          <li key={product.id}>
            <button
              type="button"
              className="button-secondary"
              data-testid="promo-product-found"
              onClick={() => {
                setProducts([...props.productIds, product.id]);
                setQuery('');
              }}
            >
              {productName(catalog, product.id, locale)} · {product.sku}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted">{t('promotions.form.categories')}</p>
      <div className="promo-categories">
        {categories.map((id) => (
          <label key={id} className="promo-category">
            <input
              type="checkbox"
              checked={props.categoryIds.includes(id)}
              onChange={(event) =>
                props.onChange({
                  productIds: props.productIds,
                  categoryIds: event.target.checked
                    ? [...props.categoryIds, id]
                    : props.categoryIds.filter((entry) => entry !== id),
                })
              }
            />{' '}
            {categoryName(id, locale)}
          </label>
        ))}
      </div>
      <p className="muted">{t('promotions.form.targetHint')}</p>
    </fieldset>
  );
}
