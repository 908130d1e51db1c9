import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { StaffDoc } from '../../src/documents';
import { hostPinMac, staffByPin } from '../auth/pin';
import { finishOverride, mayApprove, useOverrideStore } from '../auth/override-store';
import type { Approval } from '../auth/override-store';
import { onScan } from '../devices/scan-router';
import { useTranslate } from '../i18n/use-translate';
import { services, storeStaff } from '../services';

/** Asks a supervisor or manager for their PIN or badge to allow one action. */
export function OverridePrompt() {
  const pending = useOverrideStore((state) => state.pending);
  // A new request gets a fresh prompt (empty PIN, no old message).
  return pending ? <OverrideDialog key={pending.seq} /> : null;
}

function OverrideDialog() {
  const t = useTranslate();
  const pending = useOverrideStore((state) => state.pending);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const action = pending?.action;

  useEffect(() => {
    if (!action) return undefined;
    const accept = (approver: StaffDoc | null, method: Approval['method']): void => {
      if (!approver) setMessage(t('override.unknownApprover'));
      else if (!mayApprove(approver, action))
        setMessage(t('override.notAllowed', { name: approver.name }));
      else finishOverride({ approver, method });
    };
    // A staff badge scanned while the prompt is open approves like a PIN.
    return onScan(({ scan }) => {
      if (scan.kind !== 'staff-badge') return false;
      return storeStaff().then((staff) =>
        accept(
          staff.find((member) => member.badge === scan.badge || member.badge === scan.raw) ?? null,
          'badge',
        ),
      );
    });
  }, [action, t]);

  if (!pending) return null;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!pending || !pin) return;
    setChecking(true);
    const { member: approver, problem } = await staffByPin(
      pin,
      await storeStaff(),
      hostPinMac(services().api),
    );
    setChecking(false);
    setPin('');
    if (problem) setMessage(problem);
    else if (!approver) setMessage(t('override.wrongPin'));
    else if (!mayApprove(approver, pending.action))
      setMessage(t('override.notAllowed', { name: approver.name }));
    else finishOverride({ approver, method: 'pin' });
  }

  return (
    <div
      className="dialog-backdrop"
      role="dialog"
      aria-modal="true"
      aria-labelledby="override-title"
    >
      <form
        className="dialog"
        data-testid="override-prompt"
        onSubmit={(event) => void submit(event)}
      >
        <h2 id="override-title">{t('override.title')}</h2>
        <p>{pending.summary}</p>
        <label htmlFor="override-pin">{t('override.prompt')}</label>
        <input
          id="override-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          maxLength={8}
          value={pin}
          disabled={checking}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
        />
        {message && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={() => finishOverride(null)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={checking || !pin}>
            {t('override.approve')}
          </button>
        </div>
      </form>
    </div>
  );
}
