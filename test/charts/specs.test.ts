import {
  CHART_TEXT,
  DENSE_POINTS,
  IsbshBar,
  MAX_BINS,
  MAX_SCHOOL_BARS,
  SHEETS,
  VegaLiteSpec,
  axisRangeNear,
  buildReport,
  contextChartSpec,
  isbshBins,
  isbshChart,
  isbshChartSpec,
  isbshChartVariant,
  isbshPoints,
  isbshValueAxis,
  niceStep,
  Table,
} from '../../src/engine';
import { placeLabels } from '../../src/engine/charts/pointLabels';
import { readCsvFolder } from '../../src/cli/io';
import { compileChart } from '../../src/cli/charts';
import { EXAMPLE, exampleAnalysis, syntheticContext } from './fixtures';

type Layer = { data?: { values: Record<string, unknown>[] }; mark?: { type: string }; layer?: Layer[]; encoding?: Record<string, unknown> };
const layers = (spec: VegaLiteSpec): Layer[] => {
  const flat: Layer[] = [];
  const walk = (list: Layer[]) => list.forEach((l) => (l.layer ? (flat.push(l), walk(l.layer)) : flat.push(l)));
  walk(spec.layer as unknown as Layer[]);
  return flat;
};
const dataOf = (spec: VegaLiteSpec, mark: string) => layers(spec).find((l) => l.mark?.type === mark && l.data)?.data?.values ?? layers(spec).find((l) => l.layer?.some((c) => c.mark?.type === mark))?.data?.values ?? [];

function bars(values: number[], cutoff: number): IsbshBar[] {
  return values.map((value, i) => ({ name: `Школа ${i + 1}`, value, shnsu: value <= cutoff }));
}

describe('ИСБШ chart spec', () => {
  const a = exampleAnalysis();
  const spec = isbshChart(a) as VegaLiteSpec;

  it('is plain JSON that vega-lite compiles without a warning', () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(compileChart(spec).warnings).toEqual([]);
  });

  it('has a bar per school with an index, least well-off first, each with its full name and value', () => {
    const points = isbshPoints(a);
    const values = dataOf(spec, 'bar');
    expect(values).toHaveLength(points.length);
    expect(values.map((v) => v.value)).toEqual(points.map((p) => p.value));
    expect(values.map((v) => v.description)).toEqual(points.map((p) => CHART_TEXT.barDescription(p.name, p.value.toFixed(2).replace('.', ','), p.shnsu)));
    expect(values.filter((v) => v.group === CHART_TEXT.shnsu)).toHaveLength(a.schools.filter((o) => o.shnsu).length);
  });

  it('draws the cut-off with its value and starts the ИСБШ axis near the data, not at 0', () => {
    const rule = layers(spec).find((l) => l.mark?.type === 'rule');
    expect(rule?.data?.values).toEqual([{ cutoff: a.cutoff }]);
    const text = layers(spec).find((l) => l.mark?.type === 'text' && l.data?.values[0]?.cutoff !== undefined);
    expect(text?.data?.values[0].text).toBe('граница ШНСУ (нижний квартиль): 73,99');
    const range = isbshValueAxis(isbshPoints(a), a.cutoff);
    const min = Math.min(...isbshPoints(a).map((p) => p.value));
    expect(range.min).toBeGreaterThan(50);
    expect(range.min).toBeLessThanOrEqual(min);
    expect(JSON.stringify(spec)).toContain(`"domain":[${range.min},${range.max}]`);
    expect((spec.title as { text: string }).text).toBe(`ИСБШ по школам и граница ШНСУ — ${a.year} учебный год`);
  });

  it('writes a value that would sit on the cut-off line inside its bar', () => {
    const values = dataOf(spec, 'bar') as { text: string; inside: boolean }[];
    expect(values.filter((v) => v.inside).map((v) => v.text)).toEqual(['72,25', '72,25', '73,33']);
  });

  it('gives the native chart of «Сводка» the same value axis', () => {
    const sheets = readCsvFolder(EXAMPLE);
    const tables: Record<string, Table> = {};
    for (const s of sheets) tables[s.name] = s.rows;
    const summary = buildReport({ sheetNames: sheets.map((s) => s.name), tables }, 'сейчас').sheets.find((s) => s.name === SHEETS.summary);
    expect(summary?.chart?.valueAxis).toEqual(isbshValueAxis(isbshPoints(a), a.cutoff));
  });

  it('is null when no school has an index, and keeps two schools of the same name apart', () => {
    expect(isbshChartSpec({ points: [], cutoff: null, cutoffKind: 'нижний квартиль', year: null })).toBeNull();
    const twins = isbshChartSpec({ points: [{ name: 'Школа', value: 70, shnsu: true }, { name: 'Школа', value: 80, shnsu: false }], cutoff: 70, cutoffKind: 'нижний квартиль', year: null }) as VegaLiteSpec;
    const keys = dataOf(twins, 'bar').map((v) => v.key);
    expect(new Set(keys).size).toBe(2);
    expect(compileChart(twins).warnings).toEqual([]);
  });

  it('changes to the distribution beyond a municipality-sized list', () => {
    expect(isbshChartVariant(MAX_SCHOOL_BARS)).toBe('schools');
    expect(isbshChartVariant(MAX_SCHOOL_BARS + 1)).toBe('distribution');
    const many = Array.from({ length: MAX_SCHOOL_BARS + 1 }, (_, i) => 55 + (i * 37) / MAX_SCHOOL_BARS);
    const spec61 = isbshChartSpec({ points: bars(many, 65), cutoff: 65, cutoffKind: 'нижний квинтиль', year: '2022/2023' }) as VegaLiteSpec;
    expect((spec61.title as { text: string }).text).toBe('Распределение ИСБШ и граница ШНСУ — 2022/2023 учебный год');
    expect(compileChart(spec61).warnings).toEqual([]);
    const stacked = dataOf(spec61, 'bar') as { y0: number; y1: number }[];
    expect(stacked.reduce((s, v) => s + v.y1 - v.y0, 0)).toBe(MAX_SCHOOL_BARS + 1);
  });
});

