import { ColumnSpec, SCHOOL_CODE_SPEC, SCHOOL_NAME_SPEC, findHeader } from '../headers';
import { Journal } from '../journal';
import { MAX_STUDENTS, ParsedSchoolYear, decimalScale, parseNumber, parseSchoolYear, tableColumnHoldsFractions } from '../parse';
import { ObjectivityInput } from '../objectivity/judge';
import { isObjectivityOnlyRow, matchObjectivityHeader, readObjectivityCells } from '../objectivity/counts';
import { Procedure, matchProcedure, procedureByName, procedureIndex } from './procedures';
import { School, SchoolRegistry, resolveSchool } from '../schools/registry';
import { Cell, Table, cellText, isBlankRow } from '../table';
import { fold, formatNumber, quote } from '../text';

type Key = 'year' | 'code' | 'name' | 'procedure' | 'participants' | 'failedPct' | 'failed' | 'mean' | 'category' | 'stage';

export const RESULTS_COLUMNS: ColumnSpec<Key>[] = [
  { key: 'year', label: 'Учебный год', any: [['учебный год'], ['год']], required: true },
  { key: 'code', ...SCHOOL_CODE_SPEC },
  { key: 'name', ...SCHOOL_NAME_SPEC, none: ['код', 'логин'] },
  { key: 'procedure', label: 'Процедура', any: [['процедур'], ['оценочн'], ['вид работы'], ['предмет']], required: true },
  {
    key: 'failedPct',
    label: '% не справившихся',
    any: [['%', 'не справ'], ['доля', 'не справ'], ['%', 'не преодол'], ['доля', 'не преодол'], ['%', 'получ', '2'], ['доля', 'получ', '2'], ['%', 'отметк', '2'], ['%', 'неудовлетвор'], ['%', 'двоек'], ['2 %']],
  },
  { key: 'participants', label: 'Участников', any: [['участник'], ['участвовал'], ['писали'], ['писавш'], ['сдавали'], ['сдававш']], none: ['%', 'доля', 'не справ', 'не преодол', 'получ'] },
  { key: 'failed', label: 'Не справились', any: [['не справ'], ['не преодол'], ['получ', '2'], ['отметк', '2'], ['неудовлетвор'], ['двоек'], ['двойк']], none: ['%', 'доля'] },
  { key: 'mean', label: 'Средний балл', any: [['средний балл'], ['ср балл']] },
  { key: 'category', label: 'Категория', any: [['категори'], ['впл'], ['выпускник прошлых лет']] },
  { key: 'stage', label: 'Этап', any: [['этап'], ['период'], ['волна']], none: ['учебн'] },
];

/** One result of one school in one procedure and school year, as it counts. */
export interface ResultRecord {
  school: School;
  procedure: Procedure;
  year: string;
  /** 1-based sheet row the record came from (the first, when identical rows were merged). */
  row: number;
  /** Every 1-based row, when identical rows were merged into this record; null otherwise. */
  merged: number[] | null;
  participants: number | null;
  failed: number | null;
  /** Failed percent as given, when the source gives only a percentage. */
  percent: number | null;
  mean: number | null;
}

/** 1-based sheet rows a record came from (several when identical rows were merged). */
export function recordRows(r: ResultRecord): number[] {
  return r.merged ?? [r.row];
}

/**
 * A record read from one row. It is built as an object literal, not by a constructor: V8 learns that
 * records made at one literal outlive the young generation and allocates them where they stay, so a
 * million rows are not copied by every scavenge (at 40 000 schools that copying was a quarter of
 * `analyze()`).
 */
interface RowRecord extends ResultRecord {
  /** Procedure and year as one small integer (duplicates are found by it within a school). */
  key: number;
  /**
   * Set only on rows of a school, procedure and year that occur more than once (rarely): the group
   * (`rows`, this one first, on the first row; `of`, the first row, on the others) and what came of it.
   */
  repeat: { rows: RowRecord[] | null; of: RowRecord | null; conflicted: boolean } | null;
}

export interface Conflict {
  school: School;
  procedure: Procedure;
  year: string;
  rows: number[];
}

