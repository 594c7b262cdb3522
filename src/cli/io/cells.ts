import { Cell } from '../../engine/table';

export function isEmptyCell(value: Cell | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** Drops trailing empty rows and columns and pads every row (and hole) to the same width with null. */
export function trimAndPad(rows: (Cell | undefined)[][]): Cell[][] {
  const lastCol = (row: (Cell | undefined)[] | undefined): number => {
    if (!row) return -1;
    for (let c = row.length - 1; c >= 0; c--) if (!isEmptyCell(row[c])) return c;
    return -1;
  };
  let height = rows.length;
  while (height > 0 && lastCol(rows[height - 1]) < 0) height--;
  const width = rows.slice(0, height).reduce((w, row) => Math.max(w, lastCol(row) + 1), 0);
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? null));
}
