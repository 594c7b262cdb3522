import { Analysis, SchoolOutcome } from '../analyze';
import { previousSchoolYear } from '../parse';
import { ResultRecord, resultsOf } from '../shnor/results';
import type { School } from '../schools/registry';
import { failedShare, isLow } from '../shnor/judge';
import { CATEGORY, CUTOFF_LABELS, HEADERS, SHEETS, STATUS_LABELS, SUPPORT_LIST_NOTE, YES } from '../strings';
import { formatNumber } from '../text';
import { COLORS, FORMATS, GeneratedSheet, SheetBuilder, yearHeader } from './generated';

/** «ШНОР»: per school the failed share per selected procedure for Y−1 and Y, К1, К2, ШНОР, status, justification. */
export function shnorSheet(a: Analysis, generatedAt: string): GeneratedSheet {
  const procedures = Object.keys(a.settings.procedures).filter((p) => a.settings.procedures[p]);
  const width = 2 + procedures.length * 2 + 5;
  const b = new SheetBuilder(SHEETS.shnor, generatedAt, width);
  b.print({ header: yearHeader(a.year), repeatColumns: { first: 0, last: 1 } });
  if (!a.year) {
    b.row(['Нет результатов оценочных процедур: ШНОР не определены. Заполните лист «Результаты ОП».']);
    return b.build();
  }
  const year = a.year;
  const prev = previousSchoolYear(year);
  const t = a.settings.threshold;
  b.row([`Учебный год анализа: ${year} (предыдущий: ${prev}). Низкий результат — не справились не менее ${formatNumber(t, Number.isInteger(t) ? 0 : 1)} % участников (выделено цветом).`]);
  b.row([`Критерий 1 — низкие результаты не менее чем по двум процедурам в ${year}. Критерий 2 — хотя бы по одной процедуре в каждом из годов ${prev} и ${year}${a.settings.sameProcedure ? ' (по одной и той же процедуре)' : ''}. ${SUPPORT_LIST_NOTE}`]);
  b.blank();
  const tail = ['Критерий 1', 'Критерий 2', CATEGORY.shnor, 'Статус', 'Обоснование'];
  const top = b.header(['Код ОО', 'Наименование ОО', ...procedures.flatMap((p) => [p, '']), ...tail]);
  const sub = b.header(['', '', ...procedures.flatMap(() => [prev, year]), '', '', '', '', '']);
  b.merge(top, 0, 2, 1);
  b.merge(top, 1, 2, 1);
  procedures.forEach((_, i) => b.merge(top, 2 + i * 2, 1, 2));
  tail.forEach((_, i) => b.merge(top, 2 + procedures.length * 2 + i, 2, 1));

  // Per school, its record and conflict for each procedure and year column (one pass over its results).
  const column = new Map(procedures.map((p, i) => [p, i * 2]));
  const slotOf = (procedure: string, y: string): number | undefined => {
    const c = y === year ? 1 : y === prev ? 0 : -1;
    const p = column.get(procedure);
    return c < 0 || p === undefined ? undefined : p + c;
  };
  const cells = procedures.length * 2;
  const found: (ResultRecord | null)[] = new Array(cells);
  const disputed: boolean[] = new Array(cells);
  const formats: (string | null)[] = [null, null, ...new Array<string>(cells).fill(FORMATS.percent)];

  const byName = a.registry.schoolsByName();
  const sorted = [...a.schools].sort((x, y) => Number(y.shnor?.shnor ?? false) - Number(x.shnor?.shnor ?? false) || byName(x.school, y.school));
  for (const o of sorted) {
    const v = o.shnor;
    found.fill(null);
    disputed.fill(false);
    const own = resultsOf(a.results, o.school);
    for (const r of own.records) {
      const slot = slotOf(r.procedure.name, r.year);
      if (slot !== undefined) found[slot] = r;
    }
    for (const c of own.conflicts) {
      const slot = slotOf(c.procedure.name, c.year);
      if (slot !== undefined) disputed[slot] = true;
    }
    const row: (string | number)[] = [o.school.code, o.school.name];
    const lowCols: number[] = [];
    for (let k = 0; k < cells; k++) {
      const r = found[k];
      const share = r ? failedShare(r) : null;
      row.push(disputed[k] ? 'противоречие' : share === null ? 'нет данных' : share);
      if (r && isLow(r, t)) lowCols.push(2 + k);
    }
    row.push(v?.criterion1 ? YES : '', v?.criterion2 ? YES : '', v?.shnor ? YES : '', v ? STATUS_LABELS[v.status] : '', v?.justification ?? '');
    const at = b.row(row, { formats, bg: v?.shnor ? COLORS.shnor : null });
    for (const c of lowCols) b.highlight(at, c, COLORS.low);
    if (v?.status === 'needs-check') b.highlight(at, width - 2, COLORS.error);
  }
  b.freeze(sub + 1);
  b.widths([90, 260, ...procedures.flatMap(() => [80, 80]), 80, 80, 60, 110, 520]);
  b.wrap(width - 1);
  return b.build();
}

/** The category of a school in the order's appendix, or null when it is in neither list. */
export function categoryOf(o: SchoolOutcome): string | null {
  const shnor = o.shnor?.shnor === true;
  if (shnor && o.shnsu) return CATEGORY.both;
  if (shnor) return CATEGORY.shnor;
  if (o.shnsu) return CATEGORY.shnsu;
  return null;
}

