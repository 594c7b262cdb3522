import { CHART_TEXT } from '../strings';
import { formatNumber, plural } from '../text';
import { schoolLabel } from './labels';
import { AxisRange, axisRangeNear, niceStep } from './scale';
import { CHART_COLORS, CHART_TYPE, Json, VegaLiteSpec, baseSpec, formatCount } from './spec';

/** One school with an index. */
export interface IsbshBar {
  name: string;
  value: number;
  shnsu: boolean;
}

export interface IsbshChartInput {
  /** Schools with an index; drawn least well-off first (top) whatever their order here. */
  points: IsbshBar[];
  /** The ШНСУ cut-off (ИСБШ ≤ cut-off is ШНСУ), null when not computed. */
  cutoff: number | null;
  /** «нижний квартиль» / «нижний квинтиль». */
  cutoffKind: string;
  year: string | null;
}

/**
 * Up to this many schools the chart has a bar per school (a municipality: every name readable, about
 * 55 rows fit an A4 page). Beyond it — a region of 500–2 000 schools, the country's 40 000 — bars would
 * be a grey smear, so the chart is the distribution of ИСБШ with the cut-off, ШНСУ stacked in their
 * colour; each school's value stays in the «ИСБШ» sheet.
 */
export const MAX_SCHOOL_BARS = 60;
/** Bins of the distribution chart, at most. */
export const MAX_BINS = 40;

export type IsbshChartVariant = 'schools' | 'distribution';

export function isbshChartVariant(schools: number): IsbshChartVariant {
  return schools <= MAX_SCHOOL_BARS ? 'schools' : 'distribution';
}

const PLOT_WIDTH = 440;
const DISTRIBUTION_SIZE = { width: 600, height: 320 };

const index = (v: number) => formatNumber(v, 2);
/** A bin width or an axis bound without trailing zeros: 2,5 · 1 · 0,25. */
const short = (v: number) => formatNumber(v, 2).replace(/,?0+$/, '');
const schools = (n: number) => `${formatCount(n)}\u00a0${plural(n, 'школа', 'школы', 'школ')}`;

/** The ИСБШ chart as a vega-lite spec; null when no school has an index (there is nothing to draw). */
export function isbshChartSpec(input: IsbshChartInput): VegaLiteSpec | null {
  const points = input.points.filter((p) => Number.isFinite(p.value)).sort((x, y) => x.value - y.value);
  if (points.length === 0) return null;
  const cutoff = input.cutoff !== null && Number.isFinite(input.cutoff) ? input.cutoff : null;
  return isbshChartVariant(points.length) === 'schools' ? schoolBars(points, cutoff, input) : distribution(points, cutoff, input);
}

/** The ИСБШ axis of either variant: near the values and the cut-off, within 0–100. */
export function isbshAxisRange(values: number[], cutoff: number | null): AxisRange {
  return axisRangeNear(cutoff === null ? values : [...values, cutoff]);
}

function colorScale(): { [key: string]: Json } {
  return { domain: [CHART_TEXT.shnsu, CHART_TEXT.otherSchools], range: [CHART_COLORS.shnsu, CHART_COLORS.bar] };
}

/** The dashed cut-off across the plot and its value written above it, on the side with more room. */
function cutoffLayers(cutoff: number | null, kind: string, range: AxisRange): Json[] {
  if (cutoff === null) return [];
  const right = (cutoff - range.min) / (range.max - range.min) > 0.6;
  return [
    {
      data: { values: [{ cutoff }] },
      mark: { type: 'rule', color: CHART_COLORS.cutoff, strokeWidth: 2, strokeDash: [6, 4] },
      encoding: { x: { field: 'cutoff', type: 'quantitative' } },
    },
    {
      data: { values: [{ cutoff, text: CHART_TEXT.cutoff(kind, index(cutoff)) }] },
      mark: { type: 'text', y: 0, dy: -6, dx: right ? -4 : 4, align: right ? 'right' : 'left', baseline: 'bottom', color: CHART_COLORS.cutoff, fontWeight: 'bold', fontSize: CHART_TYPE.label },
      encoding: { x: { field: 'cutoff', type: 'quantitative' }, text: { field: 'text' } },
    },
  ];
}

function schoolBars(points: IsbshBar[], cutoff: number | null, input: IsbshChartInput): VegaLiteSpec {
  const range = isbshAxisRange(points.map((p) => p.value), cutoff);
  const labels = points.map((p) => schoolLabel(p.name).lines);
  const maxLines = Math.max(...labels.map((l) => l.length));
  const step = Math.max(20, maxLines * CHART_TYPE.lineHeight + 8);
  // A band key must be unique even for two schools of the same name: the row number goes first and the
  // axis shows only the lines after it.
  const values = points.map((p, i) => ({
    key: [String(i + 1), ...labels[i]].join('\n'),
    value: p.value,
    text: index(p.value),
    group: p.shnsu ? CHART_TEXT.shnsu : CHART_TEXT.otherSchools,
    description: CHART_TEXT.barDescription(p.name, index(p.value), p.shnsu),
  }));
  const x = { field: 'value', type: 'quantitative', scale: { domain: [range.min, range.max], nice: false, zero: false } };
  const y = {
    field: 'key',
    type: 'nominal',
    sort: null,
    axis: {
      title: null,
      ticks: false,
      labelPadding: 6,
      labelLineHeight: CHART_TYPE.lineHeight,
      labelExpr: "slice(split(datum.value, '\\n'), 1)",
      // Vega puts the first line of a multi-line label on the tick: move it up by half the extra lines.
      labelOffset: { expr: `-(length(split(datum.value, '\\n')) - 2) * ${CHART_TYPE.lineHeight / 2}` },
    },
  };
  return {
    ...baseSpec(`${CHART_TEXT.isbshTitle(cutoff !== null)}${CHART_TEXT.yearSuffix(input.year)}`, [
      CHART_TEXT.isbshSubtitle(range.min),
    ]),
    width: PLOT_WIDTH,
    height: { step },
    // The cut-off goes under the bars and their values, so that a value on the line stays readable.
    layer: [
      ...cutoffLayers(cutoff, input.cutoffKind, range),
      {
        data: { values },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.7 } },
            encoding: {
              y,
              x: { ...x, axis: { title: CHART_TEXT.isbshAxis, grid: true, tickMinStep: 1 } },
              x2: { datum: range.min },
              color: { field: 'group', type: 'nominal', scale: colorScale(), legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
              description: { field: 'description' },
            },
          },
          ...valueLayers(values, cutoff, range, x),
        ],
      },
    ],
  };
}

