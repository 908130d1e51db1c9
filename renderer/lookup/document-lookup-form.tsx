import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { storeScanContext } from '../../src/store-clock';
import { onScan } from '../devices/scan-router';
import { useAppStore } from '../state/app-store';
import { lookupDocument } from './document-lookup';
import type { FoundDocument } from './document-lookup';
import { lookupOfScan, readLookupInput } from './lookup-input';
import type { LookupQuery } from './lookup-input';
import { useOmniTranslate } from '../i18n/use-omni-translate';

/**
 * The one field that finds an order or a receipt: a scanner types into it (keyboard wedge) or
 * the cashier types the order number; Enter looks it up here first, then on the server.
 */
export function DocumentLookupForm(props: {
  testId: string;
  initial?: string;
  onFound: (found: FoundDocument) => void;
}) {
  const t = useOmniTranslate();
  const settings = useAppStore((state) => state.settings);
  const [text, setText] = useState(props.initial ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const find = useRef<(query: LookupQuery) => Promise<void>>(async () => {});

  // A scan (wedge burst or serial scanner) of an order QR or a receipt is looked up at once,
  // wherever the focus is; other scans are left to the screens below.
  useEffect(
    () =>
      onScan(({ scan }) => {
        const query = lookupOfScan(scan);
        if (query.kind === 'invalid' && query.reason === 'not-a-document') return false;
        return find.current(query);
      }),
    [],
  );

  function submit(event: FormEvent): void {
    event.preventDefault();
    void find.current(readLookupInput(text, storeScanContext(settings, new Date())));
  }

  async function lookup(query: LookupQuery): Promise<void> {
    if (query.kind === 'invalid') {
      setError(
        query.reason === 'empty'
          ? t('lookup.empty')
          : query.reason === 'return-receipt'
            ? t('lookup.returnReceipt')
            : t('lookup.notADocument', { text: query.text }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    const result = await lookupDocument(query);
    setBusy(false);
    if (!result.ok) {
      const shown =
        query.kind === 'order' ? query.key : query.kind === 'sale' ? query.id : query.number;
      setError(
        result.reason === 'not-found-offline'
          ? t('lookup.notFoundOffline', { text: shown })
          : result.reason === 'ambiguous'
            ? t('lookup.ambiguous', { text: shown })
            : t('lookup.notFound', { text: shown }),
      );
      return;
    }
    setText('');
    props.onFound(result.found);
  }
  // The scan handler is registered once; it always calls the latest lookup.
  useEffect(() => {
    find.current = lookup;
  });

  return (
    <form className="search-row" onSubmit={submit}>
      <input
        className="scan-input"
        data-testid={props.testId}
        aria-label={t('lookup.label')}
        placeholder={t('lookup.label')}
        value={text}
        autoFocus
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? t('lookup.searching') : t('lookup.submit')}
      </button>
      {error && (
        <p className="error" role="alert" data-testid="lookup-error">
          {error}
        </p>
      )}
    </form>
  );
}