describe('ИСБШ bins of the distribution', () => {
  it('put a value equal to the cut-off in the bin that ends at it, so ШНСУ lie left of the line', () => {
    const values = [50.3, 61, 64.5, 65, 65.01, 72, 88.8];
    const { bins, step } = isbshBins(bars(values, 65), 65);
    expect(step).toBe(2);
    // (63, 65] holds 64.5 and 65; (65, 67] holds 65.01.
    expect(bins.find((b) => Math.abs(b.to - 65) < 1e-9)).toMatchObject({ shnsu: 2, other: 0 });
    expect(bins.find((b) => Math.abs(b.from - 65) < 1e-9)).toMatchObject({ shnsu: 0, other: 1 });
    for (const b of bins) {
      if (b.to <= 65 + 1e-9) expect(b.other).toBe(0);
      else expect(b.shnsu).toBe(0);
    }
    expect(bins.reduce((s, b) => s + b.shnsu + b.other, 0)).toBe(values.length);
    expect(bins[0].from).toBeLessThan(50.3);
    expect(bins[bins.length - 1].to).toBeGreaterThanOrEqual(88.8);
  });

  it('count by each school’s own flag and stay within the bin limit for 40 000 schools', () => {
    const values = Array.from({ length: 40_000 }, (_, i) => 30 + (i % 7000) / 100);
    const { bins } = isbshBins(bars(values, 40), 40);
    expect(bins.length).toBeLessThanOrEqual(MAX_BINS + 1);
    expect(bins.reduce((s, b) => s + b.shnsu, 0)).toBe(values.filter((v) => v <= 40).length);
    expect(bins.reduce((s, b) => s + b.shnsu + b.other, 0)).toBe(40_000);
  });
});

