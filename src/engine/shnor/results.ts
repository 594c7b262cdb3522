import { ColumnSpec, SCHOOL_CODE_SPEC, SCHOOL_NAME_SPEC, findHeader } from '../headers';
import { Journal } from '../journal';
import { decimalScale, parseNumber, parseSchoolYear, percentColumnHoldsFractions } from '../parse';
import { Procedure, matchProcedure } from './procedures';
import { School, SchoolRegistry, resolveSchool } from '../schools/registry';
import { Cell, Table, cellText, isBlankRow } from '../table';
import { fold, formatNumber } from '../text';

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
  /** 1-based sheet rows this record came from (several when identical rows were merged). */
  rows: number[];
  participants: number | null;
  failed: number | null;
  /** Failed percent as given, when the source gives only a percentage. */
  percent: number | null;
  mean: number | null;
}

export interface Conflict {
  school: School;
  procedure: Procedure;
  year: string;
  rows: number[];
}

export interface ResultsData {
  sheet: string;
  rowCount: number;
  records: ResultRecord[];
  conflicts: Conflict[];
  /** School years present in valid rows, ascending. */
  years: string[];
  missingColumns: string[];
}

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

/**
 * Reads «Результаты ОП» (DESIGN §2.2–2.3, §3.1). Rows of procedures outside the catalogue,
 * re-takes and graduates of previous years are left out and reported; identical duplicates count
 * once; disagreeing duplicates are left out as conflicts.
 */
export function readResults(sheet: string, table: Table, registry: SchoolRegistry, journal: Journal): ResultsData {
  const header = findHeader(table, RESULTS_COLUMNS);
  const col = header.columns;
  const data: ResultsData = { sheet, rowCount: 0, records: [], conflicts: [], years: [], missingColumns: [] };
  for (const m of header.missing) data.missingColumns.push(m.label);
  if (col.code === undefined && col.name === undefined) data.missingColumns.push('Код ОО / Наименование ОО');
  if (col.participants === undefined && col.failedPct === undefined) data.missingColumns.push('Участников');
  if (col.failed === undefined && col.failedPct === undefined) data.missingColumns.push('Не справились / % не справившихся');
  const dataRows = table.slice(header.headerRow + 1);
  data.rowCount = dataRows.filter((r) => !isBlankRow(r)).length;
  if (data.missingColumns.length > 0) {
    for (const m of data.missingColumns) journal.error(sheet, `Не найден столбец «${m}».`, { action: 'результаты не учитываются' });
    return data;
  }
  const pctIsFraction = col.failedPct !== undefined && percentColumnHoldsFractions(dataRows.map((r) => r[col.failedPct as number] ?? null));
  if (pctIsFraction) journal.info(sheet, 'Столбец «% не справившихся» содержит доли (0,35 вместо 35 %).', { action: 'значения умножены на 100' });

  const excluded = { pastGraduates: 0, retakes: 0 };
  const bareYears = new Map<string, number>();
  const raw: ResultRecord[] = [];
  dataRows.forEach((row, i) => {
    const rowNo = header.headerRow + i + 2;
    if (isBlankRow(row)) return;
    const get = (k: Key): Cell => (col[k] !== undefined ? row[col[k] as number] ?? null : null);
    if (col.category !== undefined && isPastGraduate(cellText(get('category')))) {
      excluded.pastGraduates++;
      return;
    }
    if (col.stage !== undefined && isRetake(cellText(get('stage')))) {
      excluded.retakes++;
      return;
    }
    const code = cellText(get('code'));
    const name = cellText(get('name'));
    const shown = name || code;
    const yearText = cellText(get('year'));
    const year = parseSchoolYear(get('year'));
    if (!year) {
      journal.error(sheet, yearText ? `Учебный год «${yearText}» не распознан.` : 'Не указан учебный год.', { row: rowNo, school: shown, action: 'строка пропущена' });
      return;
    }
    if (year.fromBareYear) bareYears.set(yearText, (bareYears.get(yearText) ?? 0) + 1);
    const procText = cellText(get('procedure'));
    const procedure = matchProcedure(procText);
    if (!procedure) {
      journal.once(`unknown-procedure:${fold(procText)}`, {
        level: 'warning',
        sheet,
        row: rowNo,
        message: procText ? `Процедура «${procText}» не входит в перечень процедур методики (или названа неоднозначно).` : 'Не указана процедура.',
        action: 'строки с этой процедурой не учитываются',
      });
      return;
    }
    const school = resolveSchool(registry, code, name, journal, sheet, rowNo);
    if (!school) return;
    const parsed = parseCounts(get('participants'), get('failed'), get('failedPct'), pctIsFraction);
    if (typeof parsed === 'string') {
      journal.error(sheet, `${procedure.name}, ${year.year}: ${parsed}.`, { row: rowNo, school: school.name, action: 'строка пропущена' });
      return;
    }
    const meanCell = get('mean');
    const mean = parseNumber(meanCell);
    raw.push({ school, procedure, year: year.year, rows: [rowNo], ...parsed, mean: mean ? mean.value : null });
  });
  for (const [text, n] of bareYears) {
    journal.warning(sheet, `Учебный год указан как «${text}» в ${n} ${n === 1 ? 'строке' : 'строках'}.`, { action: `понят как ${parseSchoolYear(text)?.year}` });
  }
  if (excluded.pastGraduates > 0) journal.info(sheet, `Строк выпускников прошлых лет: ${excluded.pastGraduates}.`, { action: 'не учитываются (методика, раздел 4)' });
  if (excluded.retakes > 0) journal.info(sheet, `Строк пересдач: ${excluded.retakes}.`, { action: 'не учитываются: учитываются результаты до пересдач' });

  mergeDuplicates(raw, data, journal);
  data.years = [...new Set(data.records.map((r) => r.year))].sort();
  return data;
}

