import { Analysis } from '../analyze';
import { STATUS_TEXT, isListed } from '../indicators/evaluate';
import { CUTOFF_P } from '../settings';
import { analyticNote } from '../summary/analyticNote';
import { isbshPoints, isbshValueAxis } from '../summary/isbshChart';
import { ListChanges, ListComparison } from '../summary/listChanges';
import { nameList } from '../summary/nameList';
import { CATEGORY, CHART_HEADERS, CUTOFF_LABELS, ROADMAP_SUMMARY, SHEETS, SUMMARY_TITLES, SUPPORT_LIST_NOTE } from '../strings';
import { formatNumber } from '../text';
import { COLORS, FORMATS, GeneratedSheet, SheetBuilder, yearHeader } from './generated';
import { STATUS_COLORS } from './indicatorsSheet';
import type { RoadmapCheck } from '../roadmap/check';
import { contextSummaryRows } from '../context/summary';
import { CONTEXT_TEXT } from '../strings';
import { categoryOf } from './shnorSheet';

const WIDTH = 3;
/** Blank rows the native chart covers in the add-on (≈ 21 px each). */
const CHART_ROWS = 20;
const CHART_SIZE = { width: 760, height: 400 };

/** «Сводка» (DESIGN §3.2): counts, changes of the list, targets not reached, the analytic note and the ИСБШ chart. */
export function summarySheet(a: Analysis, changes: ListChanges | null, generatedAt: string): GeneratedSheet {
  const b = new SheetBuilder(SHEETS.summary, generatedAt, WIDTH);
  b.row([`${SUMMARY_TITLES.sheet}${a.year ? ` — ${a.year} учебный год` : ''}`], { bold: true });
  b.row([SUPPORT_LIST_NOTE]);

  const section = (title: string) => {
    b.blank();
    b.row([title], { bold: true, bg: COLORS.header });
  };
  const count = (f: (o: Analysis['schools'][number]) => boolean) => a.schools.filter(f).length;

  section(SUMMARY_TITLES.counts);
  b.row([CATEGORY.shnor, count((o) => o.shnor?.shnor === true)], { bg: [COLORS.shnor, null, null] });
  b.row([CATEGORY.shnsu, count((o) => o.shnsu)], { bg: [COLORS.shnsu, null, null] });
  b.row([`Одновременно ${CATEGORY.both}`, count((o) => categoryOf(o) === CATEGORY.both)], { bg: [COLORS.both, null, null] });
  b.row(['Всего в перечне', count(isListed)], { bold: true });
  b.row(['Школ в муниципалитете', a.schools.length]);
  b.row(['ИСБШ рассчитан', count((o) => o.isbsh !== null)]);
  if (a.cutoff !== null) {
    b.row([`Граница ШНСУ (${CUTOFF_LABELS[a.settings.cutoff]}, p = ${formatNumber(CUTOFF_P[a.settings.cutoff], 2)})`, a.cutoff], { formats: [null, FORMATS.index] });
  }

  section(changes ? `${SUMMARY_TITLES.changes} (${changes.previousYear})` : SUMMARY_TITLES.changes);
  if (!changes) b.row(['Год анализа не определён: сравнение невозможно.']);
  else {
    changeRows(b, SUMMARY_TITLES.wholeList, changes.list);
    changeRows(b, CATEGORY.shnor, changes.shnor);
    changeRows(b, CATEGORY.shnsu, changes.shnsu);
    if (changes.longOnList.length > 0) b.row([`${SUMMARY_TITLES.longOnList}: ${nameList(changes.longOnList)}`, changes.longOnList.length]);
    for (const r of changes.remarks) b.row([r]);
  }

  section(SUMMARY_TITLES.notReached);
  b.row(['Показатель', 'Значение', 'Целевое значение'], { bold: true });
  const notReached = a.indicators.filter((r) => r.status === 'not-reached');
  for (const r of notReached) {
    const row = b.row([`${r.indicator.id} ${r.indicator.short}`, r.value ?? '', r.target / 100], { formats: [null, '0.0%', '0%'] });
    b.note(row, 0, r.indicator.text);
    b.highlight(row, 1, STATUS_COLORS['not-reached']);
  }
  if (notReached.length === 0) b.row([a.indicators.some((r) => r.status === 'reached') ? 'Все показатели с данными достигнуты.' : 'Нет показателей с данными.']);
  const noData = a.indicators.filter((r) => r.status === 'no-data');
  if (noData.length > 0) {
    const row = b.row([`${SUMMARY_TITLES.noData} (${STATUS_TEXT['no-data']}): ${noData.map((r) => r.indicator.id).join(', ')}.`]);
    b.highlight(row, 0, COLORS.noData);
  }

  if (a.roadmap) roadmapRows(b, section, a.roadmap);

  section(SUMMARY_TITLES.note);
  for (const p of analyticNote(a, changes)) b.row([p]);

  section(CONTEXT_TEXT.summaryTitle);
  for (const r of contextSummaryRows(a)) b.row(r);

  section(SUMMARY_TITLES.chart);
  b.print({ pageBreaks: [b.rowCount - 1] });
  const points = isbshPoints(a);
  let chartAnchor = -1;
  if (points.length === 0) b.row(['ИСБШ не рассчитан ни для одной школы: диаграмма не построена.']);
  else {
    chartAnchor = b.row(['Диаграмма ИСБШ по школам с границей ШНСУ (командная строка записывает её и файлом SVG рядом с книгой). Данные — в таблице ниже.']);
    for (let i = 1; i < CHART_ROWS; i++) b.blank();
  }
  const head = points.length > 0 ? b.header([...CHART_HEADERS]) : -1;
  for (const p of points) {
    b.row([p.name, p.value, a.cutoff ?? ''], { formats: [null, FORMATS.index, FORMATS.index], bg: [p.shnsu ? COLORS.shnsu : null, null, null] });
  }
  b.widths([640, 120, 130]);
  b.wrap(0);
  b.print({ header: yearHeader(a.year), repeatRows: null });
  const sheet = b.build();
  if (points.length > 0) {
    sheet.chart = {
      title: `${SUMMARY_TITLES.chart}${a.year ? `, ${a.year}` : ''}`,
      headerRow: head,
      column: 0,
      rows: points.length,
      columns: CHART_HEADERS.length,
      lineSeries: [1],
      valueAxis: isbshValueAxis(points, a.cutoff),
      anchorRow: chartAnchor,
      anchorColumn: 0,
      ...CHART_SIZE,
    };
  }
  return sheet;
}

