import type { Analysis } from '../analyze';
import { axisRangeNear } from '../charts/scale';
import { CHART_COLORS } from '../charts/spec';
import { ContextAnalysis, SchoolContext, codeOrder, contextOf } from '../context/analysis';
import { deviationText } from '../context/summary';
import { CATEGORY, CONTEXT_SHEET, CONTEXT_TEXT, NO_QUESTIONNAIRE_REMARK, YES } from '../strings';
import { Cell } from '../table';
import { COLORS, FORMATS, GeneratedSheet, SheetBuilder } from './generated';
import { categoryOf } from './shnorSheet';

const HEADER = CONTEXT_TEXT.tableHeader;
const WIDTH = HEADER.length;
/** 0-based columns of the table of schools (the formulas and the chart read them). */
const COL = { code: 0, name: 1, isbsh: 2, share: 3, expected: 4, residual: 5, participants: 6, failed: 7, category: 8, below: 9, resilient: 10, leader: 11, pair: 12, note: 13, chartShnor: 14, chartResilient: 15 } as const;

const SHARE = FORMATS.percent;
const RESIDUAL = '+0.0%;-0.0%;0.0%';
const ROW_FORMATS: (string | null)[] = [null, null, FORMATS.index, SHARE, SHARE, RESIDUAL, FORMATS.integer, null, null, null, null, null, null, null, SHARE, SHARE];
const PAIR_FORMATS: (string | null)[] = [null, null, FORMATS.index, SHARE, null, FORMATS.index, SHARE, FORMATS.index];
const MODEL_FORMATS = {
  share: [null, '0.0000'],
  slope: [null, '0.000000'],
  r2: [null, '0.0000'],
  count: [null, FORMATS.integer],
  quartile: [null, SHARE],
  plain: [null, null],
} as const;

/** Rows the native chart (and the CLI's picture) covers, about 21 px each. */
const CHART_ROWS = 27;
const CHART_SIZE = { width: 636, height: 552 };

/** «C», «AB»: the letters of a 0-based column. */
function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function range(col: number, first: number, last: number): string {
  const c = columnLetters(col);
  return `${c}${first + 1}:${c}${last + 1}`;
}

/**
 * «Контекст» (issue 14, DESIGN §2.7): the model's a, b, n, R² with the formulas that recheck them, the
 * chart, the pairs «ШНОР → школа-лидер», and every school's p, p̂ and residual, sorted by residual. The
 * schools of the model stand first, then those with p but without ИСБШ, then those without p: the
 * formulas cover exactly the rows they should.
 */
