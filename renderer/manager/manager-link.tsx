import { useHashRoute } from '../platform/use-hash-route';
import { useCanManage } from './permissions';
import { useManagerTranslate } from './use-manager-translate';

/** The status bar's way into the manager screens, for staff whose role may use them. */
export function ManagerLink() {
  const t = useManagerTranslate();
  const allowed = useCanManage();
  const route = useHashRoute();
  if (!allowed || route === '/manager') return null;
  return (
    <a className="button-secondary manager-link" href="#/manager" data-testid="open-manager">
      {t('manager.open')}
    </a>
  );
}
