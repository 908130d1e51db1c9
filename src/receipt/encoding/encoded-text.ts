/**
 * What a Vietnamese code-page encoder hands a printer driver: byte runs, each tagged with the
 * printer code table it must be printed in (TCVN-3 needs a second table for capitals), plus the
 * characters it could not map, so the driver can report them instead of printing silently wrong.
 */
export type VietnameseCodepage = 'cp1258' | 'tcvn3';
export const VIETNAMESE_CODEPAGES: readonly VietnameseCodepage[] = ['cp1258', 'tcvn3'];

/** A printer character table: Windows-1258, or TCVN-3 small letters / capitals. */
export type CodeTable = 'cp1258' | 'tcvn3' | 'tcvn3-capitals';

export interface EncodedRun {
  table: CodeTable;
  bytes: Uint8Array;
}

export interface EncodedText {
  runs: EncodedRun[];
  /** Each character that became '?', once per occurrence, in order. */
  unmapped: string[];
}

export const REPLACEMENT_BYTE = 0x3f; // '?'

/** Control characters in receipt text would be read as printer commands: never pass them on. */
export function isPrintableAscii(codePoint: number): boolean {
  return codePoint >= 0x20 && codePoint < 0x7f;
}

export function isVietnameseCodepage(value: unknown): value is VietnameseCodepage {
  return value === 'cp1258' || value === 'tcvn3';
}

/** Collects bytes into runs, starting a new run only when the code table changes. */
export class RunBuilder {
  private readonly runs: { table: CodeTable; bytes: number[] }[] = [];
  readonly unmapped: string[] = [];

  push(table: CodeTable | null, byte: number): void {
    const last = this.runs[this.runs.length - 1];
    if (last && (table === null || last.table === table)) {
      last.bytes.push(byte);
      return;
    }
    this.runs.push({ table: table ?? 'tcvn3', bytes: [byte] });
  }

  /** ASCII prints the same in every table: keep it in the current run. */
  pushAscii(byte: number, fallback: CodeTable): void {
    if (this.runs.length === 0) this.push(fallback, byte);
    else this.push(null, byte);
  }

  replace(character: string, fallback: CodeTable): void {
    this.unmapped.push(character);
    this.pushAscii(REPLACEMENT_BYTE, fallback);
  }

  build(): EncodedText {
    return {
      runs: this.runs.map((run) => ({ table: run.table, bytes: Uint8Array.from(run.bytes) })),
      unmapped: this.unmapped,
    };
  }
}
