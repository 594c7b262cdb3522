import { parseNumber } from '../parse';
import { isPastGraduate, isRetake } from '../shnor/results';
import { IMPORT_TEXT } from '../strings';
import { Row, Table, cellText } from '../table';
import { ImportColumns } from './columns';
import { DetectedLayout } from './detect';
import { cellAt, columnHoldsFractions, dataRows, hasRowProcedure, isAggregateLabel, isError, readParticipants, readPercent, roundPercent, rowProcedureWords, skip, splitLogin, textAt } from './rows';
import { readTitles } from './titles';
import { ParsedPaste, SchoolResult, Skip } from './types';

/** School code and name from a code column, a name column, or «(login) name» in the name cell. */
export function schoolOf(cells: Row, c: ImportColumns): { code: string; name: string } {
  const split = splitLogin(textAt(cells, c, 'name'));
  return { code: textAt(cells, c, 'code') || split.code, name: split.name };
}

/** A row of a past graduate or a re-take: the reason it does not count, or null. */
export function excludedReason(cells: Row, c: ImportColumns): string | null {
  if (isPastGraduate(textAt(cells, c, 'category'))) return IMPORT_TEXT.pastGraduate;
  if (isRetake(textAt(cells, c, 'stage'))) return IMPORT_TEXT.retake;
  return null;
}

type Failed = Pick<SchoolResult, 'failed' | 'percent'>;

/** «не преодолели минимальный порог» / «получили "2"»: a count, or a percentage when written with «%» or in a «%» column. */
function readFailed(cells: Row, c: ImportColumns, pctFractions: boolean, participants: number): Failed | { error: string } {
  const countCell = cellAt(cells, c, 'failed');
  const count = parseNumber(countCell);
  if (cellText(countCell) !== '' && !count?.percent) {
    if (!count || !Number.isInteger(count.value) || count.value < 0) return { error: IMPORT_TEXT.badFailed(cellText(countCell)) };
    if (count.value > participants) return { error: IMPORT_TEXT.failedOverParticipants(count.value, participants) };
    return { failed: count.value, percent: null };
  }
  if (count?.percent) {
    if (count.value < 0 || count.value > 100) return { error: IMPORT_TEXT.badPercent(cellText(countCell)) };
    return { failed: null, percent: roundPercent(count.value) };
  }
  const percent = readPercent(cellAt(cells, c, 'failedPct'), pctFractions);
  if (isError(percent)) return percent;
  if (percent === null) return { error: IMPORT_TEXT.noFailed };
  return { failed: null, percent };
}

/** Per-school ГИА tables (ОГЭ/ЕГЭ) from a regional centre. */
export function parseGiaSchools(table: Table, d: DetectedLayout): ParsedPaste {
  const c = d.columns;
  const rows = dataRows(table, d.headerRow);
  const pctFractions = columnHoldsFractions(rows, c.failedPct);
  const results: SchoolResult[] = [];
  const skipped: Skip[] = [];
  for (const { row, cells } of rows) {
    const { code, name } = schoolOf(cells, c);
    const label = name || cellText(cells.find((v) => cellText(v) !== '') ?? null);
    if (!code && (isAggregateLabel(label) || !name)) {
      skipped.push(skip(row, name ? IMPORT_TEXT.aggregateRow(label) : IMPORT_TEXT.noSchool, name ? 'info' : 'error'));
      continue;
    }
    const shown = name || code;
    const excluded = excludedReason(cells, c);
    if (excluded) {
      skipped.push(skip(row, excluded, 'info', shown));
      continue;
    }
    const participants = readParticipants(cellAt(cells, c, 'participants'));
    if (isError(participants) || participants === null) {
      skipped.push(skip(row, isError(participants) ? participants.error : IMPORT_TEXT.noParticipants, 'error', shown));
      continue;
    }
    const failed = readFailed(cells, c, pctFractions, participants);
    if (isError(failed)) {
      skipped.push(skip(row, failed.error, 'error', shown));
      continue;
    }
    const mean = parseNumber(cellAt(cells, c, 'mean'));
    results.push({ row, code, name, procedureText: rowProcedureWords(cells, c), yearCell: cellAt(cells, c, 'year'), participants, ...failed, mean: mean && !mean.percent ? mean.value : null });
  }
  return {
    layout: d.kind,
    titles: readTitles(table.slice(0, d.headerTop)),
    perRowProcedure: hasRowProcedure(c),
    perRowYear: c.year !== undefined,
    results,
    students: [],
    skipped,
  };
}
