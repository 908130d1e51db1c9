import type { MessageKey } from '../../i18n/messages';
import { useTranslate } from '../../i18n/use-translate';

export const SHORTCUT_KEYS: readonly MessageKey[] = [
  'shortcuts.search',
  'shortcuts.customer',
  'shortcuts.edit',
  'shortcuts.park',
  'shortcuts.pay',
  'shortcuts.complete',
  'shortcuts.cancel',
  'shortcuts.quantity',
  'shortcuts.remove',
];

/** The keyboard shortcuts, always listed at the foot of the sell screen. */
export function ShortcutBar() {
  const t = useTranslate();
  return (
    <footer className="shortcut-bar" aria-label={t('shortcuts.title')} data-testid="shortcuts">
      {SHORTCUT_KEYS.map((key) => (
        <span key={key} className="shortcut">
          {t(key)}
        </span>
      ))}
    </footer>
  );
}
