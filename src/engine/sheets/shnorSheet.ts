import { Analysis, SchoolOutcome } from '../analyze';
import { previousSchoolYear } from '../parse';
import { ResultRecord } from '../shnor/results';
import { failedShare, isLow } from '../shnor/judge';
import { CATEGORY, CUTOFF_LABELS, SHEETS, STATUS_LABELS, SUPPORT_LIST_NOTE, YES } from '../strings';
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

  const records = new Map<string, ResultRecord>();
  for (const r of a.results?.records ?? []) records.set(`${r.school.id}|${r.procedure.name}|${r.year}`, r);
  const conflicts = new Set((a.results?.conflicts ?? []).map((c) => `${c.school.id}|${c.procedure.name}|${c.year}`));

  const sorted = [...a.schools].sort(byShnorThenName);
  for (const o of sorted) {
    const v = o.shnor;
    const cells: (string | number)[] = [o.school.code, o.school.name];
    const lowCols: number[] = [];
    const formats: (string | null)[] = [null, null];
    procedures.forEach((p, i) => {
      [prev, year].forEach((y, j) => {
        const key = `${o.school.id}|${p}|${y}`;
        const r = records.get(key);
        const share = r ? failedShare(r) : null;
        cells.push(conflicts.has(key) ? 'противоречие' : share === null ? 'нет данных' : share);
        formats.push(FORMATS.percent);
        if (r && isLow(r, t)) lowCols.push(2 + i * 2 + j);
      });
    });
    cells.push(v?.criterion1 ? YES : '', v?.criterion2 ? YES : '', v?.shnor ? YES : '', v ? STATUS_LABELS[v.status] : '', v?.justification ?? '');
    const row = b.row(cells, { formats, bg: v?.shnor ? COLORS.shnor : null });
    for (const c of lowCols) b.highlight(row, c, COLORS.low);
    if (v?.status === 'needs-check') b.highlight(row, width - 2, COLORS.error);
  }
  b.freeze(sub + 1);
  b.widths([90, 260, ...procedures.flatMap(() => [80, 80]), 80, 80, 60, 110, 520]);
  b.wrap(width - 1);
  return b.build();
}

function byShnorThenName(x: SchoolOutcome, y: SchoolOutcome): number {
  return Number(y.shnor?.shnor ?? false) - Number(x.shnor?.shnor ?? false) || x.school.name.localeCompare(y.school.name, 'ru');
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

/** «Перечень ШНОР и ШНСУ»: the list for the order's appendix. */
export function listSheet(a: Analysis, generatedAt: string): GeneratedSheet {
  const b = new SheetBuilder(SHEETS.list, generatedAt, 5);
  const title = b.row([`Перечень школ с низкими образовательными результатами (ШНОР) и школ, функционирующих в неблагоприятных социальных условиях (ШНСУ)${a.year ? `, по итогам ${a.year} учебного года` : ''}`], { bold: true });
  b.merge(title, 0, 1, 5);
  const note = b.row([SUPPORT_LIST_NOTE]);
  b.merge(note, 0, 1, 5);
  b.blank();
  const head = b.header(['№ п/п', 'Код ОО', 'Наименование ОО', 'Категория', 'Основания']);
  const listed = a.schools
    .map((o) => ({ o, category: categoryOf(o) }))
    .filter((x): x is { o: SchoolOutcome; category: string } => x.category !== null)
    .sort((x, y) => order(x.category) - order(y.category) || x.o.school.name.localeCompare(y.o.school.name, 'ru'));
  const withIndex = a.schools.filter((s) => s.isbsh !== null).length;
  listed.forEach(({ o, category }, i) => {
    const reasons = [o.shnor?.shnor ? o.shnor.justification : '', o.shnsu ? shnsuReason(o, a, withIndex) : ''].filter(Boolean).join(' ');
    const bg = category === CATEGORY.both ? COLORS.both : category === CATEGORY.shnor ? COLORS.shnor : COLORS.shnsu;
    b.row([i + 1, o.school.code, o.school.name, category, reasons], { bg: [null, null, null, bg, null] });
  });
  if (listed.length === 0) b.row(['', '', 'Школ, отвечающих критериям, не выявлено.']);
  b.blank();
  const count = (c: string) => listed.filter((x) => x.category === c).length;
  b.row([`Итого: ШНОР — ${count(CATEGORY.shnor) + count(CATEGORY.both)}, ШНСУ — ${count(CATEGORY.shnsu) + count(CATEGORY.both)}, из них одновременно ШНОР и ШНСУ — ${count(CATEGORY.both)}.`]);
  const needsCheck = a.schools.filter((o) => o.shnor?.status === 'needs-check');
  if (needsCheck.length > 0) b.row([`Требуют проверки данных (противоречивые результаты не учтены): ${needsCheck.map((o) => o.school.name).join('; ')}.`]);
  const noData = a.schools.filter((o) => o.shnor?.status === 'no-data');
  if (noData.length > 0) b.row([`Нет результатов за ${a.year ? `${previousSchoolYear(a.year)} и ${a.year}` : 'два последних года'} (нужны данные): ${noData.map((o) => o.school.name).join('; ')}.`]);
  const noIndex = a.schools.filter((o) => o.isbsh === null);
  if (noIndex.length > 0) b.row([`ИСБШ не рассчитан (анкета не заполнена / содержит ошибки): ${noIndex.map((o) => o.school.name).join('; ')}.`]);
  b.freeze(head + 1);
  b.widths([50, 90, 280, 120, 620]);
  b.wrap(2, 4);
  b.print({ header: yearHeader(a.year), fitColumns: true });
  return b.build();
}

function order(category: string): number {
  return category === CATEGORY.both ? 0 : category === CATEGORY.shnor ? 1 : 2;
}
