/**
 * The store's promotions (issue #18): listed with kind, reward, target, schedule and state on
 * the store's clock; created, edited, ended now or removed. Promotions are part of the store
 * settings, which only the server writes: every change sends the whole list (POST
 * /store-settings) with the manager's PIN, through the save every settings form uses.
 */
import { useEffect, useState } from 'react';
import type { Promotion } from '../../../src/pricing';
import type { StoreSettingsDoc } from '../../../src/documents';
import { storeTimeZone } from '../../../src/store-clock';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { newId } from '../manager-format';
import { ManagerPinFooter, useStoreSettingsSave } from '../settings/store-settings-save';
import type { FormMessage } from '../settings/store-settings-save';
import { useManagerTranslate } from '../use-manager-translate';
import {
  emptyForm,
  endedAt,
  formOf,
  promotionOf,
  promotionState,
  serverProblem,
  withPromotion,
} from './promotion-editing';
import { usePromotionDraft } from './promotion-draft';
import { PromotionEditor } from './promotion-form';
import { promotionRewardText, promotionScheduleText, promotionTargetText } from './promotion-text';
import './promotions.css';

type Pending = { action: 'end' | 'remove'; promotion: Promotion };

/**
 * The clock at this render; the panel renders again each half minute, so a state turns from
 * scheduled to running on screen (and at once after "End now").
 */
function useNow(): string {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  return new Date().toISOString();
}

