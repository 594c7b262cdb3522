import { Analysis } from '../analyze';
import { AxisRange, IsbshChartInput, VegaLiteSpec, isbshAxisRange, isbshChartSpec } from '../charts';
import { CUTOFF_LABELS } from '../strings';

export interface IsbshPoint {
  name: string;
  value: number;
  shnsu: boolean;
}

/** Schools with an index, least well-off first (the order of the chart and of its data block). */
export function isbshPoints(a: Analysis): IsbshPoint[] {
  const byName = a.registry.schoolsByName();
  return a.schools
    .filter((o) => o.isbsh !== null)
    .sort((x, y) => (x.isbsh as number) - (y.isbsh as number) || byName(x.school, y.school))
    .map((o) => ({ name: o.school.name, value: o.isbsh as number, shnsu: o.shnsu }));
}

/** What the ИСБШ chart shows, from the analysis. */
export function isbshChartInput(a: Analysis): IsbshChartInput {
  return { points: isbshPoints(a), cutoff: a.cutoff, cutoffKind: CUTOFF_LABELS[a.settings.cutoff], year: a.year };
}

/**
 * The ИСБШ chart of «Сводка» as a vega-lite spec (the CLI renders it to SVG and PNG); null when no
 * school has an index.
 */
export function isbshChart(a: Analysis): VegaLiteSpec | null {
  return isbshChartSpec(isbshChartInput(a));
}

/** The value axis of the native chart: near the data and the cut-off, as in the rendered one. */
export function isbshValueAxis(points: IsbshPoint[], cutoff: number | null): AxisRange {
  return isbshAxisRange(points.map((p) => p.value), cutoff);
}
