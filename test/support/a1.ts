/** A1 notation for the in-memory spreadsheet. Rows and columns are 1-based, as in Apps Script. */

export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const char of letters.toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return column;
}

export function toA1(rect: GridRect): string {
  const start = `${columnLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

const CELL = /^\$?([A-Z]+)\$?(\d+)$/i;
const COLUMN = /^\$?([A-Z]+)$/i;
const ROW = /^\$?(\d+)$/;

/**
 * Parses "B2", "A1:C3", "A:C" (whole columns), "2:5" (whole rows), with optional `$` and an optional
 * sheet prefix ("'Лист 1'!A1:B2"). Returns null when the text is not a range.
 */
export function parseA1(a1Notation: string, maxRows: number, maxColumns: number): GridRect | null {
  const text = a1Notation.trim().replace(/^(?:'(?:[^']|'')+'|[^!']+)!/, '');
  const [first, second = first, extra] = text.split(':');
  if (extra !== undefined || first === '') return null;

  const startCell = CELL.exec(first);
  const endCell = CELL.exec(second);
  if (startCell && endCell) {
    return normalise(
      Number(startCell[2]),
      columnNumber(startCell[1]),
      Number(endCell[2]),
      columnNumber(endCell[1]),
    );
  }
  const startColumn = COLUMN.exec(first);
  const endColumn = COLUMN.exec(second);
  if (startColumn && endColumn && text.includes(':')) {
    return normalise(1, columnNumber(startColumn[1]), maxRows, columnNumber(endColumn[1]));
  }
  const startRow = ROW.exec(first);
  const endRow = ROW.exec(second);
  if (startRow && endRow && text.includes(':')) {
    return normalise(Number(startRow[1]), 1, Number(endRow[1]), maxColumns);
  }
  return null;
}

function normalise(row1: number, column1: number, row2: number, column2: number): GridRect {
  const row = Math.min(row1, row2);
  const column = Math.min(column1, column2);
  return { row, column, numRows: Math.abs(row2 - row1) + 1, numColumns: Math.abs(column2 - column1) + 1 };
}

export function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

export function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}
