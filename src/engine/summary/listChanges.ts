import { Analysis } from '../analyze';
import { YearList, listOfYear } from '../history/yearList';
import { previousSchoolYear } from '../parse';
import { compareNames } from '../text';

export interface ListDiff {
  entered: string[];
  left: string[];
  stayed: string[];
}

/** How one list (ШНОР or ШНСУ) changed, or why it cannot be compared. */
export type ListComparison = ({ available: true } & ListDiff) | { available: false; reason: string };

export interface ListChanges {
  year: string;
  previousYear: string;
  shnor: ListComparison;
  shnsu: ListComparison;
  /** Caveats of the comparison (e.g. К2 for Y−1 without Y−2 results). */
  remarks: string[];
}

function diff(now: YearList, before: YearList, inList: (e: YearList['entries'][number]) => boolean): ListDiff {
  const was = new Set(before.entries.filter(inList).map((e) => e.school.id));
  const is = new Set(now.entries.filter(inList).map((e) => e.school.id));
  const nameOf = new Map([...before.entries, ...now.entries].map((e) => [e.school.id, e.school.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) as string).sort(compareNames);
  return {
    entered: names([...is].filter((id) => !was.has(id))),
    left: names([...was].filter((id) => !is.has(id))),
    stayed: names([...is].filter((id) => was.has(id))),
  };
}

/**
 * The list of Y against the list of Y−1 recomputed by the same rules from the same data. ШНСУ
 * history exists only when the questionnaire has answers for Y−1.
 */
export function compareLists(current: Analysis): ListChanges | null {
  if (!current.year) return null;
  const prev = previousSchoolYear(current.year);
  const now = listOfYear(current, current.year);
  const before = listOfYear(current, prev);
  const remarks: string[] = [];
  let shnor: ListComparison;
  if (!current.results?.years.includes(prev)) {
    shnor = { available: false, reason: `нет результатов оценочных процедур за ${prev}` };
  } else {
    shnor = { available: true, ...diff(now, before, (e) => e.shnor.shnor) };
    const beforePrev = previousSchoolYear(prev);
    if (!current.results.years.includes(beforePrev)) remarks.push(`Результатов за ${beforePrev} нет: перечень ШНОР ${prev} восстановлен только по критерию 1.`);
  }
  let shnsu: ListComparison;
  if (!current.questionnaire?.year || !before.hasShnsu) {
    shnsu = { available: false, reason: 'в анкете нет ответов за предыдущий учебный год' };
  } else {
    shnsu = { available: true, ...diff(now, before, (e) => e.shnsu === true) };
  }
  return { year: current.year, previousYear: prev, shnor, shnsu, remarks };
}
