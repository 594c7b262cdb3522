/** A cell value as both Apps Script (`getValues`) and ExcelJS hand it over. */
export type Cell = string | number | boolean | Date | null;
export type Row = Cell[];
/** A sheet's values, first row first, exactly as read. */
export type Table = Row[];

export interface SheetData {
  name: string;
  rows: Table;
}

/** Returns the trimmed text of a cell ('' for empty). */
export function cellText(value: Cell | undefined): string {
  if (typeof value === 'string') return value.trim();
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

export function isBlank(value: Cell | undefined): boolean {
  return cellText(value) === '';
}

export function isBlankRow(row: Row | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined || v === '') continue;
    // Numbers, booleans and dates are never blank; only text can be whitespace.
    if (typeof v !== 'string' || v.trim() !== '') return false;
  }
  return true;
}

/** Pads every row to the same width so a sheet can be written with one call. */
export function rectangular(rows: Cell[][], width?: number): Cell[][] {
  const w = width ?? rows.reduce((m, r) => Math.max(m, r.length), 0);
  return rows.map((r) => {
    const copy = r.slice(0, w);
    while (copy.length < w) copy.push('');
    return copy;
  });
}
