import { findHeader } from '../headers';
import { Journal } from '../journal';
import { parseNumber, parseSchoolYear } from '../parse';
import { matchProcedure } from '../shnor/procedures';
import { RESULTS_COLUMNS, isPastGraduate, isRetake } from '../shnor/results';
import { SchoolRegistry, resolveSchool } from '../schools/registry';
import { Cell, Row, Table, cellText, isBlankRow } from '../table';
import { matchObjectivityHeader, readObjectivityCells } from './counts';
import { ObjectivityInput } from './judge';

export interface ResultsObjectivity {
  inputs: ObjectivityInput[];
  /** 0-based rows of the table that hold objectivity counts and no result (P, F and % blank). */
  objectivityOnlyRows: Set<number>;
}

/**
 * A row with «Участников», «Не справились» and «% не справившихся» all blank (and objectivity counts
 * filled: the caller has read them) is no result: it completes the result of the same school, procedure and year (the import
 * writes such a row when the result was already in the sheet).
 */
export function isObjectivityOnlyRow(participants: Cell, failed: Cell, failedPct: Cell): boolean {
  return cellText(participants) === '' && cellText(failed) === '' && cellText(failedPct) === '';
}

/**
 * The objectivity counts of «Результаты ОП» (the optional columns «Понизили» … «Минимум «4» − 1»),
 * one input per row that has them. Rows of re-takes and past graduates are left out as the results
 * reader leaves them out; a school, procedure or year it cannot read is skipped here silently (the
 * results reader reports it), a bad count is reported.
 */
export function readResultsObjectivity(sheet: string, table: Table, registry: SchoolRegistry, journal: Journal): ResultsObjectivity {
  const out: ResultsObjectivity = { inputs: [], objectivityOnlyRows: new Set() };
  const header = findHeader(table, RESULTS_COLUMNS);
  const columns = matchObjectivityHeader(table[header.headerRow] ?? []);
  if (Object.keys(columns).length === 0 || header.missing.length > 0) return out;
  const col = header.columns;
  const get = (cells: Row, i: number | undefined): Cell => (i === undefined ? null : cells[i] ?? null);
  const quiet = new Journal();
  // P of every result row, for the rows holding only counts of the same school, procedure and year.
  const resultParticipants = new Map<string, Set<number>>();
  for (let r = header.headerRow + 1; r < table.length; r++) {
    const cells = table[r];
    if (isBlankRow(cells)) continue;
    const counts = readObjectivityCells(cells, columns);
    const onlyCounts = counts !== null && isObjectivityOnlyRow(get(cells, col.participants), get(cells, col.failed), get(cells, col.failedPct));
    if (onlyCounts) out.objectivityOnlyRows.add(r);
    if (isPastGraduate(cellText(get(cells, col.category))) || isRetake(cellText(get(cells, col.stage)))) continue;
    const p = parseNumber(get(cells, col.participants));
    const participants = p && !p.percent && Number.isInteger(p.value) && p.value >= 0 ? p.value : null;
    if (counts === null && participants === null) continue;
    const procedure = matchProcedure(cellText(get(cells, col.procedure)));
    const year = parseSchoolYear(get(cells, col.year));
    const school = resolveSchool(registry, cellText(get(cells, col.code)), cellText(get(cells, col.name)), quiet, sheet, r + 1);
    if (!procedure || !year || !school) continue;
    const key = `${school.id}|${procedure.name}|${year.year}`;
    if (participants !== null) resultParticipants.set(key, (resultParticipants.get(key) ?? new Set()).add(participants));
    if (counts === null) continue;
    if ('error' in counts) {
      journal.error(sheet, `${procedure.name}, ${year.year}: ${counts.error}.`, { row: r + 1, school: school.name, action: 'данные объективности строки не учитываются' });
      continue;
    }
    out.inputs.push({ school: { id: school.id, code: school.code, name: school.name }, procedure: procedure.name, year: year.year, row: r + 1, participants, counts });
  }
  for (const i of out.inputs) {
    const known = resultParticipants.get(`${i.school.id}|${i.procedure}|${i.year}`);
    if (i.participants === null && known?.size === 1) i.participants = [...known][0];
  }
  return out;
}

/** The table with those rows blanked in place (row numbers kept), for a reader of results only. */
export function blankedRows(table: Table, rows: Set<number>): Table {
  if (rows.size === 0) return table;
  return table.map((r, i) => (rows.has(i) ? [] : r));
}