/** The results of one school, grouped once for every rule that reads them. */
export interface SchoolResults {
  records: ResultRecord[];
  conflicts: Conflict[];
}

export interface ResultsData {
  sheet: string;
  rowCount: number;
  /** Every record that counts, in the order its first row stands in the sheet. */
  records: ResultRecord[];
  conflicts: Conflict[];
  /** School years present in valid rows, ascending. */
  years: string[];
  missingColumns: string[];
  /** Records and conflicts by `School.index`. */
  bySchool: SchoolResults[];
  /** Objectivity counts of the rows that have them (issue 16: «Понизили» … «Минимум «4» − 1»). */
  objectivity: ObjectivityInput[];
  /** 0-based rows that hold objectivity counts and no result: they complete a result, they are none. */
  objectivityOnlyRows: Set<number>;
}

/** The results of a school (an empty group when it has none). */
export function resultsOf(data: ResultsData | null, school: School): SchoolResults {
  if (data === null) return NO_RESULTS;
  return data.bySchool[school.index] ?? NO_RESULTS;
}

/** Shared by every school without results: never mutated. */
const NO_RESULTS: SchoolResults = { records: [], conflicts: [] };

/** «ВПЛ», «выпускник прошлых лет»: rows that never count (DESIGN §2.2). */
export function isPastGraduate(text: string): boolean {
  const t = fold(text);
  return t.includes('впл') || t.includes('прошлых лет') || t.includes('прошлого года');
}

/** «пересдача», «дополнительный период»: rows after the main period. */
export function isRetake(text: string): boolean {
  const t = fold(text);
  return t.includes('пересда') || t.includes('дополнительн') || t.includes('повторн');
}

/** `fn` remembered per distinct argument: a results sheet repeats a few texts thousands of times. */
function memo<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      v = fn(key);
      cache.set(key, v);
    }
    return v as V;
  };
}

interface Counts {
  participants: number | null;
  failed: number | null;
  percent: number | null;
  /** A «% не справившихся» beside the counts that disagrees with them (the counts are used). */
  contradiction: string | null;
}

/**
 * Reads «Результаты ОП» (DESIGN §2.2–2.3, §3.1) in one pass. Rows of procedures outside the
 * catalogue, re-takes and graduates of previous years are left out and reported; identical duplicates
 * count once; disagreeing duplicates are left out as conflicts. The records are grouped by school once.
 * Loops over rows are indexed: a loop that runs once over a million rows is not worth an iterator.
 */
