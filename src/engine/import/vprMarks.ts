import { parseNumber } from '../parse';
import { IMPORT_TEXT } from '../strings';
import { Row, Table, cellText } from '../table';
import { DetectedLayout } from './detect';
import { DataRow, cellAt, hasRowProcedure, dataRows, isAggregateLabel, isError, readParticipants, readPercent, rowLabel, skip, splitLogin, textAt } from './rows';
import { readTitles } from './titles';
import { ParsedPaste, SchoolResult, Skip } from './types';

export interface MarkRowsOptions {
  /** Per-row procedure words, or '' when the paste says its procedure only in the titles. */
  procedureOf(cells: Row): string;
  /**
   * ФИС ОКО lists every school with its login: when some rows carry one, a row without it is a
   * region, a municipality or a total.
   */
  rowsWithoutLoginAreTotals: boolean;
}

/**
 * The four mark percentages of a row add up to 100; when every row adds up to about 1, the
 * paste holds fractions (percent-formatted cells).
 */
function marksAreFractions(rows: DataRow[], marks: number[]): boolean {
  let seen = false;
  for (const r of rows) {
    const values = marks.map((c) => parseNumber(r.cells[c] ?? null));
    if (values.some((v) => v === null)) continue;
    if (values.some((v) => v?.percent)) return false;
    const sum = values.reduce((s, v) => s + (v?.value ?? 0), 0);
    if (sum > 1.5) return false;
    if (sum > 0) seen = true;
  }
  return seen;
}

/** ВПР mark distributions (ФИС ОКО «Статистика по отметкам» and flat exports): failed share = the «2» percentage. */
export function readMarkRows(table: Table, d: DetectedLayout, options: MarkRowsOptions): ParsedPaste {
  const c = d.columns;
  const marks = c.marks as number[];
  const rows = dataRows(table, d.headerRow);
  const fractions = marksAreFractions(rows, marks);
  const labelEnd = Math.min(c.participants ?? Infinity, ...marks);
  const mapped = Object.values(c).filter((v): v is number => typeof v === 'number');
  const identify = (cells: Row) => {
    const split = splitLogin(c.name !== undefined ? textAt(cells, c, 'name') : rowLabel(cells, labelEnd, mapped));
    const code = textAt(cells, c, 'code') || split.code;
    // A total may stand in a column the header does not name («Итого по муниципалитету» under «Муниципалитет»).
    return { label: split.name || rowLabel(cells, labelEnd, mapped), code, name: split.name };
  };
  const anyLogin = options.rowsWithoutLoginAreTotals && rows.some((r) => identify(r.cells).code !== '');
  const results: SchoolResult[] = [];
  const skipped: Skip[] = [];
  for (const { row, cells } of rows) {
    const { label, code, name } = identify(cells);
    const numbers = [c.participants, ...marks].some((i) => i !== undefined && cellText(cells[i]) !== '');
    if (!code && (anyLogin || isAggregateLabel(label))) {
      skipped.push(skip(row, numbers ? IMPORT_TEXT.aggregateRow(label) : IMPORT_TEXT.noNumbers(label), 'info'));
      continue;
    }
    if (!numbers) {
      skipped.push(skip(row, IMPORT_TEXT.noNumbers(label), 'info'));
      continue;
    }
    if (!code && !name) {
      skipped.push(skip(row, IMPORT_TEXT.noSchool));
      continue;
    }
    const shown = name || code;
    const participants = readParticipants(cellAt(cells, c, 'participants'));
    const percent = readPercent(cells[marks[0]] ?? null, fractions);
    if (isError(participants) || isError(percent)) {
      skipped.push(skip(row, (isError(participants) ? participants : (percent as { error: string })).error, 'error', shown));
      continue;
    }
    if (participants === null) {
      skipped.push(skip(row, IMPORT_TEXT.noParticipants, 'error', shown));
      continue;
    }
    if (percent === null) {
      skipped.push(skip(row, IMPORT_TEXT.noFailed, 'error', shown));
      continue;
    }
    results.push({ row, code, name, procedureText: options.procedureOf(cells), yearCell: cellAt(cells, c, 'year'), participants, failed: null, percent, mean: null });
  }
  return {
    layout: d.kind,
    titles: readTitles(table.slice(0, d.headerTop), 'ВПР'),
    perRowProcedure: hasRowProcedure(c),
    perRowYear: c.year !== undefined,
    results,
    students: [],
    skipped,
  };
}
