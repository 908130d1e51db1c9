/**
 * Saving a change to the store's settings, as every manager form does it: the manager's PIN
 * goes with the change to the sync-server (POST /api/v1/store-settings), which checks it; the
 * answer becomes a message under the form. The settings then replicate to every register.
 */
import { useState } from 'react';
import type { ApiRequest } from '../../../src/api';
import { createServerApi } from '../../platform/server-api';
import type { ApiResult } from '../../platform/server-api';

/** What a settings form changes; the PIN and who signs come from the footer. */
type StoreSettingsChange = Omit<ApiRequest<'store-settings/change'>, 'staffId' | 'pin'>;
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useManagerTranslate } from '../use-manager-translate';

export interface FormMessage {
  kind: 'error' | 'notice';
  text: string;
}

export function useStoreSettingsSave(savedText: string) {
  const t = useManagerTranslate();
  const staff = useAppStore((state) => state.staff);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<FormMessage | null>(null);

  /**
   * Sends the change with the PIN typed; true when the server took it. `explain` may say a
   * refusal in a form's own words (the message it returns is shown instead).
   */
  async function save(
    change: StoreSettingsChange,
    explain?: (refusal: Extract<ApiResult<unknown>, { ok: false }>) => FormMessage | null,
  ): Promise<boolean> {
    if (!staff) return false;
    const result = await createServerApi(services().config).call('store-settings/change', {
      staffId: staff.id,
      pin,
      ...change,
    });
    setPin('');
    const explained = result.ok ? null : (explain?.(result) ?? null);
    if (result.ok) setMessage({ kind: 'notice', text: savedText });
    else if (explained) setMessage(explained);
    else if (result.offline) setMessage({ kind: 'error', text: t('settings.needsServer') });
    // The server's reason is English, for its log; a PIN refusal is said in the manager's language.
    else if (result.status === 403) setMessage({ kind: 'error', text: t('settings.refusedPin') });
    else if (result.status === 429)
      setMessage({ kind: 'error', text: t('settings.refusedTooMany') });
    else setMessage({ kind: 'error', text: result.reason });
    return result.ok;
  }

  return { pin, setPin, message, setMessage, save };
}

/** The manager's PIN, the answer and the save button at the foot of a settings form. */
export function ManagerPinFooter(props: {
  pin: string;
  onPinChange: (pin: string) => void;
  message: FormMessage | null;
  submitLabel: string;
  pinTestId?: string;
  submitTestId?: string;
}) {
  const t = useManagerTranslate();
  return (
    <>
      <label>
        {t('settings.managerPin')}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          data-testid={props.pinTestId}
          value={props.pin}
          onChange={(event) => props.onPinChange(event.target.value.replace(/\D/g, ''))}
        />
      </label>
      {props.message && (
        <p className={props.message.kind === 'error' ? 'error' : 'notice'} role="alert">
          {props.message.text}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="submit"
          className="button-primary"
          data-testid={props.submitTestId}
          disabled={props.pin.length === 0}
        >
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}
