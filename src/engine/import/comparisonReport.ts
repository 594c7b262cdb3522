import { ColumnMap, ColumnSpec, matchHeaderRow } from '../headers';
import { ObjectivityCounts } from '../objectivity/counts';
import { parseNumber } from '../parse';
import { IMPORT_TEXT, PROTOCOL_TEXT } from '../strings';
import { Cell, Row, Table, cellText } from '../table';
import { fold, headerKey } from '../text';
import type { DetectedLayout } from './detect';
import { DataRow, dataRows, isAggregateLabel, rowLabel, skip, splitLogin } from './rows';
import { readTitles } from './titles';
import { ParsedPaste, SchoolResult, Skip } from './types';

/**
 * ФИС ОКО «Сравнение отметок с отметками по журналу» (ВПР), by school. Two forms are read:
 * - vertical, as ФИС ОКО shows it: a row per group («Вся выборка», the region, the municipality,
 *   «(sch243325) МБОУ …»), under it the rows «Понизили (Отметка < Отметка по журналу) %»,
 *   «Подтвердили (Отметка = Отметке по журналу) %», «Повысили (Отметка > Отметка по журналу) %»,
 *   «Всего», with «Кол-во участников» and «%»;
 * - wide: a row per school with a column for each of the three.
 */
type Key = 'down' | 'same' | 'up' | 'participants' | 'percent' | 'code' | 'name';
const CATEGORY_WORDS = ['понизил', 'подтверд', 'повысил'];

const COLUMNS: ColumnSpec<Key>[] = [
  { key: 'down', label: 'Понизили', any: [['понизил']] },
  { key: 'same', label: 'Подтвердили', any: [['подтверд']] },
  { key: 'up', label: 'Повысили', any: [['повысил']] },
  { key: 'participants', label: 'Кол-во участников', any: [['кол', 'участ'], ['количество', 'участ'], ['число', 'участ'], ['участников']], none: ['%', ...CATEGORY_WORDS] },
  { key: 'percent', label: '%', any: [['%']], none: ['участ', ...CATEGORY_WORDS] },
  { key: 'code', label: 'Логин', any: [['логин'], ['код оо']] },
  { key: 'name', label: 'Группы участников', any: [['группы участников'], ['наименование оо'], ['образовательная организация'], ['школа'], ['оо'], ['наименование']], none: ['код', 'логин'] },
];

export type ComparisonColumns = ColumnMap<Key> & { form: 'vertical' | 'wide' };

const SCAN_ROWS = 40;
const SCAN_CATEGORY_ROWS = 200;

type Category = 'down' | 'same' | 'up' | 'total';

function categoryOf(label: string): Category | null {
  const t = fold(label);
  if (t.startsWith('понизил')) return 'down';
  if (t.startsWith('подтверд')) return 'same';
  if (t.startsWith('повысил')) return 'up';
  if (t === 'всего' || t === 'итого') return 'total';
  return null;
}

const firstText = (cells: Row): string => cellText(cells.find((v) => cellText(v) !== '' && parseNumber(v) === null) ?? null);

/** The comparison report wherever its table starts, or null. */
export function detectComparison(table: Table): DetectedLayout | null {
  const limit = Math.min(SCAN_ROWS, table.length);
  for (let r = 0; r < limit; r++) {
    const c = matchHeaderRow(table[r], COLUMNS);
    if (c.down !== undefined && c.same !== undefined && c.up !== undefined) return { kind: 'fis-oko-comparison', headerTop: r, headerRow: r, columns: {}, comparison: { ...c, form: 'wide' } };
  }
  const first = table.slice(0, SCAN_CATEGORY_ROWS).findIndex((row) => categoryOf(firstText(row)) === 'down');
  if (first < 0 || !table.slice(first, SCAN_CATEGORY_ROWS).some((row) => categoryOf(firstText(row)) === 'up')) return null;
  for (let r = first - 1; r >= 0; r--) {
    const c = matchHeaderRow(table[r], COLUMNS);
    if (c.participants !== undefined || c.percent !== undefined) return { kind: 'fis-oko-comparison', headerTop: r, headerRow: r, columns: {}, comparison: { ...c, form: 'vertical' } };
  }
  return null;
}

interface Share {
  count: number | null;
  percent: number | null;
}

const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;

function countOf(cell: Cell, header: string): number | null | { error: string } {
  if (cellText(cell) === '') return null;
  const n = parseNumber(cell);
  if (!n || n.percent || !Number.isInteger(n.value) || n.value < 0) return { error: PROTOCOL_TEXT.badCount(header, cellText(cell)) };
  return n.value;
}

