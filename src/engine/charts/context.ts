import { CHART_TEXT } from '../strings';
import { formatNumber, formatPercent } from '../text';
import { schoolLabel } from './labels';
import { LABEL_OFFSETS, LabelSide, placeLabels } from './pointLabels';
import { AxisRange, axisRangeNear } from './scale';
import { CHART_COLORS, CHART_TYPE, Json, VegaLiteSpec, baseSpec, formatCount } from './spec';

/** A school with both an index and a pooled failed share in the analysis year (DESIGN §2.7). */
export interface ContextPoint {
  name: string;
  isbsh: number;
  /** p = ΣF / ΣP, a share in [0, 1]. */
  failedShare: number;
  shnor: boolean;
  resilient: boolean;
}

export interface ContextChartInput {
  points: ContextPoint[];
  /** The fitted line p̂ = a + b·ИСБШ; null when the model was not computed (no line is drawn). */
  a: number | null;
  b: number | null;
  r2: number | null;
  /** Schools the line was fitted on (defaults to the points given). */
  n?: number;
  year: string | null;
}

/** Marked schools are named beside their point while there are at most this many of them. */
export const MAX_POINT_LABELS = 15;
/** From this many points on they are drawn small and translucent (a region), without names. */
export const DENSE_POINTS = 300;

type Category = keyof typeof CHART_TEXT.contextCategories;
const ORDER: Category[] = ['shnor', 'both', 'resilient', 'other'];
const STYLE: Record<Category, { color: string; shape: string }> = {
  shnor: { color: CHART_COLORS.shnor, shape: 'triangle-up' },
  both: { color: CHART_COLORS.both, shape: 'square' },
  resilient: { color: CHART_COLORS.resilient, shape: 'diamond' },
  other: { color: CHART_COLORS.point, shape: 'circle' },
};

function categoryOf(p: ContextPoint): Category {
  if (p.shnor && p.resilient) return 'both';
  if (p.shnor) return 'shnor';
  return p.resilient ? 'resilient' : 'other';
}

const SIZE = { width: 560, height: 380 };

/**
 * The context scatter (issue 14): ИСБШ on x, the pooled failed share on y, the regression line, ШНОР and
 * resilient schools in their own colour and shape (so it reads in grey print too), with a legend.
 * Null when there is no point to draw.
 */
