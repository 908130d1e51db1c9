/**
 * "Gửi hóa đơn điện tử / Send e-receipt" on the sale just completed: Zalo, SMS or e-mail,
 * prefilled from the customer (what they agreed to last time, else their phone or e-mail),
 * then the delivery status as the server reports it. The texts are this form's own table, so
 * the cashier message files stay with their owners.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { CustomerDoc, SaleDoc } from '../../../src/documents';
import { eReceiptAddress } from '../../../src/notifications';
import type { EReceiptChannel, EReceiptPreference } from '../../../src/notifications';
import { tableTranslator } from '../../i18n/table-translator';
import { createServerApi } from '../../platform/server-api';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { resumeEReceiptOutbox, sendEReceipt, useEReceiptStore } from '../e-receipt-send';
import type { EReceiptState } from '../e-receipt-send';

const VI = {
  open: 'Gửi hóa đơn điện tử',
  zalo: 'Zalo',
  sms: 'SMS',
  email: 'E-mail',
  phone: 'Số điện thoại',
  address: 'Địa chỉ e-mail',
  remember: 'Khách đồng ý nhận hóa đơn qua kênh này lần sau',
  send: 'Gửi',
  cancel: 'Đóng',
  sending: 'Đang gửi yêu cầu…',
  waiting:
    'Chưa kết nối được máy chủ: yêu cầu được giữ trên máy này và tự gửi khi có kết nối. Không cần làm gì thêm.',
  queued: 'Đã xếp hàng gửi tới {to}…',
  sent: 'Đã gửi hóa đơn tới {to}.',
  failed: 'Không gửi được tới {to} ({reason}). Kiểm tra địa chỉ rồi gửi lại, hoặc in hóa đơn.',
  retrying: 'Đang thử lại (lần {attempts}/{max})…',
  refused: 'Không gửi được: {reason}',
  notConfigured: 'Máy chủ chưa được cài đặt để gửi qua kênh này. Chọn kênh khác hoặc in hóa đơn.',
  badPhone: 'Số điện thoại không đúng. Nhập như 0901 234 567 hoặc +84901234567.',
  badEmail: 'Địa chỉ e-mail không đúng. Kiểm tra lại, ví dụ ten@vi-du.vn.',
} as const;

const EN: Record<keyof typeof VI, string> = {
  open: 'Send e-receipt',
  zalo: 'Zalo',
  sms: 'SMS',
  email: 'E-mail',
  phone: 'Phone number',
  address: 'E-mail address',
  remember: 'The customer agrees to receive receipts this way next time',
  send: 'Send',
  cancel: 'Close',
  sending: 'Sending the request…',
  waiting:
    'The server cannot be reached: the request is kept on this register and sent when the connection is back. Nothing else to do.',
  queued: 'Queued for {to}…',
  sent: 'Receipt sent to {to}.',
  failed: 'Could not send to {to} ({reason}). Check the address and send again, or print it.',
  retrying: 'Trying again (attempt {attempts}/{max})…',
  refused: 'Not sent: {reason}',
  notConfigured:
    'The server is not set up to send this way. Choose another way, or print the receipt.',
  badPhone: 'That is not a phone number. Type it as 0901 234 567 or +84901234567.',
  badEmail: 'That is not an e-mail address. Check it, e.g. name@example.com.',
};

/** Its own row under the print buttons (inline: renderer/styles.css stays with its owners). */
const ROW = {
  flexBasis: '100%',
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: '8px 12px',
} as const;

type Translate = ReturnType<typeof tableTranslator<keyof typeof VI>>;

function statusText(state: EReceiptState, t: Translate): { text: string; error: boolean } {
  switch (state.phase) {
    case 'sending':
      return { text: t('sending'), error: false };
    case 'waiting':
      return { text: t('waiting'), error: false };
    case 'refused':
      return {
        text:
          state.code === 'not-configured'
            ? t('notConfigured')
            : t('refused', { reason: state.reason }),
        error: true,
      };
    case 'tracking': {
      const { message } = state;
      const values = { to: message.to, attempts: message.attempts, max: message.maxAttempts };
      if (message.status === 'sent') return { text: t('sent', values), error: false };
      if (message.status === 'failed') {
        return { text: t('failed', { ...values, reason: message.lastError ?? '' }), error: true };
      }
      return {
        text:
          message.attempts > 0 && message.lastError ? t('retrying', values) : t('queued', values),
        error: false,
      };
    }
  }
}

