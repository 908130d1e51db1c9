/**
 * Receipt text is measured in code points after NFC: a printer in a Vietnamese code page, and the
 * raster renderer's monospace font, give every precomposed letter ("ễ") one cell. Splitting a
 * JavaScript string by UTF-16 units would cut astral characters in half and count "ễ" typed as
 * e + two combining marks as three cells.
 */
export function cells(text: string): string[] {
  return Array.from(text.normalize('NFC'));
}

export function cellCount(text: string): number {
  return cells(text).length;
}

/** Cuts to at most `width` cells, never inside a code point, without a dangling space. */
export function truncateCells(text: string, width: number): string {
  const all = cells(text);
  if (all.length <= width) return all.join('');
  return all.slice(0, Math.max(0, width)).join('').trimEnd();
}

export function padCells(text: string, width: number, align: 'left' | 'center' | 'right'): string {
  const fitted = truncateCells(text, width);
  const gap = width - cellCount(fitted);
  if (gap <= 0) return fitted;
  switch (align) {
    case 'left':
      return fitted + ' '.repeat(gap);
    case 'right':
      return ' '.repeat(gap) + fitted;
    case 'center': {
      const left = Math.floor(gap / 2);
      return ' '.repeat(left) + fitted + ' '.repeat(gap - left);
    }
  }
}

/**
 * Word-wraps to lines of at most `width` cells. A word longer than a line is split hard, since
 * a receipt cannot scroll sideways.
 */
export function wrapCells(text: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  for (const paragraph of text.normalize('NFC').split('\n')) {
    let line: string[] = [];
    for (const word of paragraph.split(/ +/).filter((w) => w.length > 0)) {
      let rest = cells(word);
      const needed = line.length === 0 ? rest.length : line.length + 1 + rest.length;
      if (needed <= width) {
        line = line.length === 0 ? rest : [...line, ' ', ...rest];
        continue;
      }
      if (line.length > 0) lines.push(line.join(''));
      line = [];
      while (rest.length > width) {
        lines.push(rest.slice(0, width).join(''));
        rest = rest.slice(width);
      }
      line = rest;
    }
    lines.push(line.join(''));
  }
  return lines;
}

/** Amounts, quantities and percentages: right-aligned by default and never truncated. */
export function looksNumeric(text: string): boolean {
  return /^[-+(]?\p{Sc}?\s?\d[\d.,' ]*\)?\s?(\p{Sc}|%|x)?$/u.test(text.trim());
}
