/**
 * The frame every cashier dialog shares: a modal backdrop, a titled box (a form when the dialog
 * submits, so Enter confirms), and the row of buttons at its foot.
 */
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslate } from '../i18n/use-translate';

export function Dialog(props: {
  title: ReactNode;
  testId?: string;
  wide?: boolean;
  /** Makes the box a form; called on Enter or the submit button. */
  onSubmit?: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  const className = props.wide ? 'dialog dialog-wide' : 'dialog';
  const content = (
    <>
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </>
  );
  const { onSubmit } = props;
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-labelledby={titleId}>
      {onSubmit ? (
        <form
          className={className}
          data-testid={props.testId}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {content}
        </form>
      ) : (
        <div className={className} data-testid={props.testId}>
          {content}
        </div>
      )}
    </div>
  );
}

/**
 * Cancel and a submit button (the dialog must be a form). `cancelLabel` replaces "Cancel" where
 * the action's own name would read alike (Hủy beside Hủy đơn).
 */
export function ConfirmActions(props: {
  onCancel: () => void;
  cancelLabel?: string;
  confirmLabel: string;
  confirmTestId?: string;
  disabled?: boolean;
}) {
  const t = useTranslate();
  return (
    <div className="dialog-actions">
      <button type="button" className="button-secondary" onClick={props.onCancel}>
        {props.cancelLabel ?? t('common.cancel')}
      </button>
      <button
        type="submit"
        className="button-primary"
        disabled={props.disabled}
        data-testid={props.confirmTestId}
      >
        {props.confirmLabel}
      </button>
    </div>
  );
}

/** A single close button, for dialogs that only show something. */
export function CloseActions(props: { onClose: () => void }) {
  const t = useTranslate();
  return (
    <div className="dialog-actions">
      <button type="button" className="button-secondary" onClick={props.onClose}>
        {t('customer.close')}
      </button>
    </div>
  );
}

/** One line of text asked for (a note, a reason), then confirmed. */
export function TextPromptDialog(props: {
  title: string;
  label: string;
  confirmLabel: string;
  cancelLabel?: string;
  testId: string;
  inputTestId: string;
  confirmTestId: string;
  required?: boolean;
  onCancel: () => void;
  onConfirm: (text: string) => void;
}) {
  const [text, setText] = useState('');
  const missing = props.required === true && !text.trim();
  return (
    <Dialog
      title={props.title}
      testId={props.testId}
      onSubmit={() => {
        if (!missing) props.onConfirm(text.trim());
      }}
    >
      <input
        autoFocus
        aria-label={props.label}
        placeholder={props.label}
        data-testid={props.inputTestId}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <ConfirmActions
        onCancel={props.onCancel}
        {...(props.cancelLabel ? { cancelLabel: props.cancelLabel } : {})}
        confirmLabel={props.confirmLabel}
        confirmTestId={props.confirmTestId}
        disabled={missing}
      />
    </Dialog>
  );
}
