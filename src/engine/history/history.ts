import type { AnalysisCore } from '../analyze';
import { Journal } from '../journal';
import { previousSchoolYear } from '../parse';
import { School } from '../schools/registry';
import { CATEGORY, HISTORY_TEXT } from '../strings';
import { nameList } from '../summary/nameList';
import { compareNames } from '../text';
import { ApprovedLists, Category, categoryFlags } from './approved';
import { listOfYear } from './yearList';

export type ExitStatus = 'left' | 'leaving' | null;

/** A school in one school year of the history (DESIGN §2.6, §3.3). */
export interface HistoryEntry {
  year: string;
  shnor: boolean;
  /** null: no questionnaire answers for that year (and no approved list saying otherwise). */
  shnsu: boolean | null;
  category: Category | null;
  /** «утверждён»: the list recorded in «Перечни прошлых лет»; «расчёт»: recomputed from the data. */
  source: 'approved' | 'computed';
}

export interface SchoolHistory {
  school: School;
  /** One entry per school year present in the results, oldest first. */
  entries: HistoryEntry[];
  yearsOnList: number;
  /** Years counted back from the analysis year to the last year on the list (0 when on it now). */
  clearYearsInRow: number;
  exit: ExitStatus;
}

/** The list of Y against the list of Y−1, by school code (DESIGN §2.6). */
export interface ListChangeSet {
  year: string;
  previousYear: string;
  entered: School[];
  left: School[];
  stayed: School[];
}

export interface YearSummary {
  year: string;
  source: 'approved' | 'computed';
  shnor: number;
  shnsu: number | null;
  both: number | null;
  onList: number;
  /** Compared with the year before in the history (null for the first year). */
  entered: number | null;
  left: number | null;
}

export interface History {
  /** School years of the history, oldest first (the years present in the results). */
  years: string[];
  /** Per school, in the order of `analysis.schools`. */
  schools: SchoolHistory[];
  perYear: YearSummary[];
  /** Y against Y−1; null when the results have no Y−1. */
  changes: ListChangeSet | null;
  /** Schools on the list in each of the last three years or more, up to Y. */
  longOnList: School[];
  /** Of the schools that were ШНОР in Y−1, how many are not on the list in Y. */
  shnorLeft: { of: number; left: number } | null;
}

const onList = (e: HistoryEntry | undefined): boolean => e !== undefined && e.category !== null;

function categoryOf(shnor: boolean, shnsu: boolean | null): Category | null {
  if (shnor && shnsu) return CATEGORY.both;
  if (shnor) return CATEGORY.shnor;
  if (shnsu) return CATEGORY.shnsu;
  return null;
}

/**
 * The list for every school year the results hold, by the rules of the analysis year with Y = X,
 * the approved lists winning where recorded; then who entered, who left, who is on the way out.
 */
