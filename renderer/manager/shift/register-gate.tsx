/**
 * Sales cannot be rung on a closed register: while this register has no open shift, staff see
 * the "open the register" form (with the manage-shift permission) or a call for a supervisor
 * instead of the screens inside the gate.
 */
import type { ReactNode } from 'react';
import { usePermission } from '../permissions';
import { useManagerTranslate } from '../use-manager-translate';
import { OpenRegisterForm } from './open-register-form';
import { useOpenShift } from '../../state/open-shift-store';
import '../manager.css';

export function ShiftGate(props: { children: ReactNode }) {
  const t = useManagerTranslate();
  const shift = useOpenShift();
  const mayOpen = usePermission('manage-shift');
  if (shift) return <>{props.children}</>;
  return (
    <main className="manager-screen register-gate" data-testid="register-gate">
      {shift === undefined ? (
        <p className="muted">{t('gate.checking')}</p>
      ) : (
        <>
          <h1>{t('gate.closedTitle')}</h1>
          {mayOpen ? (
            <>
              <p className="muted">{t('gate.closedHint')}</p>
              <OpenRegisterForm />
            </>
          ) : (
            <p className="notice" role="alert" data-testid="call-supervisor">
              {t('gate.callSupervisor')}
            </p>
          )}
        </>
      )}
    </main>
  );
}
