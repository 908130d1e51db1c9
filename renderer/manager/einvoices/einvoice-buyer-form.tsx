/**
 * The buyer's details for one invoice, entered after the sale when the buyer asks for them
 * (docs/INVOICES.md, "Buyer data after the sale"): name, tax code, address, citizen ID and phone,
 * checked here with src/einvoice's `checkBuyerEntry` (the server's check) so a problem is worded
 * in the manager's language before anything is sent, then sent with the manager's PIN to
 * POST /einvoices/:id/buyer. The server's refusals come back with a problem code, worded here too.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { EInvoiceView } from '../../../src/api/einvoice-views';
import { BUYER_FIELDS, BUYER_MAX_LENGTH, checkBuyerEntry } from '../../../src/einvoice';
import type { BuyerEntry, BuyerField, BuyerProblemKind } from '../../../src/einvoice';
import { createServerApi } from '../../platform/server-api';
import type { ApiResult } from '../../platform/server-api';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import type { ManagerMessageKey } from '../manager-messages';
import { ManagerPinFooter } from '../settings/store-settings-save';
import type { FormMessage } from '../settings/store-settings-save';
import { useManagerTranslate } from '../use-manager-translate';
import type { ManagerTranslate } from '../use-manager-translate';
import { STATUS_LABELS } from './einvoice-status';

const FIELD_LABELS: Readonly<Record<BuyerField, ManagerMessageKey>> = {
  name: 'einvoices.buyer.name',
  taxCode: 'einvoices.buyer.taxCode',
  address: 'einvoices.buyer.address',
  idNumber: 'einvoices.buyer.idNumber',
  phone: 'einvoices.buyer.phone',
};

/** The on-screen keyboard each field wants: a tax code has a dash (0301234567-001). */
const INPUT_MODES: Readonly<Record<BuyerField, 'text' | 'numeric' | 'tel'>> = {
  name: 'text',
  taxCode: 'text',
  address: 'text',
  idNumber: 'numeric',
  phone: 'tel',
};

const PROBLEMS: Readonly<Record<BuyerProblemKind, ManagerMessageKey>> = {
  'too-long': 'einvoices.buyer.problem.too-long',
  'tax-code': 'einvoices.buyer.problem.tax-code',
  'id-number': 'einvoices.buyer.problem.id-number',
  phone: 'einvoices.buyer.problem.phone',
  'needs-name': 'einvoices.buyer.problem.needs-name',
  empty: 'einvoices.buyer.problem.empty',
  masked: 'einvoices.buyer.problem.masked',
};

const REFUSALS: Readonly<Record<string, ManagerMessageKey>> = {
  accepted: 'einvoices.buyer.refused.accepted',
  sent: 'einvoices.buyer.refused.sent',
  changed: 'einvoices.buyer.refused.changed',
};

function problemText(t: ManagerTranslate, kind: BuyerProblemKind, field?: BuyerField): string {
  return t(PROBLEMS[kind], {
    field: field ? t(FIELD_LABELS[field]) : '',
    max: field ? BUYER_MAX_LENGTH[field] : 0,
  });
}

/** A refusal from the server in the manager's language; its own reason when it has no code. */
export function buyerRefusalText(
  t: ManagerTranslate,
  result: Extract<ApiResult<unknown>, { ok: false }>,
): string {
  if (result.offline) return t('einvoices.needsServer');
  const problem = result.details.problem;
  if (typeof problem === 'string') {
    if (problem in PROBLEMS) {
      const named = result.details.field;
      const field = typeof named === 'string' ? named.replace(/^buyer\./, '') : '';
      const known = (BUYER_FIELDS as readonly string[]).includes(field);
      return problemText(t, problem as BuyerProblemKind, known ? (field as BuyerField) : undefined);
    }
    const refusal = REFUSALS[problem];
    if (refusal) return t(refusal);
  }
  if (result.status === 403) return t('einvoices.buyer.refused.pin');
  return result.reason;
}

export function EInvoiceBuyerForm(props: {
  invoice: EInvoiceView;
  /** Called with what to tell the manager once the server took the details. */
  onSaved: (text: string) => void;
}) {
  const t = useManagerTranslate();
  const staff = useAppStore((state) => state.staff);
  const { invoice } = props;
  const [entry, setEntry] = useState<BuyerEntry>(() => ({ ...invoice.buyer }));
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<FormMessage | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!staff) return;
    const checked = checkBuyerEntry(entry, invoice.buyer);
    if (!checked.ok) {
      const { problem, field } = checked.problem;
      setMessage({ kind: 'error', text: problemText(t, problem, field) });
      return;
    }
    const result = await createServerApi(services().config).call('einvoices/buyer', {
      id: invoice.id,
      buyer: entry,
      staffId: staff.id,
      pin,
    });
    setPin('');
    if (result.ok) {
      const saved = result.value.invoice;
      props.onSaved(
        t('einvoices.buyerSaved', {
          code: saved.code ?? saved.saleId,
          status: t(STATUS_LABELS[saved.status]),
        }),
      );
    } else setMessage({ kind: 'error', text: buyerRefusalText(t, result) });
  }

  return (
    <form onSubmit={(event) => void save(event)} data-testid="einvoice-buyer-form">
      <h3>{t('einvoices.buyerTitle', { code: invoice.code ?? invoice.saleId })}</h3>
      <p className="muted">{t('einvoices.buyerHint')}</p>
      {BUYER_FIELDS.map((field) => (
        <label key={field} className="manager-field">
          {t(FIELD_LABELS[field])}
          <input
            type={field === 'phone' ? 'tel' : 'text'}
            inputMode={INPUT_MODES[field]}
            autoComplete="off"
            maxLength={BUYER_MAX_LENGTH[field]}
            data-testid={`einvoice-buyer-${field}`}
            value={entry[field] ?? ''}
            onChange={(event) => setEntry({ ...entry, [field]: event.target.value })}
          />
        </label>
      ))}
      <ManagerPinFooter
        pin={pin}
        onPinChange={setPin}
        message={message}
        submitLabel={t('einvoices.buyerSubmit')}
        pinTestId="einvoice-buyer-pin"
        submitTestId="einvoice-buyer-submit"
      />
    </form>
  );
}