function percentOf(cell: Cell, header: string, fractions: boolean): number | null | { error: string } {
  if (cellText(cell) === '') return null;
  const n = parseNumber(cell);
  const value = n ? (fractions && !n.percent ? n.value * 100 : n.value) : NaN;
  if (!n || !(value >= 0 && value <= 100)) return { error: PROTOCOL_TEXT.badShare(header, cellText(cell)) };
  return value;
}

/** Counts from the three shares and the number compared, or the reason they cannot be. */
function comparisonFrom(shares: Record<'down' | 'same' | 'up', Share>, total: number | null): ObjectivityCounts['comparison'] | { error: string } {
  const keys = ['down', 'same', 'up'] as const;
  if (keys.every((k) => shares[k].count !== null)) {
    const [down, same, up] = keys.map((k) => shares[k].count as number);
    if (total !== null && down + same + up !== total) return { error: PROTOCOL_TEXT.comparisonCounts(down + same + up, total) };
    return { down, same, up };
  }
  if (!keys.every((k) => shares[k].percent !== null)) return { error: PROTOCOL_TEXT.comparisonIncomplete };
  const sum = keys.reduce((s, k) => s + (shares[k].percent as number), 0);
  if (Math.abs(sum - 100) > 1.5) return { error: PROTOCOL_TEXT.comparisonPercents(String(Math.round(sum * 100) / 100).replace('.', ',')) };
  if (total === null) return { error: PROTOCOL_TEXT.comparisonNoTotal };
  const [down, same, up] = keys.map((k) => Math.round(((shares[k].percent as number) * total) / 100));
  if (down + same + up !== total) return { error: PROTOCOL_TEXT.comparisonCounts(down + same + up, total) };
  return { down, same, up };
}

interface Group {
  row: number;
  label: string;
  shares: Partial<Record<Category, Share>>;
  problem: string | null;
}

/** The school of a group label, or why it is not one («Вся выборка», a region, a municipality). */
function identify(label: string, anyLogin: boolean): { code: string; name: string } | { aggregate: string } {
  const split = splitLogin(label);
  if (!split.code && (anyLogin || isAggregateLabel(label))) return { aggregate: label };
  return split;
}

function result(row: number, code: string, name: string, comparison: NonNullable<ObjectivityCounts['comparison']>): SchoolResult {
  return { row, code, name, procedureText: '', yearCell: null, participants: null, failed: null, percent: null, mean: null, objectivity: { comparison, three: null, four: null } };
}

function parseVertical(rows: DataRow[], c: ComparisonColumns, skipped: Skip[]): SchoolResult[] {
  const numbers = [c.participants, c.percent].filter((v): v is number => v !== undefined);
  const labelEnd = Math.min(...numbers);
  const groups: Group[] = [];
  const fractions = c.percent !== undefined && rows.every((r) => {
    const v = r.cells[c.percent as number];
    return cellText(v) === '' || (typeof v === 'number' && v <= 1);
  });
  for (const { row, cells } of rows) {
    const label = rowLabel(cells, labelEnd);
    const category = categoryOf(label);
    if (category === null) {
      groups.push({ row, label, shares: {}, problem: null });
      continue;
    }
    const g = groups[groups.length - 1];
    if (!g) {
      skipped.push(skip(row, PROTOCOL_TEXT.comparisonCategoryWithoutGroup));
      continue;
    }
    const count = countOf(c.participants === undefined ? null : cells[c.participants] ?? null, label);
    const percent = percentOf(c.percent === undefined ? null : cells[c.percent] ?? null, label, fractions);
    if (isError(count) || isError(percent)) g.problem ??= (isError(count) ? count : (percent as { error: string })).error;
    else g.shares[category] = { count, percent };
  }
  const anyLogin = groups.some((g) => splitLogin(g.label).code !== '');
  const out: SchoolResult[] = [];
  for (const g of groups) {
    const who = identify(g.label, anyLogin);
    if ('aggregate' in who) {
      skipped.push(skip(g.row, IMPORT_TEXT.aggregateRow(who.aggregate), 'info'));
      continue;
    }
    const shown = who.name || who.code;
    if (g.problem) {
      skipped.push(skip(g.row, g.problem, 'error', shown));
      continue;
    }
    const empty: Share = { count: null, percent: null };
    const comparison = comparisonFrom({ down: g.shares.down ?? empty, same: g.shares.same ?? empty, up: g.shares.up ?? empty }, g.shares.total?.count ?? null);
    if (isError(comparison) || comparison === null) {
      skipped.push(skip(g.row, isError(comparison) ? comparison.error : PROTOCOL_TEXT.comparisonIncomplete, 'error', shown));
      continue;
    }
    out.push(result(g.row, who.code, who.name, comparison));
  }
  return out;
}