export function contextChartSpec(input: ContextChartInput): VegaLiteSpec | null {
  const points = input.points.filter((p) => Number.isFinite(p.isbsh) && Number.isFinite(p.failedShare));
  if (points.length === 0) return null;
  const x = axisRangeNear(points.map((p) => p.isbsh));
  const topShare = Math.max(...points.map((p) => p.failedShare));
  const y = { min: 0, max: Math.min(1, Math.max(0.1, Math.ceil((topShare * 1.08 + 0.005) * 20) / 20)) };
  const present = ORDER.filter((c) => points.some((p) => categoryOf(p) === c));
  const dense = points.length >= DENSE_POINTS;
  const marked = points.filter((p) => categoryOf(p) !== 'other');

  const values = points.map((p) => {
    const category = categoryOf(p);
    const label = CHART_TEXT.contextCategories[category];
    return {
      isbsh: p.isbsh,
      share: p.failedShare,
      category: label,
      z: category === 'other' ? 0 : 1,
      description: CHART_TEXT.pointDescription(p.name, formatNumber(p.isbsh, 2), formatPercent(p.failedShare), label),
    };
  });
  const xEnc = { field: 'isbsh', type: 'quantitative', scale: { domain: [x.min, x.max], nice: false, zero: false }, axis: { title: CHART_TEXT.isbshAxis, grid: true, tickMinStep: 1 } };
  const yEnc = { field: 'share', type: 'quantitative', scale: { domain: [y.min, y.max], nice: false }, axis: { title: CHART_TEXT.failedShareAxis, format: '.0%', grid: true } };

  const layers: Json[] = [];
  const line = input.a !== null && input.b !== null && Number.isFinite(input.a) && Number.isFinite(input.b) ? { a: input.a, b: input.b } : null;
  if (line) {
    layers.push({
      data: { values: [x.min, x.max].map((v) => ({ isbsh: v, share: line.a + line.b * v })) },
      mark: { type: 'line', clip: true, color: CHART_COLORS.line, strokeWidth: 2 },
      encoding: {
        x: { field: 'isbsh', type: 'quantitative' },
        y: { field: 'share', type: 'quantitative' },
        strokeDash: { datum: CHART_TEXT.contextLineLegend, type: 'nominal', scale: { range: [[1, 0]] }, legend: { title: null, orient: 'bottom', symbolType: 'stroke', symbolStrokeColor: CHART_COLORS.line, symbolStrokeWidth: 2 } },
      },
    });
  }
  const pointEncoding = {
    x: xEnc,
    y: yEnc,
    color: {
      field: 'category',
      type: 'nominal',
      scale: { domain: present.map((c) => CHART_TEXT.contextCategories[c]), range: present.map((c) => STYLE[c].color) },
      legend: { title: null, orient: 'bottom', direction: 'horizontal', symbolOpacity: 1 },
    },
    shape: { field: 'category', type: 'nominal', scale: { domain: present.map((c) => CHART_TEXT.contextCategories[c]), range: present.map((c) => STYLE[c].shape) } },
    // Opacity by category (not a mark property), so that the legend shows each symbol as drawn.
    opacity: {
      field: 'category',
      type: 'ordinal',
      sort: present.map((c) => CHART_TEXT.contextCategories[c]),
      scale: { domain: present.map((c) => CHART_TEXT.contextCategories[c]), range: present.map((c) => (c === 'other' && dense ? 0.45 : 1)) },
    },
    description: { field: 'description' },
  };
  // The other schools first, the marked ones over them and never faded, however many schools there are.
  const others = values.filter((v) => v.z === 0);
  const highlighted = values.filter((v) => v.z === 1);
  if (others.length) layers.push({ data: { values: others }, mark: { type: 'point', filled: true, opacity: 1, size: dense ? 14 : 60 }, encoding: pointEncoding });
  if (highlighted.length) layers.push({ data: { values: highlighted }, mark: { type: 'point', filled: true, opacity: 1, size: dense ? 30 : 70 }, encoding: pointEncoding });
  if (!dense && marked.length > 0 && marked.length <= MAX_POINT_LABELS) layers.push(...nameLayers(points, x, y, line));

  const lineNote = line
    ? CHART_TEXT.contextLineNote(
        CHART_TEXT.contextLine(formatNumber(line.a, 3), formatNumber(Math.abs(line.b), 4), line.b < 0),
        input.r2 !== null && Number.isFinite(input.r2) ? formatNumber(input.r2, 2) : '',
        formatCount(input.n ?? points.length),
      )
    : null;
  const subtitle = lineNote ? [...lineNote, CHART_TEXT.modelNote] : [CHART_TEXT.modelNote];
  return {
    ...baseSpec(`${CHART_TEXT.contextTitle}${CHART_TEXT.yearSuffix(input.year)}`, subtitle),
    ...SIZE,
    layer: layers,
  };
}

/** Names of the marked schools beside their points, a layer per side so that each keeps its alignment. */
function nameLayers(points: ContextPoint[], x: AxisRange, y: AxisRange, line: { a: number; b: number } | null): Json[] {
  const labels = points
    .map((p, index) => ({ index, text: schoolLabel(p.name, { width: 30, maxLines: 1 }).lines[0], marked: categoryOf(p) !== 'other' }))
    .filter((l) => l.marked);
  const fitted = line ? [{ x1: x.min, y1: line.a + line.b * x.min, x2: x.max, y2: line.a + line.b * x.max }] : [];
  const placed = placeLabels({ ...SIZE, x, y }, points.map((p) => ({ x: p.isbsh, y: p.failedShare })), labels, fitted);
  const bySide = new Map<LabelSide, Json[]>();
  placed.forEach((l, i) => {
    const p = points[l.index];
    const list = bySide.get(l.side) ?? [];
    list.push({ isbsh: p.isbsh, share: p.failedShare, label: labels[i].text });
    bySide.set(l.side, list);
  });
  return [...bySide].map(([side, values]) => {
    const o = LABEL_OFFSETS[side];
    return {
      data: { values },
      mark: { type: 'text', align: o.align, baseline: 'middle', dx: o.dx, dy: o.dy, fontSize: CHART_TYPE.value, color: CHART_COLORS.text },
      encoding: { x: { field: 'isbsh', type: 'quantitative' }, y: { field: 'share', type: 'quantitative' }, text: { field: 'label' } },
    };
  });
}