export function contextSheet(a: Analysis, generatedAt: string): GeneratedSheet {
  const c = contextOf(a);
  const b = new SheetBuilder(CONTEXT_SHEET, generatedAt, WIDTH);
  b.row([CONTEXT_TEXT.title(c.year)], { bold: true });
  b.row([CONTEXT_TEXT.statement], { bold: true });
  b.widths([90, 320, 70, 95, 95, 95, 90, 90, 110, 100, 100, 90, 280, 260, 80, 100]);
  b.wrap(1, COL.pair, COL.note);
  if (!c.year || !a.results) {
    b.row([CONTEXT_TEXT.noResultsSheet]);
    return b.build();
  }
  b.row([CONTEXT_TEXT.shareExplained(c.year, a.settings.minSample)]);
  b.row([CONTEXT_TEXT.modelExplained]);
  b.row([CONTEXT_TEXT.flagsExplained(deviationText(c), c.capacity)]);
  b.blank();

  const modelRows = modelBlock(b, c);
  const points = c.withBoth;
  let chartAnchor = -1;
  if (points > 0) {
    b.blank();
    chartAnchor = b.row([CONTEXT_TEXT.chartNote]);
    for (let i = 1; i < CHART_ROWS; i++) b.blank();
  }
  b.blank();
  pairsBlock(b, c);
  b.blank();

  const ordered = orderedSchools(c);
  b.row([CONTEXT_TEXT.tableTitle(c.model !== null)], { bold: true });
  const head = b.header([...HEADER]);
  b.note(head, COL.chartShnor, CONTEXT_TEXT.chartColumnNote);
  b.note(head, COL.chartResilient, CONTEXT_TEXT.chartColumnNote);
  for (const s of ordered) schoolRow(b, s, c);
  const first = head + 1;
  const lastBoth = head + points;
  const lastShare = head + c.withShare;

  const sheet = b.build();
  // The recheck formulas name the rows of the table, known only now.
  const y = (last: number) => range(COL.share, first, last);
  const x = range(COL.isbsh, first, lastBoth);
  if (c.model) {
    sheet.values[modelRows.a][2] = `=INTERCEPT(${y(lastBoth)}; ${x})`;
    sheet.values[modelRows.b][2] = `=SLOPE(${y(lastBoth)}; ${x})`;
    if (c.model.r2 !== null) sheet.values[modelRows.r2][2] = `=RSQ(${y(lastBoth)}; ${x})`;
    sheet.values[modelRows.n][2] = `=COUNT(${y(lastBoth)})`;
  }
  if (modelRows.quartile >= 0) sheet.values[modelRows.quartile][2] = `=PERCENTILE(${y(lastShare)}; 0,25)`;

  if (points > 0) {
    const line = c.model !== null;
    const isbshValues = c.schools.filter((s) => s.share !== null && s.outcome.isbsh !== null).map((s) => s.outcome.isbsh as number);
    const top = Math.max(...ordered.slice(0, points).map((s) => s.share as number));
    sheet.chart = {
      title: CONTEXT_TEXT.chartTitle(c.year),
      headerRow: head,
      column: COL.isbsh,
      rows: points,
      columns: line ? 3 : 2,
      lineSeries: line ? [1] : [],
      anchorRow: chartAnchor,
      anchorColumn: 0,
      ...CHART_SIZE,
      scatter: {
        ranges: [
          { column: COL.isbsh, columns: line ? 3 : 2 },
          { column: COL.chartShnor, columns: 2 },
        ],
        series: [
          { color: CHART_COLORS.point, shape: 'circle', size: 5 },
          ...(line ? [{ color: CHART_COLORS.line, line: true }] : []),
          { color: CHART_COLORS.shnor, shape: 'triangle' as const, size: 8 },
          { color: CHART_COLORS.resilient, shape: 'diamond' as const, size: 8 },
        ],
        xAxis: { title: CONTEXT_TEXT.chartXAxis, ...axisRangeNear(isbshValues) },
        yAxis: { title: CONTEXT_TEXT.chartYAxis, min: 0, max: Math.min(1, Math.max(0.1, Math.ceil((top * 1.08 + 0.005) * 20) / 20)) },
      },
    };
  }
  return sheet;
}

interface ModelRows {
  a: number;
  b: number;
  r2: number;
  n: number;
  quartile: number;
}

function modelBlock(b: SheetBuilder, c: ContextAnalysis): ModelRows {
  const rows: ModelRows = { a: -1, b: -1, r2: -1, n: -1, quartile: -1 };
  b.row([...CONTEXT_TEXT.modelHeader], { bold: true, bg: COLORS.header });
  if (c.model) {
    const m = c.model;
    rows.a = b.row([CONTEXT_TEXT.a, m.a], { formats: [...MODEL_FORMATS.share] });
    rows.b = b.row([CONTEXT_TEXT.b, m.b], { formats: [...MODEL_FORMATS.slope] });
    rows.r2 = b.row([CONTEXT_TEXT.r2, m.r2 ?? CONTEXT_TEXT.r2Undefined], { formats: [...MODEL_FORMATS.r2] });
    rows.n = b.row([CONTEXT_TEXT.n, m.n], { formats: [...MODEL_FORMATS.count] });
  } else {
    const row = b.row([CONTEXT_TEXT.notComputedRow(c.problem ?? '')]);
    b.highlight(row, 0, COLORS.warning);
  }
  if (c.quartile !== null) rows.quartile = b.row([CONTEXT_TEXT.quartile(c.withShare), c.quartile], { formats: [...MODEL_FORMATS.quartile] });
  else b.row([CONTEXT_TEXT.noQuartile]);
  b.row([CONTEXT_TEXT.deviationRow, c.deviation * 100], { formats: [...MODEL_FORMATS.plain] });
  b.row([CONTEXT_TEXT.capacityRow, c.capacity], { formats: [...MODEL_FORMATS.count] });
  if (c.model || c.quartile !== null) b.row([CONTEXT_TEXT.formulasHint]);
  return rows;
}

function localityText(x: SchoolContext, y: SchoolContext, same: boolean): string {
  const lx = x.outcome.school.locality ?? '';
  return same ? CONTEXT_TEXT.sameLocality(lx) : CONTEXT_TEXT.otherLocality(lx, y.outcome.school.locality ?? '');
}