export function buildHistory(a: AnalysisCore, approved: ApprovedLists | null, journal: Journal): History {
  const years = a.results ? a.results.years.filter((y) => !a.year || y <= a.year) : [];
  const schools: SchoolHistory[] = a.schools.map((o) => ({ school: o.school, entries: [], yearsOnList: 0, clearYearsInRow: 0, exit: null }));
  const perYear: YearSummary[] = [];
  const withoutQuestionnaire: string[] = [];
  const differences = new Map<string, string[]>();

  for (const year of years) {
    const list = listOfYear(a, year);
    const recorded = approved?.byYear.get(year) ?? null;
    const recordedShnsu = recorded !== null && [...recorded.values()].some((r) => categoryFlags(r.category).shnsu);
    if (!list.hasShnsu && !recorded) withoutQuestionnaire.push(year);
    list.entries.forEach((e, i) => {
      const computed = categoryOf(e.shnor.shnor, e.shnsu);
      let entry: HistoryEntry;
      if (recorded) {
        const category = recorded.get(e.school.id)?.category ?? null;
        const flags = categoryFlags(category);
        // ШНСУ is known for an approved year when the list names ШНСУ schools or the answers of that year exist.
        const shnsuKnown = flags.shnsu || recordedShnsu || e.shnsu !== null;
        entry = { year, shnor: flags.shnor, shnsu: shnsuKnown ? flags.shnsu : null, category, source: 'approved' };
        // A difference the data can show: without that year's answers only the ШНОР part can be compared.
        const differs = e.shnsu === null ? flags.shnor !== e.shnor.shnor : category !== computed;
        if (differs) {
          const found = differences.get(e.school.id) ?? [];
          found.push(HISTORY_TEXT.differs(year, category, computed));
          differences.set(e.school.id, found);
        }
      } else {
        entry = { year, shnor: e.shnor.shnor, shnsu: e.shnsu, category: computed, source: 'computed' };
      }
      schools[i].entries.push(entry);
    });
    const entries = schools.map((s) => s.entries[s.entries.length - 1]);
    const before = perYear.length > 0 ? schools.map((s) => s.entries[s.entries.length - 2]) : null;
    const known = entries.some((e) => e.shnsu !== null);
    perYear.push({
      year,
      source: recorded ? 'approved' : 'computed',
      shnor: entries.filter((e) => e.shnor).length,
      shnsu: known ? entries.filter((e) => e.shnsu === true).length : null,
      both: known ? entries.filter((e) => e.category === CATEGORY.both).length : null,
      onList: entries.filter(onList).length,
      entered: before ? entries.filter((e, i) => onList(e) && !onList(before[i])).length : null,
      left: before ? entries.filter((e, i) => !onList(e) && onList(before[i])).length : null,
    });
  }

  const exitYears = a.settings.exitYears;
  for (const s of schools) {
    s.yearsOnList = s.entries.filter(onList).length;
    let last = -1;
    for (let i = s.entries.length - 1; i >= 0 && last < 0; i--) if (onList(s.entries[i])) last = i;
    s.clearYearsInRow = last < 0 ? s.entries.length : s.entries.length - 1 - last;
    s.exit = last < 0 || s.clearYearsInRow === 0 ? null : s.clearYearsInRow >= exitYears ? 'left' : 'leaving';
  }

  if (withoutQuestionnaire.length > 0 && years.length > 0) {
    journal.info(a.questionnaire?.sheet ?? '', HISTORY_TEXT.noQuestionnaireYears(withoutQuestionnaire), { action: HISTORY_TEXT.noQuestionnaireAction });
  }
  for (const s of schools) {
    const found = differences.get(s.school.id);
    if (found) journal.warning(approved?.sheet ?? '', HISTORY_TEXT.differences(found), { school: s.school.name, action: HISTORY_TEXT.differencesAction });
  }

  const changes = changesOf(a, years, schools);
  const lastIndex = years.length - 1;
  const longOnList = lastIndex >= 2 ? schools.filter((s) => s.entries.slice(-3).every(onList) && a.year === years[lastIndex]).map((s) => s.school) : [];
  let shnorLeft: History['shnorLeft'] = null;
  if (changes && lastIndex >= 1) {
    const wasShnor = schools.filter((s) => s.entries[lastIndex - 1]?.shnor);
    shnorLeft = { of: wasShnor.length, left: wasShnor.filter((s) => !onList(s.entries[lastIndex])).length };
  }
  return { years, schools, perYear, changes, longOnList: sortByName(longOnList), shnorLeft };
}

function changesOf(a: AnalysisCore, years: string[], schools: SchoolHistory[]): ListChangeSet | null {
  if (!a.year || years[years.length - 1] !== a.year) return null;
  const previousYear = previousSchoolYear(a.year);
  if (years[years.length - 2] !== previousYear) return null;
  const last = years.length - 1;
  const pick = (f: (now: boolean, before: boolean) => boolean) => sortByName(schools.filter((s) => f(onList(s.entries[last]), onList(s.entries[last - 1]))).map((s) => s.school));
  return {
    year: a.year,
    previousYear,
    entered: pick((now, before) => now && !before),
    left: pick((now, before) => !now && before),
    stayed: pick((now, before) => now && before),
  };
}

function sortByName(list: School[]): School[] {
  return list.slice().sort((x, y) => compareNames(x.name, y.name));
}

/** «МБОУ СОШ № 1, МБОУ СОШ № 4 и ещё 12» — for sentences of the note and «Сводка». */
export function schoolNames(list: School[], max = 30): string {
  return nameList(list.map((s) => s.name), ', ', max);
}