/** The address the form starts with: the customer's remembered choice, else what fits the channel. */
function prefill(
  channel: EReceiptChannel,
  customer: CustomerDoc | null,
  preference: EReceiptPreference | null,
): string {
  if (preference?.channel === channel) return preference.to;
  if (channel === 'email') return customer?.email ?? '';
  return customer?.phone ?? '';
}

export function EReceiptForm(props: { sale: SaleDoc; customer: CustomerDoc | null }) {
  const locale = useAppStore((state) => state.locale);
  const t = tableTranslator(locale === 'vi-VN' ? VI : EN);
  const state = useEReceiptStore((store) => store.sends[props.sale.id]);
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<EReceiptChannel>('zalo');
  const [preference, setPreference] = useState<EReceiptPreference | null>(null);
  const [to, setTo] = useState(() => prefill('zalo', props.customer, null));
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // A send left waiting before a restart goes on by itself.
  useEffect(() => resumeEReceiptOutbox(), []);

  useEffect(() => {
    const customerId = props.customer?.id;
    if (!open || !customerId) return;
    let current = true;
    void createServerApi(services().config)
      .call('receipts/preference', { customerId })
      .then((reply) => {
        if (!current || !reply.ok || !reply.value.preference) return;
        const remembered = reply.value.preference;
        setPreference(remembered);
        setChannel(remembered.channel);
        setTo(remembered.to);
      });
    return () => {
      current = false;
    };
  }, [open, props.customer?.id]);

  function choose(next: EReceiptChannel): void {
    setChannel(next);
    setTo(prefill(next, props.customer, preference));
    setProblem(null);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const address = eReceiptAddress(channel, to);
    if (!address.ok) {
      setProblem(channel === 'email' ? t('badEmail') : t('badPhone'));
      return;
    }
    setProblem(null);
    void sendEReceipt({
      saleId: props.sale.id,
      channel,
      to: address.to,
      ...(remember && props.customer ? { remember: true } : {}),
    });
  }

  const status = state ? statusText(state, t) : null;
  return (
    <div className="e-receipt" data-testid="e-receipt" style={ROW}>
      {!open && (
        <button
          type="button"
          className="button-secondary"
          data-testid="e-receipt-open"
          onClick={() => setOpen(true)}
        >
          {t('open')}
        </button>
      )}
      {open && (
        <form onSubmit={submit} data-testid="e-receipt-form" style={ROW}>
          <div role="radiogroup" aria-label={t('open')} style={{ display: 'flex', gap: 4 }}>
            {(['zalo', 'sms', 'email'] as const).map((candidate) => (
              <button
                key={candidate}
                type="button"
                role="radio"
                aria-checked={channel === candidate}
                data-testid={`e-receipt-${candidate}`}
                className={channel === candidate ? 'button-primary' : 'button-secondary'}
                onClick={() => choose(candidate)}
              >
                {t(candidate)}
              </button>
            ))}
          </div>
          <label style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {channel === 'email' ? t('address') : t('phone')}
            <input
              data-testid="e-receipt-to"
              type={channel === 'email' ? 'email' : 'tel'}
              style={{ width: '14rem' }}
              value={to}
              onChange={(event) => setTo(event.target.value)}
            />
          </label>
          {props.customer && (
            <label>
              <input
                type="checkbox"
                data-testid="e-receipt-remember"
                checked={remember}
                onChange={(event) => setRemember(event.target.checked)}
              />
              {t('remember')}
            </label>
          )}
          {problem && <span className="error">{problem}</span>}
          <button type="submit" className="button-primary" data-testid="e-receipt-send">
            {t('send')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
        </form>
      )}
      {status && (
        <span
          data-testid="e-receipt-status"
          data-phase={state?.phase === 'tracking' ? state.message.status : state?.phase}
          className={status.error ? 'error' : 'muted'}
        >
          {status.text}
        </span>
      )}
    </div>
  );
}