export function readResults(sheet: string, table: Table, registry: SchoolRegistry, journal: Journal): ResultsData {
  const header = findHeader(table, RESULTS_COLUMNS);
  const col = header.columns;
  const data: ResultsData = { sheet, rowCount: 0, records: [], conflicts: [], years: [], missingColumns: [], bySchool: [], objectivity: [], objectivityOnlyRows: new Set() };
  for (const m of header.missing) data.missingColumns.push(m.label);
  if (col.code === undefined && col.name === undefined) data.missingColumns.push('Код ОО / Наименование ОО');
  if (col.participants === undefined && col.failedPct === undefined) data.missingColumns.push('Участников');
  if (col.failed === undefined && col.failedPct === undefined) data.missingColumns.push('Не справились / % не справившихся');
  const first = header.headerRow + 1;
  let rowCount = 0;
  for (let i = first; i < table.length; i++) if (!isBlankRow(table[i])) rowCount++;
  data.rowCount = rowCount;
  if (data.missingColumns.length > 0) {
    for (const m of data.missingColumns) journal.error(sheet, `Не найден столбец «${m}».`, { action: 'результаты не учитываются' });
    return data;
  }
  const pctCol = col.failedPct;
  const pctIsFraction = pctCol !== undefined && tableColumnHoldsFractions(table, first, pctCol);
  if (pctIsFraction) journal.info(sheet, 'Столбец «% не справившихся» содержит доли (0,35 вместо 35 %).', { action: 'значения умножены на 100' });

  const at = (row: Cell[], c: number | undefined): Cell => (c === undefined ? null : row[c] ?? null);
  const objectivityColumns = matchObjectivityHeader(table[header.headerRow] ?? []);
  const withObjectivity = Object.keys(objectivityColumns).length > 0;
  const pastGraduate = memo((text: string) => isPastGraduate(text));
  const retake = memo((text: string) => isRetake(text));
  const schoolYear = memo((value: Cell) => parseSchoolYear(value));
  const schools = new SchoolCache(registry, journal, sheet);
  const excluded = { pastGraduates: 0, retakes: 0 };
  const bareYears = new Map<string, number>();
  const yearIndex = new Map<string, number>();
  const counts: Counts = { participants: null, failed: null, percent: null, contradiction: null };
  const countsOnly: { input: ObjectivityInput; school: number }[] = [];
  // Every record in row order, and each school's records: duplicates are found within a school.
  const inOrder: RowRecord[] = [];
  const bySchool: RowRecord[][] = [];
  // The rows of a school usually stand together: the last year and procedure text are reused as they are.
  let lastYearCell: Cell = null;
  let lastYear: ParsedSchoolYear | null = null;
  let lastProcText = '';
  let lastProcedure: Procedure | null = null;
  let lastProcedureIndex = 0;
  let lastYearIndex = 0;
  const objectivityCells = Object.values(objectivityColumns).filter((c): c is number => c !== undefined);

  for (let i = first; i < table.length; i++) {
    const row = table[i];
    if (isBlankRow(row)) continue;
    const rowNo = i + 1;
    if (col.category !== undefined && !isEmpty(row[col.category])) {
      if (pastGraduate(cellText(row[col.category]))) {
        excluded.pastGraduates++;
        continue;
      }
    }
    if (col.stage !== undefined && !isEmpty(row[col.stage])) {
      if (retake(cellText(row[col.stage]))) {
        excluded.retakes++;
        continue;
      }
    }
    const objectivity = withObjectivity && anyFilled(row, objectivityCells) ? readObjectivityCells(row, objectivityColumns) : null;
    const onlyCounts = objectivity !== null && isObjectivityOnlyRow(at(row, col.participants), at(row, col.failed), at(row, pctCol));
    if (onlyCounts) data.objectivityOnlyRows.add(i);
    const code = cellText(at(row, col.code));
    const name = cellText(at(row, col.name));
    const yearCell = at(row, col.year);
    const year: ParsedSchoolYear | null = yearCell === lastYearCell && lastYear ? lastYear : schoolYear(yearCell);
    if (!year) {
      const yearText = cellText(yearCell);
      journal.error(sheet, yearText ? `Учебный год «${quote(yearText)}» не распознан.` : 'Не указан учебный год.', { row: rowNo, school: quote(name || code), action: 'строка пропущена' });
      continue;
    }
    if (year !== lastYear) {
      let y = yearIndex.get(year.year);
      if (y === undefined) yearIndex.set(year.year, (y = yearIndex.size));
      lastYearIndex = y;
    }
    lastYearCell = yearCell;
    lastYear = year;
    if (year.fromBareYear) {
      const yearText = cellText(yearCell);
      bareYears.set(yearText, (bareYears.get(yearText) ?? 0) + 1);
    }
    const procText = cellText(at(row, col.procedure));
    const procedure: Procedure | null = procText === lastProcText && lastProcedure ? lastProcedure : matchProcedure(procText);
    if (!procedure) {
      journal.once(`unknown-procedure:${fold(procText)}`, {
        level: 'warning',
        sheet,
        row: rowNo,
        message: procText ? `Процедура «${quote(procText)}» не входит в перечень процедур методики (или названа неоднозначно).` : 'Не указана процедура.',
        action: 'строки с этой процедурой не учитываются',
      });
      continue;
    }
    if (procedure !== lastProcedure) lastProcedureIndex = procedureIndex(procedure);
    lastProcText = procText;
    lastProcedure = procedure;
    const school = schools.resolve(code, name, rowNo);
    if (!school) continue;
    if (objectivity !== null) {
      if ('error' in objectivity) {
        journal.error(sheet, `${procedure.name}, ${year.year}: ${objectivity.error}.`, { row: rowNo, school: school.name, action: 'данные объективности строки не учитываются' });
      } else {
        const p = parseNumber(at(row, col.participants));
        const participants = p && !p.percent && Number.isInteger(p.value) && p.value >= 0 ? p.value : null;
        const input: ObjectivityInput = { school: { id: school.id, code: school.code, name: school.name }, procedure: procedure.name, year: year.year, row: rowNo, participants, counts: objectivity };
        data.objectivity.push(input);
        if (participants === null) countsOnly.push({ input, school: school.index });
      }
    }
    if (onlyCounts) continue;
    const problem = parseCounts(at(row, col.participants), at(row, col.failed), at(row, pctCol), pctIsFraction, counts);
    if (problem !== null) {
      journal.error(sheet, `${procedure.name}, ${year.year}: ${problem}.`, { row: rowNo, school: school.name, action: 'строка пропущена' });
      continue;
    }
    if (counts.contradiction !== null) {
      const action = counts.participants === null ? 'без числа участников результат не учитывается («нет данных»)' : 'учтены количества участников и не справившихся';
      journal.error(sheet, `${procedure.name}, ${year.year}: ${counts.contradiction}.`, { row: rowNo, school: school.name, action });
    }
    const meanCell = at(row, col.mean);
    const mean = typeof meanCell === 'number' ? (Number.isFinite(meanCell) ? meanCell : null) : meanCell === null || meanCell === '' ? null : parseNumber(meanCell)?.value ?? null;
    const record: RowRecord = {
      school,
      procedure,
      year: year.year,
      row: rowNo,
      merged: null,
      participants: counts.participants,
      failed: counts.failed,
      percent: counts.percent,
      mean,
      key: lastProcedureIndex * 256 + lastYearIndex,
      repeat: null,
    };
    inOrder.push(record);
    const own = bySchool[school.index];
    if (own) own.push(record);
    else bySchool[school.index] = [record];
  }
  for (const [text, n] of bareYears) {
    journal.warning(sheet, `Учебный год указан как «${quote(text)}» в ${n} ${n === 1 ? 'строке' : 'строках'}.`, { action: `понят как ${parseSchoolYear(text)?.year}` });
  }
  if (excluded.pastGraduates > 0) journal.info(sheet, `Строк выпускников прошлых лет: ${excluded.pastGraduates}.`, { action: 'не учитываются (методика, раздел 4)' });
  if (excluded.retakes > 0) journal.info(sheet, `Строк пересдач: ${excluded.retakes}.`, { action: 'не учитываются: учитываются результаты до пересдач' });

  markRepeats(bySchool);
  // In the order of first rows, as the sheet reads: identical repeats merge, disagreeing ones are conflicts.
  for (let i = 0; i < inOrder.length; i++) {
    const record = inOrder[i];
    const repeat = record.repeat;
    if (repeat === null) data.records.push(record);
    else if (repeat.of === null && !mergeDuplicates(record, data, journal)) repeat.conflicted = true;
  }
  const years = new Set<string>();
  for (let i = 0; i < data.records.length; i++) years.add(data.records[i].year);
  data.years = [...years].sort();
  // One group for every school of the registry (a packed array: per-school lookups stay fast).
  const groups = Math.max(registry.size, bySchool.length);
  for (let index = 0; index < groups; index++) {
    const list = bySchool[index];
    let records: ResultRecord[] = list ?? [];
    // Only a school with repeated rows needs a copy without them; the others keep the list as read.
    if (list && list.some((r) => r.repeat !== null)) {
      records = [];
      for (let i = 0; i < list.length; i++) {
        const repeat = list[i].repeat;
        if (repeat === null || (repeat.of === null && !repeat.conflicted)) records.push(list[i]);
      }
    }
    data.bySchool.push({ records, conflicts: [] });
  }
  for (const c of data.conflicts) groupOf(data, c.school).conflicts.push(c);
  completeObjectivity(countsOnly, bySchool, yearIndex);
  return data;
}

