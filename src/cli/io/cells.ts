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
  let width = 0;
  for (let r = 0; r < height; r++) width = Math.max(width, lastCol(rows[r]) + 1);
  const out: Cell[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const source = rows[r];
    const row: Cell[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = source?.[c] ?? null;
    out[r] = row;
  }
  return out;
}
