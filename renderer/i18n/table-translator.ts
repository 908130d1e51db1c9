/**
 * The translate function of renderer/i18n/translate.ts, for any message table: the manager and
 * kiosk screens keep their own tables (so two teams never edit one file) and share the
 * `{name}` placeholder rule.
 */
export type TableTranslate<K extends string> = (
  key: K,
  values?: Record<string, string | number>,
) => string;

export function tableTranslator<K extends string>(
  table: Readonly<Record<K, string>>,
): TableTranslate<K> {
  return (key, values) =>
    table[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match,
    );
}
