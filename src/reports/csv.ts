/**
 * CSV text for report exports (RFC 4180): fields with a comma, a quote or a line break are
 * quoted, quotes doubled, lines end in CRLF. Cells that start like a formula (=, +, -, @) are
 * prefixed with a quote so a spreadsheet shows them instead of running them; numbers pass as
 * they are, so negative amounts stay numbers.
 */
export type CsvCell = string | number;

function cellText(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  const guarded = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cellText).join(',')).join('\r\n') + '\r\n';
}
