import { findHeader } from '../headers';
import { OBJECTIVITY_HEADERS, OBJECTIVITY_KEYS, matchObjectivityHeader, objectivityCells } from '../objectivity/counts';
import { percentColumnHoldsFractions } from '../parse';
import { RESULTS_COLUMNS } from '../shnor/results';
import { HEADERS, IMPORT_TEXT } from '../strings';
import { Cell, SheetData, isBlankRow } from '../table';
import { Written } from './candidate';

const RESULT_KEYS = ['year', 'code', 'name', 'procedure', 'participants', 'failed', 'failedPct', 'mean', 'category', 'stage'] as const;
/** The canonical columns: HEADERS.results in order. */
export const CANONICAL_LENGTH = RESULT_KEYS.length + OBJECTIVITY_KEYS.length;
const isObjectivity = (i: number): boolean => i >= RESULT_KEYS.length;

/** Where new rows go: under the last row of the results sheet, in its own column order. */
export interface Target {
  /** Sheet column of each canonical column (HEADERS.results order). */
  columns: (number | undefined)[];
  width: number;
  startRow: number;
  writeHeader: boolean;
  /** The sheet's «% не справившихся» holds fractions (0,35): new rows follow it. */
  fractions: boolean;
  blocked: string | null;
  /** 1-based header row of the existing sheet. */
  headerRow: number;
}

/** New column headers in the header row, right of the sheet's last column. */
export interface HeaderCells {
  row: number;
  column: number;
  values: string[];
}

export function targetOf(results: SheetData | null, name: string): Target {
  const all = Array.from({ length: CANONICAL_LENGTH }, (_, i) => i);
  const fresh: Target = { columns: all, width: CANONICAL_LENGTH, startRow: 1, writeHeader: true, fractions: false, blocked: null, headerRow: 1 };
  if (!results || results.rows.every(isBlankRow)) return fresh;
  const header = findHeader(results.rows, RESULTS_COLUMNS);
  const col = header.columns;
  const missing = header.missing.map((m) => m.label);
  if (col.code === undefined && col.name === undefined) missing.push('Код ОО / Наименование ОО');
  const width = results.rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (missing.length > 0) return { ...fresh, writeHeader: false, blocked: IMPORT_TEXT.targetBlocked(name, missing.map((m) => `«${m}»`).join(', ')) };
  const objectivity = matchObjectivityHeader(results.rows[header.headerRow] ?? []);
  const pct = col.failedPct;
  return {
    columns: [...RESULT_KEYS.map((k) => col[k]), ...OBJECTIVITY_KEYS.map((k) => objectivity[k])],
    width,
    startRow: results.rows.length + 1,
    writeHeader: false,
    fractions: pct !== undefined && percentColumnHoldsFractions(results.rows.slice(header.headerRow + 1).map((r) => r[pct] ?? null)),
    blocked: null,
    headerRow: header.headerRow + 1,
  };
}

/**
 * When rows carry objectivity counts and the sheet lacks some of those columns, they are added right
 * of its last column (the header cells there are blank: nothing of the user's is changed). Returns
 * the target with those columns and the header cells to write, or the target as it is.
 */
export function extendForObjectivity(target: Target, written: Written[]): { target: Target; header: HeaderCells | null } {
  if (target.writeHeader || target.blocked || !written.some((w) => w.objectivity)) return { target, header: null };
  const missing = target.columns.map((c, i) => (isObjectivity(i) && c === undefined ? i : -1)).filter((i) => i >= 0);
  if (missing.length === 0) return { target, header: null };
  const columns = target.columns.slice();
  missing.forEach((i, n) => (columns[i] = target.width + n));
  return {
    target: { ...target, columns, width: target.width + missing.length },
    header: { row: target.headerRow, column: target.width + 1, values: missing.map((i) => OBJECTIVITY_HEADERS[i - RESULT_KEYS.length]) },
  };
}

/**
 * The percentage as text with «%» («10,71 %»): the results reader then never mistakes a column of
 * small percentages for fractions. A column already holding fractions gets a fraction.
 */
function percentCell(percent: number, fractions: boolean): Cell {
  if (fractions) return Math.round(percent * 1e8) / 1e10;
  return `${String(percent).replace('.', ',')} %`;
}

/** A row in HEADERS.results order: the result part when it is written, the objectivity groups that are. */
export function canonicalRow(w: Written, fractions: boolean): Cell[] {
  const c = w.candidate;
  const percent = c.failed === null && c.percent !== null ? percentCell(c.percent, fractions) : '';
  const result = w.result ? [c.participants ?? '', c.failed ?? '', percent, c.mean ?? ''] : ['', '', '', ''];
  return [c.year, c.school.code, c.school.name, c.procedure.name, ...result, '', '', ...objectivityCells(w.objectivity)];
}

/** A canonical row in the sheet's columns, or the header of a column it needs and the sheet lacks. */
export function layOut(row: Cell[], target: Target): Cell[] | string {
  const out: Cell[] = Array.from({ length: target.width }, () => '');
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '') continue;
    const col = target.columns[i];
    if (col !== undefined) out[col] = row[i];
    else if (RESULT_KEYS[i] === 'code' || RESULT_KEYS[i] === 'name' || RESULT_KEYS[i] === 'mean') continue; // the other school column identifies it; the mean is optional
    else return HEADERS.results[i];
  }
  return out;
}