function parseCounts(pCell: Cell, fCell: Cell, pctCell: Cell, pctIsFraction: boolean): string | Pick<ResultRecord, 'participants' | 'failed' | 'percent'> {
  let participants: number | null = null;
  if (cellText(pCell) !== '') {
    const p = parseNumber(pCell);
    if (!p || p.percent || !Number.isInteger(p.value) || p.value < 0) return `число участников «${cellText(pCell)}» должно быть целым неотрицательным`;
    participants = p.value;
  }
  let failed: number | null = null;
  if (cellText(fCell) !== '') {
    const f = parseNumber(fCell);
    if (!f) return `«не справились» = «${cellText(fCell)}» не является числом`;
    if (f.percent) return `«не справились» указано в процентах (${cellText(fCell)}): перенесите значение в столбец «% не справившихся»`;
    if (!Number.isInteger(f.value) || f.value < 0) return `«не справились» = ${cellText(fCell)} должно быть целым неотрицательным`;
    if (participants !== null && f.value > participants) return `не справились (${f.value}) больше, чем участников (${participants})`;
    failed = f.value;
  }
  let percent: number | null = null;
  if (failed === null && cellText(pctCell) !== '') {
    const q = parseNumber(pctCell);
    if (!q) return `«% не справившихся» = «${cellText(pctCell)}» не является числом`;
    const value = pctIsFraction && !q.percent ? q.value * 100 : q.value;
    if (value < 0 || value > 100) return `«% не справившихся» = ${cellText(pctCell)} вне диапазона 0–100`;
    percent = value;
  }
  return { participants, failed, percent };
}

function sameNumbers(a: ResultRecord, b: ResultRecord): boolean {
  return a.participants === b.participants && a.failed === b.failed && a.percent === b.percent && (a.mean === b.mean || a.mean === null || b.mean === null);
}

function mergeDuplicates(raw: ResultRecord[], data: ResultsData, journal: Journal): void {
  const groups = new Map<string, ResultRecord[]>();
  for (const r of raw) {
    const key = `${r.school.id}|${r.procedure.name}|${r.year}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const first = list[0];
    if (list.length === 1) {
      data.records.push(first);
      continue;
    }
    const rows = list.flatMap((r) => r.rows);
    if (list.every((r) => sameNumbers(r, first))) {
      journal.info(data.sheet, `${first.procedure.name}, ${first.year}: одинаковые строки ${rows.join(', ')}.`, { row: rows[1], school: first.school.name, action: 'учтены один раз' });
      data.records.push({ ...first, rows, mean: list.find((r) => r.mean !== null)?.mean ?? null });
    } else {
      journal.error(data.sheet, `${first.procedure.name}, ${first.year}: строки ${rows.join(', ')} противоречат друг другу (${list.map(describeNumbers).join(' / ')}).`, {
        row: rows[0],
        school: first.school.name,
        action: 'результат не учитывается, статус школы — «требует проверки»',
      });
      data.conflicts.push({ school: first.school, procedure: first.procedure, year: first.year, rows });
    }
  }
}

export function describeNumbers(r: Pick<ResultRecord, 'participants' | 'failed' | 'percent'>): string {
  if (r.failed !== null && r.participants !== null) return `${r.failed} из ${r.participants}`;
  if (r.percent !== null) return `${formatNumber(r.percent, decimalScale(r.percent) > 10 ? 2 : 1)} %${r.participants !== null ? ` из ${r.participants}` : ''}`;
  return r.participants !== null ? `${r.participants} участников, нет числа не справившихся` : 'нет данных';
}
