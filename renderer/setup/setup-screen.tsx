/**
 * The first-run setup of a register with its own local sync-server and no demo (issue #15): the
 * store, this register and the first manager. The page checks as src/setup/first-run.ts says,
 * then hands what was typed to the device host (`setup/complete`), which writes it with the
 * local server's admin token the page never sees. Done, the app starts again at the sign-in.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { FIRST_RUN_DEFAULT_TIME_ZONE, firstRunProblem } from '../../src/setup/first-run';
import type { FirstRunField, FirstRunInput } from '../../src/setup/first-run';
import { DEFAULT_MIN_PIN_LENGTH, MAX_PIN_LENGTH } from '../../src/staff/staff-rules';
import { useSetupTranslate } from '../i18n/setup-messages';
import type { SetupMessageKey } from '../i18n/setup-messages';
import { useAppStore } from '../state/app-store';
import { useSetupState } from './setup-state';
import './setup.css';

const EMPTY: FirstRunInput = {
  storeId: '',
  storeName: '',
  timeZone: FIRST_RUN_DEFAULT_TIME_ZONE,
  registerId: 'quay-1',
  managerName: '',
  pin: '',
  pinAgain: '',
  sellerTaxCode: '',
};

const STORE_FIELDS: FirstRunField[] = [
  'storeId',
  'storeName',
  'timeZone',
  'registerId',
  'sellerTaxCode',
];
const MANAGER_FIELDS: FirstRunField[] = ['managerName', 'pin', 'pinAgain'];
const SECRET: ReadonlySet<FirstRunField> = new Set(['pin', 'pinAgain']);

export function SetupScreen() {
  const t = useSetupTranslate();
  const locale = useAppStore((state) => state.locale);
  const toggleLocale = useAppStore((state) => state.toggleLocale);
  const api = useSetupState((state) => state.api);
  const [input, setInput] = useState<FirstRunInput>(EMPTY);
  const [problem, setProblem] = useState<{ field?: FirstRunField; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);

  const focus = (field: FirstRunField) => document.getElementById(`setup-${field}`)?.focus();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!api || saving || done) return;
    const found = firstRunProblem(input);
    if (found) {
      setProblem({ field: found.field, message: locale === 'vi-VN' ? found.vi : found.en });
      focus(found.field);
      return;
    }
    setSaving(true);
    setProblem(null);
    const result = await api.invoke('setup/complete', { ...input, locale });
    setSaving(false);
    if (!result.ok) {
      setProblem({ message: result.message });
      return;
    }
    setDone(true);
    // A fresh start opens the new store's replica and its staff, as any later start does.
    window.location.reload();
  }

  const field = (name: FirstRunField) => {
    const label = t(`setup.${name}` as SetupMessageKey, { digits: DEFAULT_MIN_PIN_LENGTH });
    return (
      <label key={name} className="setup-field" htmlFor={`setup-${name}`}>
        <span>{label}</span>
        <input
          id={`setup-${name}`}
          name={name}
          type={SECRET.has(name) ? 'password' : 'text'}
          inputMode={SECRET.has(name) ? 'numeric' : 'text'}
          autoComplete="off"
          maxLength={SECRET.has(name) ? MAX_PIN_LENGTH : 80}
          value={input[name]}
          aria-invalid={problem?.field === name}
          disabled={saving || done}
          onChange={(event) => {
            const value = SECRET.has(name)
              ? event.target.value.replace(/\D/g, '')
              : event.target.value;
            setInput((current) => ({ ...current, [name]: value }));
          }}
        />
      </label>
    );
  };

  return (
    <main className="setup-screen">
      <form className="setup-card" onSubmit={(event) => void submit(event)} noValidate>
        <header className="setup-header">
          <h1>{t('setup.title')}</h1>
          <button type="button" className="button-secondary" onClick={toggleLocale}>
            {t('setup.language')}
          </button>
        </header>
        <p>{t('setup.intro')}</p>
        <fieldset>
          <legend>{t('setup.store')}</legend>
          {STORE_FIELDS.map(field)}
        </fieldset>
        <fieldset>
          <legend>{t('setup.manager')}</legend>
          {MANAGER_FIELDS.map(field)}
        </fieldset>
        {problem && (
          <p className="error" role="alert" data-testid="setup-problem">
            {problem.message}
          </p>
        )}
        {done && (
          <p className="notice" role="status">
            {t('setup.done')}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={saving || done}>
          {saving ? t('setup.saving') : t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
