import type { Analysis, SchoolOutcome } from '../analyze';
import { STATUS_TEXT, isListed } from '../indicators/evaluate';
import { municipalityName } from '../municipality';
import { previousSchoolYear } from '../parse';
import { CUTOFF_P } from '../settings';
import { ListRow, NO_LISTED_SCHOOLS, categoryOf, listCaveats, listRows, listTitle, listTotals } from '../sheets/shnorSheet';
import { analyticNote } from '../summary/analyticNote';
import { RoadmapRow, roadmapDocumentRows } from '../roadmap/document';
import { isbshPoints } from '../summary/isbshChart';
import type { ListChanges, ListComparison } from '../summary/listChanges';
import { CATEGORY, CUTOFF_LABELS, DOCUMENT_TEXT, POPULATION_LABELS, PRODUCT_NAME, SHEETS, SUMMARY_TITLES, SUPPORT_LIST_NOTE } from '../strings';
import { formatNumber, formatPercent } from '../text';
import { bold, chart, heading, italic, list, pageBreak, paragraph, table } from './blocks';
import { Block, DocumentSection, ReportDocument, Run } from './model';

export type { RoadmapRow };

export interface SpravkaInput {
  analysis: Analysis;
  /** The list of Y against Y−1, as «Сводка» shows it (`Report.listChanges`). */
  listChanges: ListChanges | null;
  /** The shell's local time text, as in the generated sheets: «15.01.2026 10:00». */
  generatedAt: string;
  /** Where the data came from, in the genitive: «таблицы «…»», «книги «…»». */
  source: string;
  /** The roadmap's rows; by default those of `analysis.roadmap` (null: no roadmap section). */
  roadmap?: RoadmapRow[] | null;
}

const T = DOCUMENT_TEXT;

/**
 * «Аналитическая справка» (DESIGN §3.4, seed 001): title, the method with the settings used, the
 * counts, the chart, the analytic note, the indicators not reached, the list's changes, an optional
 * roadmap, the signature, and «Приложение к приказу» — exactly the rows of «Перечень ШНОР и ШНСУ».
 */
export function spravkaDocument(input: SpravkaInput): ReportDocument {
  const a = input.analysis;
  const municipality = municipalityName(a.settings, a.registry);
  const rows = listRows(a);
  const sections: DocumentSection[] = [
    { id: 'title', blocks: titleBlocks(a, municipality, input) },
    { id: 'method', blocks: methodBlocks(a) },
    { id: 'counts', blocks: countsBlocks(a) },
    { id: 'chart', blocks: chartBlocks(a) },
    { id: 'note', blocks: [heading(1, T.sections.note), ...analyticNote(a, input.listChanges).map((p) => paragraph(p))] },
    { id: 'indicators', blocks: indicatorBlocks(a) },
    { id: 'changes', blocks: changesBlocks(a, input.listChanges) },
  ];
  // Without rows given, the roadmap the analysis checked (issue 15): none when the workbook has no «Дорожная карта».
  const roadmap = input.roadmap !== undefined ? input.roadmap : roadmapDocumentRows(a.roadmap);
  if (roadmap) sections.push({ id: 'roadmap', blocks: roadmapBlocks(roadmap) });
  sections.push({ id: 'signature', blocks: T.signature.map((line) => paragraph(line, { align: 'left' })) });
  sections.push({ id: 'appendix', blocks: appendixBlocks(a, municipality, rows) });
  return {
    name: T.name(municipality, a.year, input.generatedAt),
    title: `${T.title} ${T.subtitle}`,
    subject: [municipality, T.period(a.year)].filter(Boolean).join(', '),
    creator: PRODUCT_NAME,
    sections,
  };
}

/** The columns of «Приложение к приказу» and the cells of one row, from a row of «Перечень». */
export const APPENDIX_COLUMNS: [string, number][] = [
  [T.appendixColumns[0], 8],
  [T.appendixColumns[1], 29],
  [T.appendixColumns[2], 15],
  [T.appendixColumns[3], 48],
];

export function appendixCells(r: ListRow): string[] {
  return [String(r.number), `${r.name} (код ${r.code})`, r.category, r.reasons];
}

function titleBlocks(a: Analysis, municipality: string | null, input: SpravkaInput): Block[] {
  return [
    heading(0, T.title),
    paragraph(bold(T.subtitle), { align: 'center' }),
    paragraph(municipality ? bold(municipality) : T.municipalityBlank, { align: 'center' }),
    paragraph(T.period(a.year), { align: 'center' }),
    paragraph(italic(T.madeBy(input.generatedAt, input.source)), { align: 'center', style: 'small' }),
  ];
}

/** Ends a sentence with a full stop unless it already ends with one («… 8 кл.»). */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

const number = (v: number) => (Number.isInteger(v) ? String(v) : formatNumber(v, 2).replace(/,?0+$/, ''));