/** «ИСБШ 58,30 не выше границы 61,25 (нижний квартиль); ранг 2 из 20». */
export function shnsuReason(o: SchoolOutcome, a: Analysis, valid = a.schools.filter((s) => s.isbsh !== null).length): string {
  return `ШНСУ: ИСБШ ${formatNumber(o.isbsh as number, 2)} не выше границы ${formatNumber(a.cutoff as number, 2)} (${CUTOFF_LABELS[a.settings.cutoff]}); ранг ${o.isbshRank} из ${valid}.`;
}

/** One row of «Перечень ШНОР и ШНСУ»: the sheet and the order's appendix in the справка are built from these. */
export interface ListRow {
  school: School;
  number: number;
  code: string;
  name: string;
  category: string;
  reasons: string;
}

/** The list for the order's appendix: ШНОР и ШНСУ first, then ШНОР, then ШНСУ, each by name. */
export function listRows(a: Analysis): ListRow[] {
  const withIndex = a.schools.filter((s) => s.isbsh !== null).length;
  const byName = a.registry.schoolsByName();
  return a.schools
    .map((o) => ({ o, category: categoryOf(o) }))
    .filter((x): x is { o: SchoolOutcome; category: string } => x.category !== null)
    .sort((x, y) => order(x.category) - order(y.category) || byName(x.o.school, y.o.school))
    .map(({ o, category }, i) => ({
      school: o.school,
      number: i + 1,
      code: o.school.code,
      name: o.school.name,
      category,
      reasons: [o.shnor?.shnor ? o.shnor.justification : '', o.shnsu ? shnsuReason(o, a, withIndex) : '', o.shnor?.shnor ? '' : o.objectivityRemarks.join(' ')].filter(Boolean).join(' '),
    }));
}

/** The title above the list (sheet and appendix). */
export function listTitle(year: string | null): string {
  return `Перечень школ с низкими образовательными результатами (ШНОР) и школ, функционирующих в неблагоприятных социальных условиях (ШНСУ)${year ? `, по итогам ${year} учебного года` : ''}`;
}

export const NO_LISTED_SCHOOLS = 'Школ, отвечающих критериям, не выявлено.';

/** «Итого: ШНОР — 7, ШНСУ — 5, из них одновременно ШНОР и ШНСУ — 2.» */
export function listTotals(rows: ListRow[]): string {
  const count = (c: string) => rows.filter((r) => r.category === c).length;
  return `Итого: ШНОР — ${count(CATEGORY.shnor) + count(CATEGORY.both)}, ШНСУ — ${count(CATEGORY.shnsu) + count(CATEGORY.both)}, из них одновременно ШНОР и ШНСУ — ${count(CATEGORY.both)}.`;
}

/** Schools the list cannot speak for yet: conflicting results, no results, no index. */
export function listCaveats(a: Analysis): string[] {
  const out: string[] = [];
  const needsCheck = a.schools.filter((o) => o.shnor?.status === 'needs-check');
  if (needsCheck.length > 0) out.push(`Требуют проверки данных (противоречивые результаты не учтены): ${needsCheck.map((o) => o.school.name).join('; ')}.`);
  const noData = a.schools.filter((o) => o.shnor?.status === 'no-data');
  if (noData.length > 0) out.push(`Нет результатов за ${a.year ? `${previousSchoolYear(a.year)} и ${a.year}` : 'два последних года'} (нужны данные): ${noData.map((o) => o.school.name).join('; ')}.`);
  const noIndex = a.schools.filter((o) => o.isbsh === null);
  if (noIndex.length > 0) out.push(`ИСБШ не рассчитан (анкета не заполнена / содержит ошибки): ${noIndex.map((o) => o.school.name).join('; ')}.`);
  return out;
}

/** «Перечень ШНОР и ШНСУ»: the list for the order's appendix. */
export function listSheet(a: Analysis, generatedAt: string): GeneratedSheet {
  const b = new SheetBuilder(SHEETS.list, generatedAt, 5);
  const title = b.row([listTitle(a.year)], { bold: true });
  b.merge(title, 0, 1, 5);
  const note = b.row([SUPPORT_LIST_NOTE]);
  b.merge(note, 0, 1, 5);
  b.blank();
  const head = b.header([...HEADERS.list]);
  const rows = listRows(a);
  for (const r of rows) b.row([r.number, r.code, r.name, r.category, r.reasons], { bg: CATEGORY_BG[r.category] });
  if (rows.length === 0) b.row(['', '', NO_LISTED_SCHOOLS]);
  b.blank();
  b.row([listTotals(rows)]);
  for (const line of listCaveats(a)) b.row([line]);
  b.freeze(head + 1);
  b.widths([50, 90, 280, 120, 620]);
  b.wrap(2, 4);
  b.print({ header: yearHeader(a.year), fitColumns: true });
  return b.build();
}

const CATEGORY_BG: Record<string, (string | null)[]> = {
  [CATEGORY.both]: [null, null, null, COLORS.both, null],
  [CATEGORY.shnor]: [null, null, null, COLORS.shnor, null],
  [CATEGORY.shnsu]: [null, null, null, COLORS.shnsu, null],
};

function order(category: string): number {
  return category === CATEGORY.both ? 0 : category === CATEGORY.shnor ? 1 : 2;
}