/** A row of counts only takes the P of the result of its school, procedure and year, when that P is one. */
function completeObjectivity(pending: { input: ObjectivityInput; school: number }[], bySchool: RowRecord[][], yearIndex: Map<string, number>): void {
  for (const { input, school } of pending) {
    const procedure = procedureByName(input.procedure);
    const y = yearIndex.get(input.year);
    if (!procedure || y === undefined) continue;
    const key = procedureIndex(procedure) * 256 + y;
    const known = new Set<number>();
    for (const r of bySchool[school] ?? []) if (r.key === key && r.participants !== null) known.add(r.participants);
    if (known.size === 1) input.participants = [...known][0];
  }
}

/**
 * Finds the rows of one school, procedure and year after the first: each points to its first, the first
 * lists them all. One stamp table for every school, so no map is built per row or per school.
 */
function markRepeats(bySchool: RowRecord[][]): void {
  const stamp: number[] = [];
  const firstOf: RowRecord[] = [];
  for (let index = 0; index < bySchool.length; index++) {
    const list = bySchool[index];
    if (!list) continue;
    const generation = index + 1;
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (stamp[r.key] !== generation) {
        stamp[r.key] = generation;
        firstOf[r.key] = r;
        continue;
      }
      const head = firstOf[r.key];
      r.repeat = { rows: null, of: head, conflicted: false };
      if (head.repeat?.rows) head.repeat.rows.push(r);
      else head.repeat = { rows: [head, r], of: null, conflicted: false };
    }
  }
}

