/**
 * The editor of one promotion: its kind, names in both languages, the reward typed as a person
 * types money or a percentage, what it applies to and when it runs on the store's clock. A
 * problem is shown beside the field it concerns; the PIN and save come from the panel.
 */
import type { ReactNode } from 'react';
import type { Promotion } from '../../../src/pricing';
import { useManagerTranslate } from '../use-manager-translate';
import type { FormField, FormProblem, PromotionForm } from './promotion-editing';
import { PromotionTargetPicker } from './promotion-target-picker';

const KINDS: readonly Promotion['kind'][] = ['item-discount', 'buy-x-get-y', 'spend-threshold'];

export function PromotionEditor(props: {
  form: PromotionForm;
  editing: boolean;
  problem: FormProblem | null;
  onChange: (patch: Partial<PromotionForm>) => void;
  onCancel: () => void;
  footer: ReactNode;
  onSubmit: () => void;
}) {
  const t = useManagerTranslate();
  const { form, onChange } = props;
  const problemAt = (field: FormField) =>
    props.problem?.field === field ? (
      <p className="error" role="alert" data-testid={`promo-problem-${field}`}>
        {t(props.problem.message)}
      </p>
    ) : null;
  const text = (field: 'labelVi' | 'labelEn' | 'threshold' | 'buyQuantity' | 'getQuantity') => (
    <input
      value={form[field]}
      data-testid={`promo-${field}`}
      onChange={(event) => onChange({ [field]: event.target.value })}
    />
  );

  return (
    <form
      className="manager-card manager-wide"
      data-testid="promotion-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h2>{t(props.editing ? 'promotions.form.editTitle' : 'promotions.form.newTitle')}</h2>
      <div className="form-grid">
        <label>
          {t('promotions.form.kind')}
          <select
            value={form.kind}
            data-testid="promo-kind"
            onChange={(event) =>
              onChange({ kind: KINDS.find((kind) => kind === event.target.value) ?? form.kind })
            }
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`promotions.kind.${kind}`)}
              </option>
            ))}
          </select>
          {problemAt('kind')}
        </label>
        <label>
          {t('promotions.form.labelVi')}
          {text('labelVi')}
          {problemAt('labelVi')}
        </label>
        <label>
          {t('promotions.form.labelEn')}
          {text('labelEn')}
          {problemAt('labelEn')}
        </label>
        {form.kind === 'spend-threshold' && (
          <label>
            {t('promotions.form.threshold')}
            {text('threshold')}
            {problemAt('threshold')}
          </label>
        )}
        {form.kind !== 'buy-x-get-y' && (
          <>
            <label>
              {t('promotions.form.rewardKind')}
              <select
                value={form.rewardKind}
                data-testid="promo-rewardKind"
                onChange={(event) =>
                  onChange({ rewardKind: event.target.value === 'amount' ? 'amount' : 'percent' })
                }
              >
                <option value="percent">{t('promotions.form.percent')}</option>
                <option value="amount">{t('promotions.form.amount')}</option>
              </select>
            </label>
            <label>
              {t('promotions.form.rewardValue')}
              <input
                value={form.rewardValue}
                inputMode="decimal"
                data-testid="promo-rewardValue"
                onChange={(event) => onChange({ rewardValue: event.target.value })}
              />
              {problemAt('reward')}
            </label>
          </>
        )}
        {form.kind === 'buy-x-get-y' && (
          <>
            <label>
              {t('promotions.form.buyQuantity')}
              {text('buyQuantity')}
            </label>
            <label>
              {t('promotions.form.getQuantity')}
              {text('getQuantity')}
            </label>
            <label>
              {t('promotions.form.getPercent')}
              <input
                value={form.getPercent}
                inputMode="decimal"
                data-testid="promo-getPercent"
                onChange={(event) => onChange({ getPercent: event.target.value })}
              />
              {problemAt('buyGet')}
            </label>
          </>
        )}
        <label>
          {t('promotions.form.from')}
          <input
            type="datetime-local"
            value={form.from}
            data-testid="promo-from"
            onChange={(event) => onChange({ from: event.target.value })}
          />
          {problemAt('from')}
        </label>
        <label>
          {t('promotions.form.to')}
          <input
            type="datetime-local"
            value={form.to}
            data-testid="promo-to"
            onChange={(event) => onChange({ to: event.target.value })}
          />
          {problemAt('to')}
        </label>
      </div>
      <PromotionTargetPicker
        productIds={form.productIds}
        categoryIds={form.categoryIds}
        onChange={(target) => onChange(target)}
      />
      {props.footer}
      <div className="dialog-actions">
        <button
          type="button"
          className="button-secondary"
          data-testid="promo-cancel"
          onClick={props.onCancel}
        >
          {t('promotions.form.cancel')}
        </button>
      </div>
    </form>
  );
}
