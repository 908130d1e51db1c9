/**
 * The scan-or-search field, reachable from shortcuts and dialogs that hand the focus back after
 * they close: a callback ref keeps the element, and focusScanInput puts the cursor there.
 */
let scanInput: HTMLInputElement | null = null;

export function scanInputRef(element: HTMLInputElement | null): void {
  scanInput = element;
}

export function currentScanInput(): HTMLInputElement | null {
  return scanInput;
}

export function focusScanInput(select = false): void {
  scanInput?.focus();
  if (select) scanInput?.select();
}
