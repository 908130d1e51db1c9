import { useEffect, useState } from 'react';
import type { AuditEntryDoc, StaffDoc } from '../../../src/documents';
import { pendingAuditEntries, recentAuditEntries } from '../../audit/audit-trail';
import type { MessageKey } from '../../i18n/messages';
import { useTranslate } from '../../i18n/use-translate';
import { storeStaff } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useSellUiStore } from '../sell-ui-store';
import { CloseActions, Dialog } from '../../components/dialog';

/** The approvals made at this register since it started, and which are not on the server yet. */
export function AuditDialog() {
  const t = useTranslate();
  const locale = useAppStore((state) => state.locale);
  const close = useSellUiStore((state) => state.close);
  const [entries] = useState<readonly AuditEntryDoc[]>(() => [...recentAuditEntries()].reverse());
  const [pending, setPending] = useState<Set<string>>(new Set());
  const [staff, setStaff] = useState<StaffDoc[]>([]);
  useEffect(() => {
    void pendingAuditEntries().then((left) => setPending(new Set(left.map((entry) => entry.id))));
    void storeStaff().then(setStaff);
  }, []);
  const name = (id: string) => staff.find((member) => member.id === id)?.name ?? id;
  return (
    <Dialog title={t('audit.title')} testId="audit-dialog" wide>
      {entries.length === 0 && <p className="muted">{t('audit.none')}</p>}
      <ul className="parked-list">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="audit-entry">
            <span>
              {t('audit.row', {
                time: new Date(entry.createdAt).toLocaleTimeString(locale),
                action: t(`audit.action.${entry.action}` as MessageKey),
                requester: name(entry.requestedBy),
                approver: name(entry.approvedBy),
                method: t(`audit.method.${entry.method}` as MessageKey),
              })}
              {entry.reason ? ` · ${entry.reason}` : ''}
            </span>
            <span className="muted">
              {pending.has(entry.id) ? t('audit.waiting') : t('audit.synced')}
            </span>
          </li>
        ))}
      </ul>
      <CloseActions onClose={close} />
    </Dialog>
  );
}