/** Counts of «Дорожная карта» (issue 15): measures by track and what is incomplete. */
function roadmapRows(b: SheetBuilder, section: (title: string) => void, r: RoadmapCheck): void {
  section(ROADMAP_SUMMARY.title(r.sheet));
  if (!r.recognized) {
    b.row([ROADMAP_SUMMARY.unrecognized]);
    return;
  }
  b.row([ROADMAP_SUMMARY.rows, r.rows]);
  for (const t of [1, 2, 3] as const) b.row([ROADMAP_SUMMARY.track(t), r.rowsByTrack[t]]);
  const flagged = (label: string, n: number) => {
    const row = b.row([label, n]);
    if (n > 0) b.highlight(row, 1, COLORS.warning);
    return row;
  };
  const without = flagged(ROADMAP_SUMMARY.withoutMeasures, r.schoolsWithoutMeasures.length);
  if (r.schoolsWithoutMeasures.length > 0) b.note(without, 0, nameList(r.schoolsWithoutMeasures.map((s) => s.name), '; '));
  flagged(ROADMAP_SUMMARY.incomplete, r.incompleteRows);
  flagged(ROADMAP_SUMMARY.unreadable, r.unreadableDeadlines.length);
  if (r.today) flagged(ROADMAP_SUMMARY.overdue(r.today.split('-').reverse().join('.')), r.overdue.length);
}

function changeRows(b: SheetBuilder, label: string, c: ListComparison): void {
  if (!c.available) {
    b.row([`${label}: сравнение невозможно — ${c.reason}.`]);
    return;
  }
  const names = (list: string[]) => (list.length ? `: ${nameList(list)}` : '');
  b.row([`${label} — вошли в перечень${names(c.entered)}`, c.entered.length]);
  b.row([`${label} — вышли из перечня${names(c.left)}`, c.left.length]);
  b.row([`${label} — остались в перечне${names(c.stayed)}`, c.stayed.length]);
}
