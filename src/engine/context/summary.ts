import type { Analysis } from '../analyze';
import { nameList } from '../summary/nameList';
import { CONTEXT_TEXT } from '../strings';
import { Cell } from '../table';
import { formatNumber } from '../text';
import { ContextAnalysis, SchoolContext, contextOf } from './analysis';
import { Line } from './regression';

/** «p̂ = 0,912 − 0,0100 × ИСБШ». */
export function lineText(m: Line): string {
  return CONTEXT_TEXT.line(formatNumber(m.a, 3), formatNumber(Math.abs(m.b), 4), m.b < 0);
}

export function r2Text(m: Line): string {
  return m.r2 === null ? '' : formatNumber(m.r2, 2);
}

/** «10» or «7,5» percentage points. */
export function deviationText(c: ContextAnalysis): string {
  const pp = c.deviation * 100;
  return formatNumber(pp, Number.isInteger(Math.round(pp * 1e9) / 1e9) ? 0 : 1);
}

const byName = (a: Analysis, list: SchoolContext[]) =>
  list
    .map((s) => s.outcome.school)
    .sort(a.registry.schoolsByName())
    .map((s) => s.name);

/** The schools below expectations, largest residual first. */
function belowExpected(c: ContextAnalysis): SchoolContext[] {
  return c.schools.filter((s) => s.belowExpected).sort((x, y) => (y.residual as number) - (x.residual as number));
}

/** The rows of «Сводка»'s context section: label and count, then the names (a long list is cut, the sheet has it whole). */
export function contextSummaryRows(a: Analysis, max = 30): Cell[][] {
  const c = contextOf(a);
  if (!c.year || !a.results) return [[CONTEXT_TEXT.noResultsSheet]];
  const rows: Cell[][] = [[c.model ? CONTEXT_TEXT.summaryModel(lineText(c.model), r2Text(c.model), c.model.n) : CONTEXT_TEXT.notComputedRow(c.problem ?? '')]];
  const group = (label: string, names: string[]) => {
    rows.push([label, names.length]);
    if (names.length) rows.push([nameList(names, '; ', max)]);
  };
  if (c.model) group(CONTEXT_TEXT.summaryBelow(deviationText(c)), belowExpected(c).map((s) => s.outcome.school.name));
  group(CONTEXT_TEXT.summaryResilient, byName(a, c.schools.filter((s) => s.resilient)));
  group(CONTEXT_TEXT.summaryLeaders, byName(a, c.schools.filter((s) => s.leader)));
  rows.push([CONTEXT_TEXT.summaryPairs, c.pairs.length]);
  for (const p of c.pairs.slice(0, max)) rows.push([CONTEXT_TEXT.pair(p.shnor.outcome.school.name, p.leader.outcome.school.name)]);
  if (c.pairs.length > max) rows.push([CONTEXT_TEXT.summaryMore(c.pairs.length - max)]);
  if (c.unpaired.length) group(CONTEXT_TEXT.summaryUnpaired, c.unpaired.map((s) => s.outcome.school.name));
  return rows;
}

/** The analytic note's paragraph on the context: the model, schools below expectations, resilient schools, the pairs. */
export function contextNote(a: Analysis, max = 30): string | null {
  const c = contextOf(a);
  if (!c.year || !a.results) return null;
  const parts = [c.model ? CONTEXT_TEXT.noteModel(lineText(c.model), r2Text(c.model), c.model.n) : CONTEXT_TEXT.noteNoModel(c.problem ?? '')];
  if (c.model) {
    const below = belowExpected(c);
    parts.push(CONTEXT_TEXT.noteBelow(below.length, deviationText(c), nameList(below.map((s) => s.outcome.school.name), ', ', max)));
  }
  const resilient = byName(a, c.schools.filter((s) => s.resilient));
  parts.push(CONTEXT_TEXT.noteResilient(resilient.length, nameList(resilient, ', ', max)));
  if (c.pairs.length + c.unpaired.length > 0) {
    parts.push(CONTEXT_TEXT.notePairs(c.pairs.length, nameList(c.pairs.map((p) => CONTEXT_TEXT.pair(p.shnor.outcome.school.name, p.leader.outcome.school.name)), '; ', max)));
    if (c.unpaired.length) parts.push(CONTEXT_TEXT.noteUnpaired(c.unpaired.length, nameList(c.unpaired.map((s) => s.outcome.school.name), ', ', max)));
  }
  parts.push(CONTEXT_TEXT.modelNote);
  return parts.join(' ');
}