function pairsBlock(b: SheetBuilder, c: ContextAnalysis): void {
  b.row([CONTEXT_TEXT.pairsTitle(c.capacity)], { bold: true });
  if (c.pairs.length + c.unpaired.length === 0) {
    b.row([CONTEXT_TEXT.noPairs]);
    return;
  }
  b.row([...CONTEXT_TEXT.pairsHeader], { bold: true, bg: COLORS.header });
  for (const p of c.pairs) {
    const s = p.shnor.outcome;
    const l = p.leader.outcome;
    b.row(
      [s.school.code, CONTEXT_TEXT.pair(s.school.name, l.school.name), s.isbsh, p.shnor.share ?? '', l.school.code, l.isbsh, p.leader.share, Math.abs((s.isbsh as number) - (l.isbsh as number)), localityText(p.shnor, p.leader, p.sameLocality)],
      { formats: PAIR_FORMATS },
    );
  }
  for (const s of c.unpaired) {
    const o = s.outcome;
    const row = b.row([o.school.code, CONTEXT_TEXT.unpairedPair(o.school.name, CONTEXT_TEXT.unpairedWhy[s.unpaired ?? 'no-leader']), o.isbsh ?? '', s.share ?? ''], { formats: PAIR_FORMATS });
    b.highlight(row, 1, COLORS.warning);
  }
}

/** The model's schools by residual (largest first; by p without a model), then p without ИСБШ, then no p. */
function orderedSchools(c: ContextAnalysis): SchoolContext[] {
  const both: SchoolContext[] = [];
  const shareOnly: SchoolContext[] = [];
  const rest: SchoolContext[] = [];
  for (const s of c.schools) (s.share === null ? rest : s.outcome.isbsh === null ? shareOnly : both).push(s);
  const byShare = (x: SchoolContext, y: SchoolContext) => (y.share as number) - (x.share as number) || codeOrder(x.outcome, y.outcome);
  both.sort(c.model ? (x, y) => (y.residual as number) - (x.residual as number) || codeOrder(x.outcome, y.outcome) : byShare);
  shareOnly.sort(byShare);
  rest.sort((x, y) => codeOrder(x.outcome, y.outcome));
  return [...both, ...shareOnly, ...rest];
}

const FLAG_COLORS = { below: COLORS.low, resilient: COLORS.reached, leader: COLORS.reached } as const;
const CATEGORY_COLORS: Record<string, string> = { [CATEGORY.shnor]: COLORS.shnor, [CATEGORY.shnsu]: COLORS.shnsu, [CATEGORY.both]: COLORS.both };

function schoolRow(b: SheetBuilder, s: SchoolContext, c: ContextAnalysis): void {
  const o = s.outcome;
  const category = categoryOf(o);
  const shnor = o.shnor?.shnor === true;
  const pair = s.partner ? CONTEXT_TEXT.partnerOf(`${s.partner.school.name}${s.partner.school.code ? ` (${s.partner.school.code})` : ''}`) : s.partners.length ? CONTEXT_TEXT.partnersOf(s.partners.map((p) => p.school.name).join('; ')) : s.unpaired ? CONTEXT_TEXT.unpairedWhy[s.unpaired] : '';
  const notes: string[] = [];
  if (o.isbsh === null) notes.push(CONTEXT_TEXT.noIsbshNote(o.isbshRemark.replace(`${NO_QUESTIONNAIRE_REMARK}: `, '') || NO_QUESTIONNAIRE_REMARK));
  if (s.pooled.missing === 'no-results') notes.push(CONTEXT_TEXT.noRowsNote(c.year as string));
  if (s.pooled.missing === 'small-sample') notes.push(CONTEXT_TEXT.smallSampleNote(s.pooled.participants, c.minSample));
  if (s.pooled.unweighted > 0) notes.push(CONTEXT_TEXT.unweightedNote(s.pooled.unweighted));
  const inChart = s.share !== null && o.isbsh !== null;
  const values: Cell[] = [
    o.school.code,
    o.school.name,
    o.isbsh ?? '',
    s.share ?? '',
    s.expected ?? '',
    s.residual ?? '',
    s.pooled.rows > 0 ? s.pooled.participants : '',
    s.pooled.rows > 0 ? s.pooled.failed : '',
    category ?? '',
    s.belowExpected ? YES : '',
    s.resilient ? YES : '',
    s.leader ? YES : '',
    pair,
    notes.join('; '),
    inChart && shnor ? s.share : '',
    inChart && s.resilient ? s.share : '',
  ];
  const row = b.row(values, { formats: ROW_FORMATS });
  if (category) b.highlight(row, COL.category, CATEGORY_COLORS[category]);
  if (s.belowExpected) {
    b.highlight(row, COL.residual, FLAG_COLORS.below);
    b.highlight(row, COL.below, FLAG_COLORS.below);
  }
  if (s.resilient) b.highlight(row, COL.resilient, FLAG_COLORS.resilient);
  if (s.leader) b.highlight(row, COL.leader, FLAG_COLORS.leader);
}
