import { Analysis, SchoolOutcome } from '../analyze';
import { previousSchoolYear } from '../parse';

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

function diff(now: SchoolOutcome[], before: SchoolOutcome[], inList: (o: SchoolOutcome) => boolean): ListDiff {
  const was = new Set(before.filter(inList).map((o) => o.school.id));
  const is = new Set(now.filter(inList).map((o) => o.school.id));
  const nameOf = new Map([...before, ...now].map((o) => [o.school.id, o.school.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) as string).sort((x, y) => x.localeCompare(y, 'ru', { numeric: true }));
  return {
    entered: names([...is].filter((id) => !was.has(id))),
    left: names([...was].filter((id) => !is.has(id))),
    stayed: names([...is].filter((id) => was.has(id))),
  };
}

/**
 * The list of Y against the list of Y−1 recomputed by the same rules (`previous` is the analysis
 * with year = Y−1). ШНСУ history exists only when the questionnaire has answers for another year.
 */
export function compareLists(current: Analysis, previous: Analysis | null): ListChanges | null {
  if (!current.year) return null;
  const prev = previousSchoolYear(current.year);
  const remarks: string[] = [];
  let shnor: ListComparison;
  if (!previous || !current.results?.years.includes(prev)) {
    shnor = { available: false, reason: `нет результатов оценочных процедур за ${prev}` };
  } else {
    shnor = { available: true, ...diff(current.schools, previous.schools, (o) => o.shnor?.shnor === true) };
    const beforePrev = previousSchoolYear(prev);
    if (!current.results.years.includes(beforePrev)) remarks.push(`Результатов за ${beforePrev} нет: перечень ШНОР ${prev} восстановлен только по критерию 1.`);
  }
  const qNow = current.questionnaire?.year ?? null;
  const qBefore = previous?.questionnaire?.year ?? null;
  let shnsu: ListComparison;
  if (!previous || !qNow || !qBefore || qNow === qBefore) {
    shnsu = { available: false, reason: 'в анкете нет ответов за предыдущий учебный год' };
  } else {
    shnsu = { available: true, ...diff(current.schools, previous.schools, (o) => o.shnsu) };
  }
  return { year: current.year, previousYear: prev, shnor, shnsu, remarks };
}
