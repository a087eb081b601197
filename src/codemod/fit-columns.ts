/**
 * Column widths that fit a terminal: the widest shrinkable column gives up a character until the
 * row fits (or every shrinkable column is down to its minimum), so short columns stay whole.
 */

export interface ColumnSpec {
  /** Widest cell, header included. */
  natural: number;
  /** Narrowest width this column may be cut to; its natural width when it must stay whole. */
  min: number;
}

export function fitWidths(columns: readonly ColumnSpec[], total: number, gap: number): number[] {
  const widths = columns.map((c) => c.natural);
  let excess = widths.reduce((sum, w) => sum + w, 0) + gap * (columns.length - 1) - total;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++)
      if (widths[i] > columns[i].min && (widest === -1 || widths[i] > widths[widest])) widest = i;
    if (widest === -1) break;
    widths[widest] -= 1;
    excess -= 1;
  }
  return widths;
}

/** Cuts text to `width` characters with an ellipsis: at the end, or at the start for paths (the file name matters). */
export function clip(text: string, width: number, from: 'end' | 'start' = 'end'): string {
  if (text.length <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  return from === 'end' ? `${text.slice(0, width - 1)}…` : `…${text.slice(text.length - width + 1)}`;
}