function methodBlocks(a: Analysis): Block[] {
  const s = a.settings;
  const t = `${number(s.threshold)} %`;
  const on = Object.keys(s.procedures).filter((p) => s.procedures[p]);
  const off = Object.keys(s.procedures).filter((p) => !s.procedures[p]);
  const w = s.weights;
  const year = a.year;
  const prev = year ? previousSchoolYear(year) : null;
  const items = [
    `Низкий результат по процедуре — не справились не менее ${t} участников (сравнение без округления); если указан только процент — не ниже ${t}. Пересдачи и результаты выпускников прошлых лет не учитываются; при отсутствии участников — «нет данных».`,
    `ШНОР — школа, отвечающая хотя бы одному критерию. Критерий 1: низкие результаты не менее чем по двум процедурам в ${year ?? 'году анализа'}. Критерий 2: низкие результаты хотя бы по одной процедуре и в ${prev ?? 'предыдущем году'}, и в ${year ?? 'году анализа'}${s.sameProcedure ? ', по одной и той же процедуре' : ''}.`,
    [sentence(`Процедуры, по которым определяются ШНОР: ${on.length ? on.join(', ') : 'ни одна не выбрана'}`), off.length ? sentence(`Не учитываются: ${off.join(', ')}`) : ''].filter(Boolean).join(' '),
    `Низкий результат при числе участников меньше ${s.minSample} учитывается, но отмечается как «малая выборка» с 95 % доверительным интервалом Уилсона.`,
    `ИСБШ = ${number(w.constant)} + ${number(w.higher)}·h − ${number(w.singleParent)}·s − ${number(w.register)}·r, где h — доля обучающихся из семей, где оба родителя имеют высшее образование, s — из неполных семей, r — состоящих на различных видах учёта; по последнему ответу школы на анкету.`,
    `ШНСУ — школа, чей ИСБШ не выше границы: ${CUTOFF_LABELS[s.cutoff]} распределения ИСБШ школ муниципалитета (ПРОЦЕНТИЛЬ.ВКЛ с p = ${formatNumber(CUTOFF_P[s.cutoff], 2)}${a.cutoff !== null ? `; граница ${formatNumber(a.cutoff, 2)}` : '; граница не рассчитана'}).`,
  ];
  return [
    heading(1, T.sections.method),
    paragraph(`Перечень сформирован по методике раздела 4 муниципальной программы поддержки ШНОР и ШНСУ. Учебный год анализа — ${year ?? 'не определён'}${prev ? `, предыдущий — ${prev}` : ''}. Параметры взяты из листа «${SHEETS.settings}».`),
    list(items),
    paragraph(italic(SUPPORT_LIST_NOTE), { style: 'small' }),
  ];
}

function countsBlocks(a: Analysis): Block[] {
  const count = (f: (o: SchoolOutcome) => boolean) => a.schools.filter(f).length;
  const shnor = count((o) => o.shnor?.shnor === true);
  const k1 = count((o) => o.shnor?.criterion1 === true);
  const k2 = count((o) => o.shnor?.criterion2 === true);
  const rows: string[][] = [
    ['Школ в муниципалитете', String(a.schools.length)],
    ['ИСБШ рассчитан', String(count((o) => o.isbsh !== null))],
    [`Граница ШНСУ (${CUTOFF_LABELS[a.settings.cutoff]})`, a.cutoff === null ? 'не рассчитана' : formatNumber(a.cutoff, 2)],
    [CATEGORY.shnor, a.year ? String(shnor) : 'не определялись'],
    ...(a.year ? [['в том числе по критерию 1', String(k1)], ['в том числе по критерию 2', String(k2)]] : []),
    [CATEGORY.shnsu, String(count((o) => o.shnsu))],
    [`Одновременно ${CATEGORY.both}`, String(count((o) => categoryOf(o) === CATEGORY.both))],
    ['Всего в перечне', String(count(isListed))],
    ['Требуют проверки данных', String(count((o) => o.shnor?.status === 'needs-check'))],
    ['Нет результатов за два года', String(count((o) => o.shnor?.status === 'no-data'))],
  ];
  return [
    heading(1, T.sections.counts),
    table('counts', [[T.countsColumns[0], 75], [T.countsColumns[1], 25, 'right']], rows),
    ...listCaveats(a).map((line) => paragraph(line, { style: 'small' })),
  ];
}

function chartBlocks(a: Analysis): Block[] {
  const points = isbshPoints(a);
  if (points.length === 0) return [heading(1, T.sections.chart), paragraph(T.noChart)];
  const cutoff = a.cutoff === null ? null : formatNumber(a.cutoff, 2);
  const shnsu = points.filter((p) => p.shnsu).length;
  const description = `Столбчатая диаграмма: ИСБШ ${points.length} школ от ${formatNumber(points[0].value, 2)} до ${formatNumber(points[points.length - 1].value, 2)}${cutoff ? `, граница ШНСУ ${cutoff}, ниже или на ней — ${shnsu} школ` : ''}.`;
  return [
    heading(1, T.sections.chart),
    chart(`ИСБШ по школам${a.year ? `, ${a.year}` : ''}`, description, T.figure(cutoff, CUTOFF_LABELS[a.settings.cutoff]), T.chartFallback),
  ];
}

