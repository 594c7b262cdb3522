import { ColumnSpec, SCHOOL_CODE_SPEC, SCHOOL_NAME_SPEC, findHeader } from '../headers';
import { Journal } from '../journal';
import { parseSchoolYear } from '../parse';
import { School, SchoolRegistry, resolveSchool } from '../schools/registry';
import { CATEGORY, HISTORY_TEXT, SHEETS } from '../strings';
import { Cell, Table, cellText, isBlankRow } from '../table';
import { fold, quote } from '../text';

export type Category = (typeof CATEGORY)[keyof typeof CATEGORY];

type Key = 'year' | 'code' | 'name' | 'category' | 'order';

/** «Перечни прошлых лет» (DESIGN §2.6): Учебный год · Код ОО · Наименование ОО · Категория · Приказ (№, дата). */
export const APPROVED_COLUMNS: ColumnSpec<Key>[] = [
  { key: 'year', label: 'Учебный год', any: [['учебный год'], ['год']], required: true },
  { key: 'code', ...SCHOOL_CODE_SPEC },
  { key: 'name', ...SCHOOL_NAME_SPEC, none: ['код', 'логин'] },
  { key: 'category', label: 'Категория', any: [['категори']], required: true },
  { key: 'order', label: 'Приказ (№, дата)', any: [['приказ'], ['распоряжени'], ['основание утвержд']] },
];

/** One school of one approved list, as signed. */
export interface ApprovedRow {
  /** 1-based sheet row. */
  row: number;
  year: string;
  school: School;
  category: Category;
  order: string;
}

/** The approved lists by school year; a year that is here is a fact, whatever the data say now. */
export interface ApprovedLists {
  sheet: string;
  /** Year → school id → its row. A school absent from a recorded year was not on that list. */
  byYear: Map<string, Map<string, ApprovedRow>>;
  /** 1-based sheet rows of each recorded year (to tell the user where to correct it). */
  rowsOfYear: Map<string, number[]>;
}

/** «ШНОР», «ШНСУ», «ШНОР и ШНСУ» (any case, «ШНОР, ШНСУ», «ШНОР/ШНСУ»…), or null. */
export function parseCategory(text: string): Category | null {
  const t = fold(text);
  const shnor = t.includes('шнор');
  const shnsu = t.includes('шнсу');
  if (shnor && shnsu) return CATEGORY.both;
  if (shnor) return CATEGORY.shnor;
  if (shnsu) return CATEGORY.shnsu;
  return null;
}

export function categoryFlags(c: Category | null): { shnor: boolean; shnsu: boolean } {
  return { shnor: c === CATEGORY.shnor || c === CATEGORY.both, shnsu: c === CATEGORY.shnsu || c === CATEGORY.both };
}

/**
 * Reads «Перечни прошлых лет», typed by the product («Зафиксировать перечень года») or by hand from
 * old orders. A row the engine cannot read is named in the journal and left out; nothing is guessed.
 */
export function readApproved(sheet: string, table: Table, registry: SchoolRegistry, journal: Journal): ApprovedLists {
  const lists: ApprovedLists = { sheet, byYear: new Map(), rowsOfYear: new Map() };
  if (table.every(isBlankRow)) return lists;
  const header = findHeader(table, APPROVED_COLUMNS);
  const col = header.columns;
  const missing = header.missing.map((m) => m.label);
  if (col.code === undefined && col.name === undefined) missing.push('Код ОО / Наименование ОО');
  if (missing.length > 0) {
    for (const m of missing) journal.error(sheet, `Не найден столбец «${m}».`, { action: HISTORY_TEXT.approvedIgnored });
    return lists;
  }
  const at = (row: Cell[], c: number | undefined): string => (c === undefined ? '' : cellText(row[c] ?? null));
  for (let i = header.headerRow + 1; i < table.length; i++) {
    const row = table[i];
    if (isBlankRow(row)) continue;
    const rowNo = i + 1;
    const yearText = at(row, col.year);
    const year = parseSchoolYear(row[col.year as number] ?? null);
    if (!year) {
      journal.error(sheet, yearText ? `Учебный год «${quote(yearText)}» не распознан.` : 'Не указан учебный год.', { row: rowNo, action: HISTORY_TEXT.rowIgnored });
      continue;
    }
    let ofYear = lists.byYear.get(year.year);
    if (!ofYear) lists.byYear.set(year.year, (ofYear = new Map()));
    const rows = lists.rowsOfYear.get(year.year) ?? [];
    rows.push(rowNo);
    lists.rowsOfYear.set(year.year, rows);
    // The row «Зафиксировать» writes for a year whose list was empty: the year is recorded, no school is on it.
    if (at(row, col.code) === '' && at(row, col.name) === HISTORY_TEXT.emptyList) continue;
    const school = resolveSchool(registry, at(row, col.code), at(row, col.name), journal, sheet, rowNo);
    if (!school) continue;
    const categoryText = at(row, col.category);
    const category = parseCategory(categoryText);
    if (!category) {
      journal.error(sheet, HISTORY_TEXT.badCategory(quote(categoryText)), { row: rowNo, school: school.name, action: HISTORY_TEXT.rowIgnored });
      continue;
    }
    const earlier = ofYear.get(school.id);
    if (earlier) {
      if (earlier.category !== category) {
        journal.error(sheet, HISTORY_TEXT.repeatedSchool(year.year, earlier.row, earlier.category, category), { row: rowNo, school: school.name, action: HISTORY_TEXT.firstKept });
      }
      continue;
    }
    ofYear.set(school.id, { row: rowNo, year: year.year, school, category, order: at(row, col.order) });
  }
  return lists;
}

/** What «Зафиксировать перечень года» appends: the rows, or why nothing can be appended. */
export type RecordPlan =
  | { ok: true; sheet: string; createSheet: boolean; startRow: number; values: Cell[][]; year: string; schools: number }
  | { ok: false; message: string };

/**
 * The current year's list as rows of «Перечни прошлых лет» (appended under the last row, the sheet
 * created with its header when absent). A year already recorded is never replaced.
 */
export function planRecord(
  year: string | null,
  listed: { school: School; category: Category }[],
  approved: ApprovedLists | null,
  table: Table | null,
  order: string,
): RecordPlan {
  if (!year) return { ok: false, message: HISTORY_TEXT.noYear };
  const recorded = approved?.rowsOfYear.get(year);
  if (recorded) return { ok: false, message: HISTORY_TEXT.alreadyRecorded(year, recorded, approved?.sheet ?? SHEETS.approved) };
  const rows: Cell[][] = listed.map(({ school, category }) => [year, school.code, school.name, category, order.trim()]);
  if (rows.length === 0) rows.push([year, '', HISTORY_TEXT.emptyList, '', order.trim()]);
  const exists = table !== null;
  const hasContent = exists && !table.every(isBlankRow);
  const values = hasContent ? rows : [[...HISTORY_TEXT.approvedHeader], ...rows];
  return { ok: true, sheet: approved?.sheet ?? SHEETS.approved, createSheet: !exists, startRow: hasContent ? lastRow(table) + 1 : 1, values, year, schools: listed.length };
}

function lastRow(table: Table): number {
  for (let i = table.length - 1; i >= 0; i--) if (!isBlankRow(table[i])) return i + 1;
  return 0;
}
