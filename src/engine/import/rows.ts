import { parseNumber, percentColumnHoldsFractions } from '../parse';
import { IMPORT_TEXT } from '../strings';
import { Cell, Row, Table, cellText, isBlankRow } from '../table';
import { fold } from '../text';
import { ImportColumns, ImportKey } from './columns';
import { Skip } from './types';

export interface DataRow {
  /** 1-based sheet row. */
  row: number;
  cells: Row;
}

/** The non-blank rows below the header (spacer rows are not data and not «skipped»). */
export function dataRows(table: Table, headerRow: number): DataRow[] {
  const out: DataRow[] = [];
  for (let i = headerRow + 1; i < table.length; i++) if (!isBlankRow(table[i])) out.push({ row: i + 1, cells: table[i] });
  return out;
}

export function cellAt(cells: Row, columns: ImportColumns, key: ImportKey): Cell {
  const i = columns[key];
  return i === undefined ? null : cells[i] ?? null;
}

export function textAt(cells: Row, columns: ImportColumns, key: ImportKey): string {
  return cellText(cellAt(cells, columns, key));
}

const LOGIN_FIRST = /^\(\s*([^()\s]*\d[^()\s]*)\s*\)\s*(.*)$/;
const LOGIN_LAST = /^(.*?)\s*\(\s*([A-Za-z][^()\s]*\d[^()\s]*)\s*\)$/;

/** «(sch243325) МБОУ "СОШ № 2"» (or the login at the end) → the login and the name. */
export function splitLogin(text: string): { code: string; name: string } {
  const t = text.trim();
  const first = t.match(LOGIN_FIRST);
  if (first) return { code: first[1], name: first[2].trim() };
  const last = t.match(LOGIN_LAST);
  if (last) return { code: last[2], name: last[1].trim() };
  return { code: '', name: t };
}

const TOTAL = /^(итог|всего|вся выборка|в среднем|среднее|по району|по муниципалитету|по региону|по области|по краю|по городу|по округу)/;
const TERRITORY = /(област|(^|\s)обл\.?(\s|$)|край|республик|район|округ|муниципал|(^|\s)россия|(^|\s)рф(\s|$)|^г\.\s*\S+$|^город\s)/;
const SCHOOL_WORDS = /(школ|сош|оош|нош|(^|\s)сш|гимнази|лицей|интернат|кадетск|центр образования|учреждени|организаци|(^|\s|["«])[мгч]?[бак]?оу(\s|["»]|$)|мбоу|маоу|мкоу|гбоу|моу)/;

/** «Вся выборка», «Итого», a region or a municipality: a row that sums up schools. */
export function isAggregateLabel(text: string): boolean {
  const t = fold(text).replace(/[«»"]/g, ' ').trim();
  if (t === '') return false;
  return TOTAL.test(t) || /(^|\s)итого/.test(t) || (TERRITORY.test(t) && !SCHOOL_WORDS.test(t));
}

/** The first text cell left of `before` that is not a number: the label of a report row. */
export function rowLabel(cells: Row, before: number, skip: number[] = []): string {
  for (let c = 0; c < Math.min(before, cells.length); c++) {
    if (skip.includes(c)) continue;
    const t = cellText(cells[c]);
    if (t !== '' && parseNumber(cells[c]) === null) return t;
  }
  return '';
}

/** Blank → null; a whole number ≥ 0 → it; anything else → the reason it is not. */
export function readParticipants(cell: Cell): number | null | { error: string } {
  if (cellText(cell) === '') return null;
  const n = parseNumber(cell);
  if (!n || n.percent || !Number.isInteger(n.value) || n.value < 0) return { error: IMPORT_TEXT.badParticipants(cellText(cell)) };
  return n.value;
}

/** A percentage 0..100 (a fraction when the column holds fractions); blank → null. */
export function readPercent(cell: Cell, fractions: boolean): number | null | { error: string } {
  if (cellText(cell) === '') return null;
  const n = parseNumber(cell);
  if (!n) return { error: IMPORT_TEXT.badPercent(cellText(cell)) };
  const value = roundPercent(fractions && !n.percent ? n.value * 100 : n.value);
  if (value < 0 || value > 100) return { error: IMPORT_TEXT.badPercent(cellText(cell)) };
  return value;
}

/** 0.1071 × 100 = 10.709999999999999: back to the digits that were written. */
export function roundPercent(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

/** Percent-formatted cells arrive as fractions (0,35 for 35 %). */
export function columnHoldsFractions(rows: DataRow[], column: number | undefined): boolean {
  return column !== undefined && percentColumnHoldsFractions(rows.map((r) => r.cells[column] ?? null));
}

export function isError<T>(v: T | { error: string }): v is { error: string } {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function skip(row: number, reason: string, level: Skip['level'] = 'error', school?: string): Skip {
  return school ? { row, reason, level, school } : { row, reason, level };
}

/** The paste names the procedure per row (a «Процедура», «Предмет» or «Класс» column). */
export function hasRowProcedure(c: ImportColumns): boolean {
  return c.procedure !== undefined || c.subject !== undefined || c.grade !== undefined;
}

/** «ВПР» + «Математика» + «5» → «ВПР Математика 5 класс» (completed with the titles' kind later). */
export function rowProcedureWords(cells: Row, c: ImportColumns): string {
  const grade = textAt(cells, c, 'grade');
  return [textAt(cells, c, 'procedure'), textAt(cells, c, 'subject'), /^\d{1,2}$/.test(grade) ? `${grade} класс` : grade].filter(Boolean).join(' ');
}
