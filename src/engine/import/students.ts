import { parseNumber } from '../parse';
import { Procedure } from '../shnor/procedures';
import { IMPORT_TEXT } from '../strings';
import { Row, Table } from '../table';
import { DetectedLayout } from './detect';
import { excludedReason, schoolOf } from './giaSchools';
import { cellAt, dataRows, hasRowProcedure, isAggregateLabel, rowProcedureWords, skip } from './rows';
import { readTitles } from './titles';
import { ParsedPaste, StudentResult, Skip } from './types';

function numberAt(cells: Row, col: number | undefined): number | null {
  if (col === undefined) return null;
  const n = parseNumber(cells[col] ?? null);
  return n && !n.percent ? n.value : null;
}

/**
 * One row per participant. Only the school, the mark/score, category, stage and per-row
 * procedure/year are read: the participant's name is never looked at, so it cannot leak anywhere.
 */
export function parseStudents(table: Table, d: DetectedLayout): ParsedPaste {
  const c = d.columns;
  const students: StudentResult[] = [];
  const skipped: Skip[] = [];
  for (const { row, cells } of dataRows(table, d.headerRow)) {
    const { code, name } = schoolOf(cells, c);
    if (!code && !name) {
      skipped.push(skip(row, IMPORT_TEXT.noSchool));
      continue;
    }
    if (!code && isAggregateLabel(name)) {
      skipped.push(skip(row, IMPORT_TEXT.aggregateRow(name), 'info'));
      continue;
    }
    const excluded = excludedReason(cells, c);
    if (excluded) {
      skipped.push(skip(row, excluded, 'info', name || code));
      continue;
    }
    const score = numberAt(cells, c.testScore ?? c.score);
    const mark = numberAt(cells, c.mark);
    students.push({ row, code, name, procedureText: rowProcedureWords(cells, c), yearCell: cellAt(cells, c, 'year'), mark, score });
  }
  return { layout: d.kind, titles: readTitles(table.slice(0, d.headerTop)), perRowProcedure: hasRowProcedure(c), perRowYear: c.year !== undefined, results: [], students, skipped };
}

/**
 * Failed or not (DESIGN §2.2): below the minimum of that exam (`Settings.minScores`; for ЕГЭ базовая
 * the minimum is a mark), otherwise the mark «2». Null when the row says neither.
 */
export function studentFailed(s: StudentResult, procedure: Procedure, minScores: Record<string, number>): boolean | null {
  const min = minScores[procedure.name];
  if (min !== undefined) {
    const value = procedure.level === 'базовая' ? s.mark ?? (s.score !== null && s.score <= 5 ? s.score : null) : s.score;
    if (value !== null) return value < min;
  }
  if (s.mark !== null) return s.mark <= 2;
  return null;
}

/** Mean of the scores (or of the marks when there are no scores), two decimals. */
export function meanOf(students: StudentResult[]): number | null {
  const values = students.map((s) => s.score ?? s.mark).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}
