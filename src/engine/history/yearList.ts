import type { AnalysisCore } from '../analyze';
import { isbsh, percentileInc } from '../isbsh/formula';
import { Response } from '../isbsh/questionnaire';
import { CUTOFF_P } from '../settings';

/**
 * ШНСУ of each school in one school year: the analysis year as the analysis says; another year only
 * from the questionnaire answers that carry it (DESIGN §2.6), with the same index, range check and
 * cut-off. null: no answers for that year, so ШНСУ cannot be said (never «false»).
 */
export function shnsuOfYear(a: AnalysisCore, year: string): Map<string, boolean> | null {
  if (year === a.year) return a.cutoff === null ? null : new Map(a.schools.map((o) => [o.school.id, o.shnsu]));
  const responses = a.questionnaire?.otherYears.get(year);
  return responses ? shnsuFrom(a, responses) : null;
}

function shnsuFrom(a: AnalysisCore, responses: Map<string, Response>): Map<string, boolean> | null {
  const values = new Map<string, number>();
  for (const o of a.schools) {
    const r = responses.get(o.school.id);
    if (!r) continue;
    const v = isbsh(r.shares, a.settings.weights);
    if (v >= 0 && v <= 100) values.set(o.school.id, v);
  }
  if (values.size === 0) return null;
  const cutoff = percentileInc([...values.values()], CUTOFF_P[a.settings.cutoff]);
  const shnsu = new Map<string, boolean>();
  for (const o of a.schools) shnsu.set(o.school.id, (values.get(o.school.id) ?? Infinity) <= cutoff);
  return shnsu;
}
