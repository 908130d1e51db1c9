/**
 * The raw text a scanner sends, made safe to read: keyboard-wedge scanners add CR/LF or a tab,
 * serial ones may pad with spaces. GS (ASCII 29) is kept: it is FNC1 in GS1 data. Any other
 * control character means a garbled transmission, and guessing around it could sell the wrong
 * item, so the scan is refused.
 */
import { splitAimIdentifier } from './aim-symbology';
import type { AimSymbology } from './aim-symbology';

export type ScanInput =
  | { ok: true; text: string; aim: AimSymbology | null; data: string }
  | { ok: false; reason: 'empty' | 'control-character'; text: string; message: string };

const GROUP_SEPARATOR = 0x1d;

/** C0 controls except GS, DEL, and C1 controls. */
function isForbiddenControl(code: number): boolean {
  return (code < 0x20 && code !== GROUP_SEPARATOR) || (code >= 0x7f && code <= 0x9f);
}

function withoutSeparators(text: string): string {
  return text.replaceAll(String.fromCharCode(GROUP_SEPARATOR), '');
}

export function readScanInput(raw: string): ScanInput {
  // trim() takes CR, LF, tab and spaces but never a GS, which may end the last field.
  const text = raw.trim();
  if (withoutSeparators(text) === '') {
    return { ok: false, reason: 'empty', text, message: 'The scan is empty' };
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isForbiddenControl(code)) {
      const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      return {
        ok: false,
        reason: 'control-character',
        text,
        message: `The scan holds control character ${name} at position ${index + 1}`,
      };
    }
  }
  const { aim, data } = splitAimIdentifier(text);
  if (withoutSeparators(data) === '') {
    return {
      ok: false,
      reason: 'empty',
      text,
      message: `The scan holds only ${aim?.identifier ?? ''}`,
    };
  }
  return { ok: true, text, aim, data };
}