function indicatorBlocks(a: Analysis): Block[] {
  const notReached = a.indicators.filter((r) => r.status === 'not-reached');
  const noData = a.indicators.filter((r) => r.status === 'no-data');
  const blocks: Block[] = [heading(1, T.sections.indicators)];
  if (notReached.length > 0) {
    const rows = notReached.map((r) => [
      r.indicator.id,
      r.indicator.text,
      r.value === null ? STATUS_TEXT['no-data'] : formatPercent(r.value),
      `${number(r.target)} %`,
      `${r.numerator} из ${r.denominator} (${POPULATION_LABELS[r.indicator.population]})`,
    ]);
    const cols = T.indicatorColumns;
    blocks.push(table('indicators', [[cols[0], 10], [cols[1], 50], [cols[2], 12, 'right'], [cols[3], 12, 'right'], [cols[4], 16]], rows, { repeatHeader: true, keepRowsWhole: true }));
  } else {
    blocks.push(paragraph(a.indicators.some((r) => r.status === 'reached') ? T.allReached : T.noIndicatorData));
  }
  if (noData.length > 0) {
    const fromMonitoring = noData.some((r) => r.indicator.source.kind !== 'dynamics');
    blocks.push(
      paragraph(
        `Нет данных (знаменатель равен нулю) по показателям: ${noData.map((r) => r.indicator.id).join(', ')}${fromMonitoring ? `. Чек-лист и численность педагогов берутся из листа «${SHEETS.monitoring}», который заполняет рабочая группа` : ''}.`,
        { style: 'small' },
      ),
    );
  }
  return blocks;
}

function comparisonItems(label: string, c: ListComparison): (string | Run[])[] {
  if (!c.available) return [`${label}: сравнение невозможно — ${c.reason}.`];
  const line = (what: string, names: string[]) => [bold(`${label} — ${what} (${names.length})`), { text: names.length ? sentence(`: ${names.join('; ')}`) : '.' }];
  return [line('вошли в перечень', c.entered), line('вышли из перечня', c.left), line('остались в перечне', c.stayed)];
}

function changesBlocks(a: Analysis, changes: ListChanges | null): Block[] {
  if (!changes) return [heading(1, T.sections.changes(a.year ? previousSchoolYear(a.year) : null)), paragraph(T.noYearChanges)];
  return [
    heading(1, T.sections.changes(changes.previousYear)),
    list([
      ...comparisonItems(SUMMARY_TITLES.wholeList, changes.list),
      ...comparisonItems(CATEGORY.shnor, changes.shnor),
      ...comparisonItems(CATEGORY.shnsu, changes.shnsu),
      ...(changes.longOnList.length > 0 ? [[bold(`${SUMMARY_TITLES.longOnList} (${changes.longOnList.length})`), { text: sentence(`: ${changes.longOnList.join('; ')}`) }]] : []),
    ]),
    ...changes.remarks.map((r) => paragraph(r, { style: 'small' })),
  ];
}

function roadmapBlocks(rows: RoadmapRow[]): Block[] {
  if (rows.length === 0) return [heading(1, T.sections.roadmap), paragraph(T.noRoadmap)];
  const c = T.roadmapColumns;
  const widths = [12, 14, 17, 19, 10, 13, 15];
  return [
    heading(1, T.sections.roadmap),
    table(
      'roadmap',
      c.map((title, i) => [title, widths[i]] as [string, number]),
      rows.map((r) => [r.track, r.school, r.task, r.measure, r.deadline, r.responsible, r.results]),
      { repeatHeader: true, keepRowsWhole: true },
    ),
  ];
}

function appendixBlocks(a: Analysis, municipality: string | null, rows: ListRow[]): Block[] {
  const blocks: Block[] = [pageBreak(), ...T.appendixHead.map((line) => paragraph(line, { align: 'right' }))];
  blocks.push(paragraph(bold(listTitle(a.year)), { align: 'center' }));
  if (municipality) blocks.push(paragraph(municipality, { align: 'center' }));
  blocks.push(paragraph(italic(SUPPORT_LIST_NOTE), { align: 'center', style: 'small' }));
  if (rows.length === 0) blocks.push(paragraph(NO_LISTED_SCHOOLS, { align: 'center' }));
  else blocks.push(table('appendix', APPENDIX_COLUMNS, rows.map(appendixCells), { repeatHeader: true, keepRowsWhole: true }));
  blocks.push(paragraph(listTotals(rows), { align: 'left' }));
  return blocks;
}