/** Room a value («72,25» at 10 px) takes beside its bar, in pixels, generously. */
const VALUE_ROOM = 36;

/**
 * Each bar's value at its end; where it would sit on the cut-off line it goes inside the bar instead,
 * so that the line never runs through the digits.
 */
function valueLayers(values: { value: number; inside?: boolean }[], cutoff: number | null, range: AxisRange, x: Json): Json[] {
  const unitsPerPixel = (range.max - range.min) / PLOT_WIDTH;
  const inside = (v: number) => cutoff !== null && cutoff >= v && cutoff <= v + VALUE_ROOM * unitsPerPixel && v - range.min >= VALUE_ROOM * unitsPerPixel;
  const layer = (within: boolean): Json => ({
    transform: [{ filter: within ? 'datum.inside' : '!datum.inside' }],
    mark: { type: 'text', align: within ? 'right' : 'left', baseline: 'middle', dx: within ? -4 : 4, fontSize: CHART_TYPE.value, color: within ? CHART_COLORS.text : CHART_COLORS.muted },
    encoding: { y: { field: 'key', type: 'nominal', sort: null }, x, text: { field: 'text' } },
  });
  for (const v of values) v.inside = inside(v.value);
  return values.some((v) => v.inside) ? [layer(false), layer(true)] : [layer(false)];
}

interface Bin {
  from: number;
  to: number;
  shnsu: number;
  other: number;
}

/**
 * Bins of equal width whose edges fall on the cut-off, closed on the right as the rule is
 * (ИСБШ ≤ cut-off is ШНСУ), so that the bins left of the line hold the ШНСУ schools. Each school's own
 * flag decides its colour, so a tie or a value exactly on an edge is never miscounted.
 */
export function isbshBins(points: IsbshBar[], cutoff: number | null, maxBins = MAX_BINS): { range: AxisRange; step: number; bins: Bin[] } {
  const values = points.map((p) => p.value);
  const range = isbshAxisRange(values, cutoff);
  const step = niceStep(range, maxBins);
  const origin = cutoff ?? range.min;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const first = Math.ceil((lo - origin) / step) - 1;
  const count = Math.ceil((hi - origin) / step) - first;
  const bins: Bin[] = Array.from({ length: count }, (_, k) => ({ from: origin + (first + k) * step, to: origin + (first + k + 1) * step, shnsu: 0, other: 0 }));
  for (const p of points) {
    const k = Math.min(count - 1, Math.max(0, Math.ceil((p.value - origin) / step) - 1 - first));
    if (p.shnsu) bins[k].shnsu++;
    else bins[k].other++;
  }
  return { range: { min: Math.min(range.min, bins[0].from), max: Math.max(range.max, bins[count - 1].to) }, step, bins };
}

function distribution(points: IsbshBar[], cutoff: number | null, input: IsbshChartInput): VegaLiteSpec {
  const { range, step, bins } = isbshBins(points, cutoff);
  const values: Json[] = [];
  for (const b of bins) {
    const parts: [string, number, number][] = [
      [CHART_TEXT.shnsu, 0, b.shnsu],
      [CHART_TEXT.otherSchools, b.shnsu, b.shnsu + b.other],
    ];
    for (const [group, y0, y1] of parts) {
      if (y1 === y0) continue;
      values.push({ from: b.from, to: b.to, y0, y1, group, description: CHART_TEXT.binDescription(short(b.from), short(b.to), y1 - y0, group) });
    }
  }
  const shnsu = points.filter((p) => p.shnsu).length;
  return {
    ...baseSpec(
      `${CHART_TEXT.distributionTitle}${CHART_TEXT.yearSuffix(input.year)}`,
      CHART_TEXT.distributionSubtitle(schools(points.length), MAX_SCHOOL_BARS, short(step), schools(shnsu)),
    ),
    ...DISTRIBUTION_SIZE,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'from', type: 'quantitative', scale: { domain: [range.min, range.max], nice: false, zero: false }, axis: { title: CHART_TEXT.isbshAxis, tickMinStep: 1 } },
          x2: { field: 'to' },
          y: { field: 'y0', type: 'quantitative', axis: { title: CHART_TEXT.schoolCount, format: ',d', tickMinStep: 1, grid: true } },
          y2: { field: 'y1' },
          color: { field: 'group', type: 'nominal', scale: colorScale(), legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
          description: { field: 'description' },
        },
      },
      ...cutoffLayers(cutoff, input.cutoffKind, range),
    ],
  };
}