function parseWide(table: Table, rows: DataRow[], headerRow: number, c: ComparisonColumns, skipped: Skip[]): SchoolResult[] {
  const header = table[headerRow];
  const cols = { down: c.down as number, same: c.same as number, up: c.up as number };
  const headerText = (i: number) => cellText(header[i]);
  const valuesHavePercent = rows.some((r) => Object.values(cols).some((i) => /%/.test(cellText(r.cells[i]))));
  const counts =
    !valuesHavePercent &&
    !Object.values(cols).some((i) => headerKey(headerText(i)).includes('%')) &&
    c.participants !== undefined &&
    rows.every((r) => {
      const v = Object.values(cols).map((i) => parseNumber(r.cells[i] ?? null));
      const p = parseNumber(r.cells[c.participants as number] ?? null);
      return v.every((x) => x === null) || (v.every((x) => x !== null && Number.isInteger(x.value)) && p !== null && v.reduce((s, x) => s + (x?.value ?? 0), 0) === p.value);
    });
  const fractions = !counts && !valuesHavePercent && rows.every((r) => {
    const v = Object.values(cols).map((i) => parseNumber(r.cells[i] ?? null));
    return v.some((x) => x === null) || v.reduce((s, x) => s + (x?.value ?? 0), 0) <= 1.5;
  });
  const mapped = Object.values(c).filter((v): v is number => typeof v === 'number');
  const labelEnd = Math.min(...mapped.filter((i) => i !== c.name && i !== c.code), Infinity);
  const who = (cells: Row) => {
    const split = splitLogin(c.name !== undefined ? cellText(cells[c.name]) : rowLabel(cells, labelEnd, mapped));
    return { code: (c.code !== undefined ? cellText(cells[c.code]) : '') || split.code, name: split.name, label: split.name || rowLabel(cells, labelEnd, mapped) };
  };
  const anyLogin = rows.some((r) => who(r.cells).code !== '');
  const out: SchoolResult[] = [];
  for (const { row, cells } of rows) {
    const { code, name, label } = who(cells);
    if (!code && (anyLogin || isAggregateLabel(label))) {
      skipped.push(skip(row, IMPORT_TEXT.aggregateRow(label), 'info'));
      continue;
    }
    if (!code && !name) {
      skipped.push(skip(row, IMPORT_TEXT.noSchool));
      continue;
    }
    const shown = name || code;
    const total = c.participants === undefined ? null : countOf(cells[c.participants] ?? null, headerText(c.participants));
    if (isError(total)) {
      skipped.push(skip(row, total.error, 'error', shown));
      continue;
    }
    const shares = {} as Record<'down' | 'same' | 'up', Share>;
    let problem: string | null = null;
    for (const k of ['down', 'same', 'up'] as const) {
      const cell = cells[cols[k]] ?? null;
      const v = counts ? countOf(cell, headerText(cols[k])) : percentOf(cell, headerText(cols[k]), fractions);
      if (isError(v)) problem ??= v.error;
      else shares[k] = counts ? { count: v, percent: null } : { count: null, percent: v };
    }
    const comparison = problem ? { error: problem } : comparisonFrom(shares, total);
    if (isError(comparison) || comparison === null) {
      skipped.push(skip(row, isError(comparison) ? comparison.error : PROTOCOL_TEXT.comparisonIncomplete, 'error', shown));
      continue;
    }
    out.push(result(row, code, name, comparison));
  }
  return out;
}

export function parseComparisonReport(table: Table, d: DetectedLayout): ParsedPaste {
  const c = d.comparison as ComparisonColumns;
  const rows = dataRows(table, d.headerRow);
  const skipped: Skip[] = [];
  const results = c.form === 'vertical' ? parseVertical(rows, c, skipped) : parseWide(table, rows, d.headerRow, c, skipped);
  return { layout: d.kind, titles: readTitles(table.slice(0, d.headerTop), 'ВПР'), perRowProcedure: false, perRowYear: false, results, students: [], skipped };
}
