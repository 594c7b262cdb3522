import type { Analysis } from '../analyze';
import { ContextChartInput, VegaLiteSpec, contextChartSpec } from '../charts';
import { contextOf } from './analysis';

/** What the context scatter shows: every school with both ИСБШ and p, the fitted line when there is one. */
export function contextChartInput(a: Analysis): ContextChartInput {
  const c = contextOf(a);
  const points = c.schools
    .filter((s) => s.share !== null && s.outcome.isbsh !== null)
    .map((s) => ({ name: s.outcome.school.name, isbsh: s.outcome.isbsh as number, failedShare: s.share as number, shnor: s.outcome.shnor?.shnor === true, resilient: s.resilient }));
  return { points, a: c.model?.a ?? null, b: c.model?.b ?? null, r2: c.model?.r2 ?? null, n: c.model?.n ?? points.length, year: c.year };
}

/** The context scatter as a vega-lite spec (the CLI renders it); null when no school has both values. */
export function contextChart(a: Analysis): VegaLiteSpec | null {
  return contextChartSpec(contextChartInput(a));
}
