import type { AnalysisCore } from '../analyze';
import { isbsh, percentileInc } from '../isbsh/formula';
import { Response } from '../isbsh/questionnaire';
import { CUTOFF_P } from '../settings';
import { ShnorFlags, shnorFlags } from '../shnor/judge';
import { resultsOf } from '../shnor/results';
import { School } from '../schools/registry';

/** One school in the list of one school year. */
export interface YearListEntry {
  school: School;
  shnor: ShnorFlags;
  /** null: no questionnaire answers for that year, so ШНСУ cannot be said (never «false»). */
  shnsu: boolean | null;
}

/** The list of a school year X by the rules of §2.3–2.4 with Y = X (DESIGN §2.6), for every school. */
export interface YearList {
  year: string;
  entries: YearListEntry[];
  /** The questionnaire has answers for this year (ШНСУ is known). */
  hasShnsu: boolean;
  cutoff: number | null;
}

/** ШНСУ of each school from one year's responses: the same index, range check and cut-off as the analysis year. */
function shnsuFrom(a: AnalysisCore, responses: Map<string, Response>): { shnsu: Map<string, boolean>; cutoff: number | null } {
  const values = new Map<string, number>();
  for (const o of a.schools) {
    const r = responses.get(o.school.id);
    if (!r) continue;
    const v = isbsh(r.shares, a.settings.weights);
    if (v >= 0 && v <= 100) values.set(o.school.id, v);
  }
  const shnsu = new Map<string, boolean>();
  if (values.size === 0) return { shnsu, cutoff: null };
  const cutoff = percentileInc([...values.values()], CUTOFF_P[a.settings.cutoff]);
  for (const [id, v] of values) shnsu.set(id, v <= cutoff);
  return { shnsu, cutoff };
}

/**
 * The list of `year` from the analysis' own grouped data, without reading anything again. The
 * analysis year is the analysis itself; another year takes ШНСУ only from answers carrying that year.
 */
export function listOfYear(a: AnalysisCore, year: string): YearList {
  if (year === a.year) {
    return {
      year,
      hasShnsu: a.cutoff !== null,
      cutoff: a.cutoff,
      entries: a.schools.map((o) => ({
        school: o.school,
        shnor: o.shnor ?? { shnor: false, criterion1: false, criterion2: false, status: 'no-data' },
        shnsu: a.cutoff === null ? null : o.shnsu,
      })),
    };
  }
  const responses = a.questionnaire?.otherYears.get(year) ?? null;
  const isbshOfYear = responses ? shnsuFrom(a, responses) : null;
  return {
    year,
    hasShnsu: isbshOfYear !== null,
    cutoff: isbshOfYear?.cutoff ?? null,
    entries: a.schools.map((o) => ({
      school: o.school,
      shnor: shnorFlags(resultsOf(a.results, o.school), year, a.settings),
      shnsu: isbshOfYear ? isbshOfYear.shnsu.get(o.school.id) ?? false : null,
    })),
  };
}