describe('axis ranges', () => {
  it('start near the data on multiples of 5, inside 0–100', () => {
    expect(axisRangeNear([68.88, 87.97, 73.99])).toEqual({ min: 65, max: 90 });
    expect(axisRangeNear([2, 99.5])).toEqual({ min: 0, max: 100 });
    expect(axisRangeNear([70, 70])).toEqual({ min: 65, max: 75 });
    expect(axisRangeNear([])).toEqual({ min: 0, max: 100 });
    expect(axisRangeNear([-3, 104])).toEqual({ min: -10, max: 110 });
    expect(niceStep({ min: 40, max: 95 }, 40)).toBe(2);
  });
});

describe('context scatter spec', () => {
  const ctx = syntheticContext(24);
  const spec = contextChartSpec({ ...ctx, year: '2022/2023' }) as VegaLiteSpec;

  it('compiles without a warning and marks ШНОР and resilient schools by colour and shape', () => {
    expect(compileChart(spec).warnings).toEqual([]);
    const json = JSON.stringify(spec);
    for (const label of ['ШНОР', 'резильентная школа', 'остальные школы', 'ожидаемая доля по ИСБШ']) expect(json).toContain(`"${label}"`);
    expect(json).toContain('"triangle-up"');
    expect(json).toContain('"diamond"');
    const points = layers(spec).filter((l) => l.mark?.type === 'point').flatMap((l) => l.data?.values ?? []);
    expect(points).toHaveLength(24);
  });

  it('draws the line a + b·ИСБШ across the ИСБШ axis and states it with R²', () => {
    const line = layers(spec).find((l) => l.mark?.type === 'line');
    const [p0, p1] = line?.data?.values as { isbsh: number; share: number }[];
    expect(p0.share).toBeCloseTo(0.9 - 0.009 * p0.isbsh, 12);
    expect(p1.share).toBeCloseTo(0.9 - 0.009 * p1.isbsh, 12);
    expect((spec.title as { subtitle: string[] }).subtitle[0]).toBe('Линия — ожидаемая доля не справившихся по ИСБШ: доля = 0,900 − 0,0090 × ИСБШ (R² = 0,40; школ в модели: 24).');
  });

  it('names the marked schools beside their points while there are few, not when the points are many', () => {
    const names = layers(spec).filter((l) => l.mark?.type === 'text').flatMap((l) => l.data?.values ?? []);
    expect(names).toHaveLength(ctx.points.filter((p) => p.shnor || p.resilient).length);
    const dense = syntheticContext(DENSE_POINTS);
    const denseSpec = contextChartSpec({ ...dense, year: null }) as VegaLiteSpec;
    expect(layers(denseSpec).filter((l) => l.mark?.type === 'text')).toHaveLength(0);
    expect(compileChart(denseSpec).warnings).toEqual([]);
  });

  it('draws no line when the model was not computed, and nothing without points', () => {
    const noModel = contextChartSpec({ points: ctx.points, a: null, b: null, r2: null, year: null }) as VegaLiteSpec;
    expect(layers(noModel).some((l) => l.mark?.type === 'line')).toBe(false);
    expect((noModel.title as { subtitle: string[] }).subtitle).toEqual([CHART_TEXT.modelNote]);
    expect(compileChart(noModel).warnings).toEqual([]);
    expect(contextChartSpec({ points: [{ name: 'x', isbsh: NaN, failedShare: 0.2, shnor: false, resilient: false }], a: 0, b: 0, r2: null, year: null })).toBeNull();
  });
});

describe('labels beside points', () => {
  it('go to another side when the first choice is taken or leaves the plot', () => {
    const plot = { width: 500, height: 300, x: { min: 0, max: 100 }, y: { min: 0, max: 1 } };
    const placed = placeLabels(plot, [{ x: 50, y: 0.5 }, { x: 50, y: 0.5 }, { x: 99, y: 0.2 }], [
      { index: 0, text: 'Первая школа' },
      { index: 1, text: 'Вторая школа' },
      { index: 2, text: 'У края' },
    ]);
    expect(placed.map((p) => p.side)).toEqual(['right', 'left', 'left']);
  });
});