/** School resolution remembered per distinct code and name (and for the row before); every row still reaches the journal. */
class SchoolCache {
  private readonly known = new Map<string, Map<string, School | null>>();
  private lastCode = '';
  private lastName = '';
  private last: School | null = null;

  constructor(
    private readonly registry: SchoolRegistry,
    private readonly journal: Journal,
    private readonly sheet: string,
  ) {}

  resolve(code: string, name: string, row: number): School | null {
    if (this.last && code === this.lastCode && name === this.lastName) return this.last;
    const byName = this.known.get(code);
    const hit = byName?.get(name);
    // Only a clean match is remembered: a note or a failure is said again for every row.
    if (hit) return this.remember(code, name, hit);
    const school = resolveSchool(this.registry, code, name, this.journal, this.sheet, row);
    if (!school) return null;
    const verdict = this.registry.match(code, name);
    if (verdict.kind === 'matched' && !verdict.note) {
      if (byName) byName.set(name, school);
      else this.known.set(code, new Map([[name, school]]));
      return this.remember(code, name, school);
    }
    return school;
  }

  private remember(code: string, name: string, school: School): School {
    this.lastCode = code;
    this.lastName = name;
    this.last = school;
    return school;
  }
}

function isEmpty(v: Cell | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/** Some of these cells hold something (a test before any parsing: they are empty in almost every row). */
function anyFilled(row: Cell[], cells: number[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const v = row[cells[i]];
    if (v !== null && v !== undefined && v !== '' && !(typeof v === 'string' && v.trim() === '')) return true;
  }
  return false;
}

function groupOf(data: ResultsData, school: School): SchoolResults {
  let g = data.bySchool[school.index];
  if (!g) data.bySchool[school.index] = g = { records: [], conflicts: [] };
  return g;
}

function isWhole(v: number): boolean {
  return Number.isInteger(v) && v >= 0;
}

/**
 * Reads the three count cells into `out`; returns why the row cannot be used, or null. The common
 * case — two whole numbers — takes no detour through text.
 */
function parseCounts(pCell: Cell, fCell: Cell, pctCell: Cell, pctIsFraction: boolean, out: Counts): string | null {
  out.contradiction = null;
  if (typeof pCell === 'number' && typeof fCell === 'number' && isWhole(pCell) && isWhole(fCell) && fCell <= pCell && pCell < MAX_STUDENTS && (pctCell === null || pctCell === '')) {
    out.participants = pCell;
    out.failed = fCell;
    out.percent = null;
    return null;
  }
  let participants: number | null = null;
  if (cellText(pCell) !== '') {
    const p = parseNumber(pCell);
    if (!p || p.percent || !Number.isInteger(p.value) || p.value < 0) return `число участников «${quote(cellText(pCell))}» должно быть целым неотрицательным`;
    if (p.value >= MAX_STUDENTS) return `число участников ${quote(cellText(pCell))} неправдоподобно велико (должно быть меньше ${MAX_STUDENTS})`;
    participants = p.value;
  }
  let failed: number | null = null;
  if (cellText(fCell) !== '') {
    const f = parseNumber(fCell);
    if (!f) return `«не справились» = «${quote(cellText(fCell))}» не является числом`;
    if (f.percent) return `«не справились» указано в процентах (${quote(cellText(fCell))}): перенесите значение в столбец «% не справившихся»`;
    if (!Number.isInteger(f.value) || f.value < 0) return `«не справились» = ${quote(cellText(fCell))} должно быть целым неотрицательным`;
    if (participants === null) out.contradiction = `указано не справившихся (${f.value}), но не указано число участников`;
    else if (f.value > participants) return `не справились (${f.value}) больше, чем участников (${participants})`;
    failed = f.value;
  }
  let percent: number | null = null;
  if (cellText(pctCell) !== '') {
    const q = parseNumber(pctCell);
    const value = q ? (pctIsFraction && !q.percent ? q.value * 100 : q.value) : null;
    if (failed === null) {
      if (value === null) return `«% не справившихся» = «${quote(cellText(pctCell))}» не является числом`;
      if (value < 0 || value > 100) return `«% не справившихся» = ${quote(cellText(pctCell))} вне диапазона 0–100`;
      percent = value;
    } else if (participants !== null && participants > 0 && value !== null && Math.abs(value - (failed * 100) / participants) >= 1) {
      // A percentage beside the counts is derived from them: one point or more apart is not rounding.
      out.contradiction = `«% не справившихся» = ${quote(cellText(pctCell))} не согласуется с количествами: ${failed} из ${participants} — это ${formatNumber((failed * 100) / participants, 1)} %`;
    }
  }
  out.participants = participants;
  out.failed = failed;
  out.percent = percent;
  return null;
}

function sameNumbers(a: ResultRecord, b: ResultRecord): boolean {
  return a.participants === b.participants && a.failed === b.failed && a.percent === b.percent && (a.mean === b.mean || a.mean === null || b.mean === null);
}

/** Merges identical rows into the first (true), or records the group as a conflict (false). */
function mergeDuplicates(first: RowRecord, data: ResultsData, journal: Journal): boolean {
  const repeat = first.repeat as NonNullable<RowRecord['repeat']>;
  const list = repeat.rows as RowRecord[];
  const rows = list.map((r) => r.row);
  if (list.every((r) => sameNumbers(r, first))) {
    journal.info(data.sheet, `${first.procedure.name}, ${first.year}: одинаковые строки ${rows.join(', ')}.`, { row: rows[1], school: first.school.name, action: 'учтены один раз' });
    first.merged = rows;
    first.mean = list.find((r) => r.mean !== null)?.mean ?? null;
    data.records.push(first);
    return true;
  }
  journal.error(data.sheet, `${first.procedure.name}, ${first.year}: строки ${rows.join(', ')} противоречат друг другу (${list.map(describeNumbers).join(' / ')}).`, {
    row: rows[0],
    school: first.school.name,
    action: 'результат не учитывается, статус школы — «требует проверки»',
  });
  data.conflicts.push({ school: first.school, procedure: first.procedure, year: first.year, rows });
  return false;
}

export function describeNumbers(r: Pick<ResultRecord, 'participants' | 'failed' | 'percent'>): string {
  if (r.failed !== null && r.participants !== null) return `${r.failed} из ${r.participants}`;
  if (r.percent !== null) return `${formatNumber(r.percent, decimalScale(r.percent) > 10 ? 2 : 1)} %${r.participants !== null ? ` из ${r.participants}` : ''}`;
  return r.participants !== null ? `${r.participants} участников, нет числа не справившихся` : 'нет данных';
}

export type { ParsedSchoolYear };