export function PromotionsPanel() {
  const t = useManagerTranslate();
  const settings = useAppStore((state) => state.settings);
  const locale = useAppStore((state) => state.locale);
  const now = useNow();
  const { form, problem, setForm, setProblem } = usePromotionDraft();
  const [pending, setPending] = useState<Pending | null>(null);
  // What the server took, shown until its settings arrive here by replication.
  const [sent, setSent] = useState<{ list: Promotion[]; basis: StoreSettingsDoc | null } | null>(
    null,
  );
  const { pin, setPin, message, setMessage, save } = useStoreSettingsSave(t('promotions.saved'));
  if (!settings) return null;
  const code = settings.currency;
  const timeZone = storeTimeZone(settings);
  const list = sent && sent.basis === settings ? sent.list : (settings.promotions ?? []);
  const { catalog } = services();

  async function send(next: Promotion[], editedIndex: number): Promise<boolean> {
    const ok = await save({ promotions: next }, (refusal): FormMessage | null => {
      if (refusal.offline) return { kind: 'error', text: t('promotions.needsServer') };
      const atField = serverProblem(refusal.details, editedIndex);
      if (!atField) return null;
      setProblem(atField);
      return {
        kind: 'error',
        text: t('promotions.problem.server', { reason: t(atField.message) }),
      };
    });
    if (ok) setSent({ list: next, basis: settings });
    return ok;
  }

  async function submitForm(): Promise<void> {
    if (!form) return;
    const result = promotionOf(form, code, timeZone);
    if (!result.ok) {
      setProblem(result.problem);
      setMessage(null);
      return;
    }
    setProblem(null);
    const next = withPromotion(list, result.promotion);
    const index = next.findIndex((entry) => entry.id === result.promotion.id);
    if (await send(next, index)) setForm(null);
  }

  async function submitPending(): Promise<void> {
    if (!pending) return;
    const { action, promotion } = pending;
    const ended = action === 'end' ? endedAt(promotion, new Date().toISOString()) : null;
    const next =
      action === 'remove'
        ? list.filter((entry) => entry.id !== promotion.id)
        : ended
          ? withPromotion(list, ended)
          : list;
    const index = next.findIndex((entry) => entry.id === promotion.id);
    if (await send(next, index)) setPending(null);
  }

  const openForm = (promotion: Promotion | null) => {
    setProblem(null);
    setMessage(null);
    setPending(null);
    setForm(
      promotion
        ? formOf(promotion, code, locale, timeZone)
        : emptyForm(newId('promo'), new Date().toISOString(), timeZone),
    );
  };
  const footer = (label: string) => (
    <ManagerPinFooter
      pin={pin}
      onPinChange={setPin}
      message={message}
      submitLabel={label}
      pinTestId="promo-pin"
      submitTestId="promo-submit"
    />
  );

  return (
    <div className="manager-columns" data-testid="promotions-panel">
      <section className="manager-card manager-wide">
        <h2>{t('promotions.title')}</h2>
        {list.length === 0 && <p className="muted">{t('promotions.none')}</p>}
        {list.length > 0 && (
          <table className="manager-table promo-table" data-testid="promotions-table">
            <thead>
              <tr>
                <th>{t('promotions.col.name')}</th>
                <th>{t('promotions.col.reward')}</th>
                <th>{t('promotions.col.target')}</th>
                <th>{t('promotions.col.schedule')}</th>
                <th>{t('promotions.col.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((promotion) => {
                const state = promotionState(promotion, now);
                return (
                  <tr key={promotion.id} data-testid="promotion-row" data-state={state}>
                    <td>
                      <strong>
                        {locale === 'vi-VN' ? promotion.label.vi : promotion.label.en}
                      </strong>
                      <br />
                      <span className="muted">{t(`promotions.kind.${promotion.kind}`)}</span>
                    </td>
                    <td>{promotionRewardText(promotion, t, code, locale)}</td>
                    <td>{promotionTargetText(promotion, t, catalog, locale)}</td>
                    <td>{promotionScheduleText(promotion, t, locale)}</td>
                    <td data-testid="promotion-state">{t(`promotions.state.${state}`)}</td>
                    <td>
                      <div className="promo-actions">
                        <button
                          type="button"
                          className="button-secondary"
                          data-testid="promo-edit"
                          onClick={() => openForm(promotion)}
                        >
                          {t('promotions.edit')}
                        </button>
                        {state === 'running' && (
                          <button
                            type="button"
                            className="button-secondary"
                            data-testid="promo-end"
                            onClick={() => {
                              setMessage(null);
                              setPending({ action: 'end', promotion });
                            }}
                          >
                            {t('promotions.endNow')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button-secondary"
                          data-testid="promo-remove"
                          onClick={() => {
                            setMessage(null);
                            setPending({ action: 'remove', promotion });
                          }}
                        >
                          {t('promotions.remove')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {!form && !pending && message && (
          <p
            className={message.kind === 'error' ? 'error' : 'notice'}
            role="alert"
            data-testid="promo-message"
          >
            {message.text}
          </p>
        )}
        {!form && !pending && (
          <div className="dialog-actions">
            <button
              type="button"
              className="button-primary"
              data-testid="promo-new"
              onClick={() => openForm(null)}
            >
              {t('promotions.new')}
            </button>
          </div>
        )}
      </section>
      {pending && (
        <form
          className="manager-card manager-wide"
          data-testid="promotion-confirm"
          onSubmit={(event) => {
            event.preventDefault();
            void submitPending();
          }}
        >
          <h2>
            {t(pending.action === 'end' ? 'promotions.endNow' : 'promotions.remove')}:{' '}
            {locale === 'vi-VN' ? pending.promotion.label.vi : pending.promotion.label.en}
          </h2>
          {footer(t(pending.action === 'end' ? 'promotions.endNow' : 'promotions.remove'))}
          <div className="dialog-actions">
            <button type="button" className="button-secondary" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {form && !pending && (
        <PromotionEditor
          form={form}
          editing={list.some((entry) => entry.id === form.id)}
          problem={problem}
          onChange={(patch) => setForm({ ...form, ...patch })}
          onCancel={() => {
            setForm(null);
            setProblem(null);
            setMessage(null);
          }}
          onSubmit={() => void submitForm()}
          footer={footer(t('promotions.form.save'))}
        />
      )}
    </div>
  );
}
