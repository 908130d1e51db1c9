/** One entry point for drivers: encode receipt text for the code page a printer is set to. */
import { decodeCp1258, encodeCp1258 } from './cp1258-encoding';
import type { CodeTable, EncodedRun, EncodedText, VietnameseCodepage } from './encoded-text';
import { decodeTcvn3, encodeTcvn3 } from './tcvn3-encoding';

export function encodeVietnamese(text: string, codepage: VietnameseCodepage): EncodedText {
  switch (codepage) {
    case 'cp1258':
      return encodeCp1258(text);
    case 'tcvn3':
      return encodeTcvn3(text);
  }
}

export function decodeTable(bytes: Iterable<number>, table: CodeTable): string {
  return table === 'cp1258' ? decodeCp1258(bytes) : decodeTcvn3(bytes, table);
}

export function decodeRuns(runs: readonly EncodedRun[]): string {
  return runs.map((run) => decodeTable(run.bytes, run.table)).join('');
}
