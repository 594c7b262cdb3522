import { Analysis } from '../analyze';
import { HistoryEntry } from '../history/history';
import { previousSchoolYear } from '../parse';
import { CATEGORY, HISTORY_TEXT } from '../strings';
import { formatPercent } from '../text';

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
  /** The whole list (ШНОР or ШНСУ, approved categories winning), by school code (DESIGN §2.6). */
  list: ListComparison;
  shnor: ListComparison;
  shnsu: ListComparison;
  /** Schools on the list in each of the last three years or more. */
  longOnList: string[];
  /** Of last year's ШНОР, how many are not on the list now. */
  shnorLeft: { of: number; left: number } | null;
  /** Caveats of the comparison (e.g. К2 for Y−1 without Y−2 results; which list was approved). */
  remarks: string[];
}

/**
 * The list of Y against the list of Y−1, both from the history: the approved list where it is
 * recorded, otherwise recomputed by the same rules from the same data. ШНСУ can be compared only when
 * Y−1 has questionnaire answers (or an approved list).
 */
export function compareLists(a: Analysis): ListChanges | null {
  if (!a.year) return null;
  const prev = previousSchoolYear(a.year);
  const h = a.history;
  const at = h.years.indexOf(a.year);
  const before = h.years.indexOf(prev);
  const remarks: string[] = [];
  const unavailable = (reason: string): ListComparison => ({ available: false, reason });
  if (at < 0 || before < 0) {
    const reason = `нет результатов оценочных процедур за ${prev}`;
    return { year: a.year, previousYear: prev, list: unavailable(reason), shnor: unavailable(reason), shnsu: unavailable(reason), longOnList: [], shnorLeft: null, remarks };
  }
  const byName = a.registry.schoolsByName();
  const diff = (inList: (e: HistoryEntry) => boolean): ListComparison => {
    const names = (f: (now: boolean, was: boolean) => boolean) =>
      h.schools
        .filter((s) => f(inList(s.entries[at]), inList(s.entries[before])))
        .map((s) => s.school)
        .sort(byName)
        .map((s) => s.name);
    return { available: true, entered: names((n, w) => n && !w), left: names((n, w) => !n && w), stayed: names((n, w) => n && w) };
  };
  const beforePrev = previousSchoolYear(prev);
  if (!h.years.includes(beforePrev) && h.perYear[before].source === 'computed') remarks.push(`Результатов за ${beforePrev} нет: перечень ШНОР ${prev} восстановлен только по критерию 1.`);
  for (const y of [prev, a.year]) {
    const source = h.perYear[h.years.indexOf(y)].source;
    if (source === 'approved') remarks.push(`Перечень ${y} — утверждённый (лист «Перечни прошлых лет»).`);
  }
  const shnsuKnown = h.perYear[before].shnsu !== null && h.perYear[at].shnsu !== null;
  const shnorLeft = h.shnorLeft;
  if (shnorLeft && shnorLeft.of > 0) remarks.push(`Из ${shnorLeft.of} ШНОР ${prev} вышли из перечня ${shnorLeft.left} (${formatPercent(shnorLeft.left / shnorLeft.of)}).`);
  return {
    year: a.year,
    previousYear: prev,
    list: diff((e) => e.category !== null),
    shnor: diff((e) => e.shnor),
    shnsu: shnsuKnown ? diff((e) => e.shnsu === true) : unavailable('в анкете нет ответов за предыдущий учебный год'),
    longOnList: h.longOnList.map((s) => s.name),
    shnorLeft,
    remarks,
  };
}

/** «ШНОР и ШНСУ», «ШНОР», «ШНСУ» or «—» for a cell of «История». */
export function historyCell(e: HistoryEntry | undefined): string {
  if (!e || e.category === null) return HISTORY_TEXT.notListed;
  return e.category === CATEGORY.both ? CATEGORY.both : e.category;
}
