import { findHeader } from './headers';
import { QUESTIONNAIRE_COLUMNS } from './isbsh/questionnaire';
import { Journal } from './journal';
import { Settings, readSettings } from './settings';
import { CONTEXT_SHEET, IMPORT_JOURNAL_SHEET, QUESTIONNAIRE_SHEET_PREFIXES, ROADMAP_SHEET, SHEETS } from './strings';
import { Table } from './table';
import { fold } from './text';

/** The settings sheet of a workbook, whatever the case of its name. */
export function settingsSheetName(sheetNames: string[]): string | undefined {
  return sheetNames.find((n) => fold(n) === fold(SHEETS.settings));
}

/**
 * The settings a workbook gives (defaults without «Настройки»), for a shell that must know the
 * sheet names before reading the other inputs. Problems are reported by the run itself.
 */
export function workbookSettings(sheetNames: string[], read: (name: string) => Table): Settings {
  const name = settingsSheetName(sheetNames);
  return readSettings(name ? read(name) : null, new Journal()).settings;
}

/** Which sheets of a workbook are the inputs (DESIGN §3.1). */
export interface InputSelection {
  settings?: string;
  registry?: string;
  questionnaire?: string;
  results?: string;
  monitoring?: string;
  /** «Дорожная карта» (kept sheet of the working group, issue 15). */
  roadmap?: string;
  /** «Перечни прошлых лет»: the approved lists (a kept sheet). */
  approved?: string;
  /** Every sheet whose name says it holds form responses (a warning when there are several). */
  questionnaireCandidates: string[];
  /** The questionnaire was recognised by its headers, not by its name. */
  questionnaireByContent: boolean;
}

/** The first rows of a sheet (enough to see its header), or null when they are not at hand. */
export type Peek = (sheet: string) => Table | null;

/** How many rows are enough to find a header under a title. */
export const PEEK_ROWS = 15;

const GENERATED = new Set([SHEETS.isbsh, SHEETS.shnor, SHEETS.list, SHEETS.indicators, SHEETS.summary, CONTEXT_SHEET, SHEETS.history, SHEETS.objectivity, SHEETS.journal, IMPORT_JOURNAL_SHEET].map(fold));

/** A sheet whose header has the three questionnaire counts: the form's responses whatever its name. */
export function looksLikeQuestionnaire(table: Table | null): boolean {
  return table !== null && findHeader(table.slice(0, PEEK_ROWS), QUESTIONNAIRE_COLUMNS).missing.length === 0;
}

/**
 * Chooses the input sheets, so that a shell reads only those (each once). Names first: «Настройки»
 * may name the questionnaire and results sheets; otherwise «Ответы на форму…», «Результаты ОП»
 * (or another sheet whose name starts with «Результаты»), «Справочник ОО». With `peek`, a
 * questionnaire renamed by the coordinator is still found by its headers.
 */
export function selectInputSheets(sheetNames: string[], settings: Settings, peek?: Peek): InputSelection {
  const find = (name: string) => sheetNames.find((n) => fold(n) === fold(name));
  const startingWith = (prefix: string) => sheetNames.filter((n) => fold(n).startsWith(fold(prefix)) && !GENERATED.has(fold(n)));
  const sel: InputSelection = {
    settings: settingsSheetName(sheetNames),
    registry: find(SHEETS.registry) ?? startingWith('Справочник')[0],
    results: find(settings.resultsSheet) ?? find(SHEETS.results) ?? startingWith('Результат')[0],
    monitoring: find(SHEETS.monitoring),
    roadmap: find(ROADMAP_SHEET),
    approved: find(SHEETS.approved),
    questionnaireCandidates: sheetNames.filter((n) => QUESTIONNAIRE_SHEET_PREFIXES.some((p) => fold(n).startsWith(fold(p)))),
    questionnaireByContent: false,
  };
  if (settings.questionnaireSheet) {
    sel.questionnaire = find(settings.questionnaireSheet);
    return sel;
  }
  const candidates = sel.questionnaireCandidates;
  // One candidate is taken as it is: peeking costs the add-on a read.
  sel.questionnaire = (peek && candidates.length > 1 && candidates.find((n) => looksLikeQuestionnaire(peek(n)))) || candidates[0];
  if (!sel.questionnaire && peek) {
    const taken = new Set([sel.settings, sel.registry, sel.results, sel.monitoring, sel.approved, sel.roadmap].filter(Boolean).map((n) => fold(n as string)));
    sel.questionnaire = sheetNames.find((n) => !taken.has(fold(n)) && !GENERATED.has(fold(n)) && looksLikeQuestionnaire(peek(n)));
    sel.questionnaireByContent = sel.questionnaire !== undefined;
  }
  return sel;
}

/** The sheets a shell reads for an analysis besides «Настройки», each once. */
export function sheetsToRead(sel: InputSelection): string[] {
  return [sel.registry, sel.questionnaire, sel.results, sel.monitoring, sel.approved, sel.roadmap].filter((n): n is string => n !== undefined);
}
