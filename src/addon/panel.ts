import {
  Analysis,
  CONTEXT_SHEET,
  CUTOFF_LABELS,
  CutoffKind,
  Journal,
  LEVEL_LABELS,
  MESSAGES,
  MIN_THRESHOLD,
  PANEL_SETTING_LABELS,
  SHEETS,
  SOURCE_LABELS,
  Table,
  analyze,
  applySettingsEdit,
  indicatorCounts,
  parseSchoolYear,
  cellText,
  placeSheets,
  readSettings,
  settingsEdit,
  settingsSheetName,
  settingsTable,
} from '../engine';
import { PanelContext, panelContext } from './contextPanel';
import { HISTORY_SHEET, PanelHistory, panelHistory } from './historyPanel';
import { withLock } from './lock';
import { REPORT_SHEETS, SETTINGS_WIDTHS, readInputs, runAnalysis } from './pipeline';
import { SheetIndex, WriteOutcome, inspectSheets, readSheet, transact } from './sheetsAdapter';

export { withLock };
import { RoadmapSummary, roadmapSummary } from './roadmapSummary';

/** Everything here crosses `google.script.run`: plain objects, strings, numbers and booleans only. */
export interface PanelSource {
  role: keyof typeof SOURCE_LABELS;
  label: string;
  sheet: string | null;
  rows: number;
  problems: number;
}

export interface PanelSettings {
  year: string;
  cutoff: CutoffKind;
  threshold: number;
  sameProcedure: boolean;
}

export interface PanelProblem {
  level: 'error' | 'warning' | 'info';
  levelLabel: string;
  sheet: string;
  row: number | null;
  school: string;
  message: string;
}

export interface RunSummary {
  year: string | null;
  cutoff: number | null;
  cutoffLabel: string;
  schools: number;
  shnor: number;
  shnsu: number;
  both: number;
  needsCheck: number;
  noData: number;
  noIndex: number;
  errors: number;
  warnings: number;
  infos: number;
  problems: PanelProblem[];
  sheets: string[];
  /** The names the journal, the list and the indicators are (or will be) written under. */
  journalSheet: string;
  listSheet: string;
  indicatorsSheet: string;
  /** Program indicators by status (sheet «Показатели»). */
  indicators: { reached: number; notReached: number; noData: number };
  /** Completeness of «Дорожная карта» (issue 15); null when there is no such sheet. */
  roadmap: RoadmapSummary | null;
  /** «Контекст»: the model, and the pairs for network support. */
  context: PanelContext;
  /** «История»: who entered and who left since last year; whether this year's list is recorded. */
  history: PanelHistory;
  /** Generated sheets written beside a sheet of the user's of the same name, which was left as it is. */
  displaced: { wanted: string; name: string }[];
  /** Russian sentences about what did not fully work (a chart not drawn, a temporary sheet left). */
  notices: string[];
}

/** Where the run's sheets go: the wanted names unless the user has sheets of those names. */
export interface SheetPlaces {
  /** Wanted name → the name written under. */
  names: Record<string, string>;
  displaced: { wanted: string; name: string }[];
  notices: string[];
}

const NO_PLACES: SheetPlaces = { names: {}, displaced: [], notices: [] };

function placesOf(written: string[], outcome: WriteOutcome, wanted: readonly string[]): SheetPlaces {
  const names: Record<string, string> = {};
  wanted.forEach((w, i) => (names[w] = written[i] ?? w));
  return { names, displaced: outcome.displaced, notices: outcome.notices };
}

export interface PanelState {
  spreadsheet: string;
  sources: PanelSource[];
  settings: PanelSettings;
  cutoffOptions: { value: CutoffKind; label: string }[];
  years: string[];
  /** Generated sheets already in the spreadsheet (from an earlier run). */
  generated: string[];
  preview: RunSummary;
}

const FIRST_PROBLEMS = 8;

export function summarize(a: Analysis, sheets: string[], places: SheetPlaces = NO_PLACES): RunSummary {
  const placed = (name: string) => places.names[name] ?? name;
  // First: it adds the context's journal entries, which the counts below include.
  const context = panelContext(a, placed(CONTEXT_SHEET));
  const count = (f: (o: Analysis['schools'][number]) => boolean) => a.schools.filter(f).length;
  const problems = a.journal
    .filter((e) => e.level !== 'info')
    .sort((x, y) => (x.level === y.level ? 0 : x.level === 'error' ? -1 : 1))
    .slice(0, FIRST_PROBLEMS)
    .map((e) => ({ level: e.level, levelLabel: LEVEL_LABELS[e.level], sheet: e.sheet, row: e.row ?? null, school: e.school ?? '', message: e.message }));
  return {
    year: a.year,
    cutoff: a.cutoff,
    cutoffLabel: CUTOFF_LABELS[a.settings.cutoff],
    schools: a.schools.length,
    shnor: count((o) => o.shnor?.shnor === true),
    shnsu: count((o) => o.shnsu),
    both: count((o) => o.shnsu && o.shnor?.shnor === true),
    needsCheck: count((o) => o.shnor?.status === 'needs-check'),
    noData: count((o) => o.shnor?.status === 'no-data'),
    noIndex: count((o) => o.isbsh === null),
    errors: a.journal.filter((e) => e.level === 'error').length,
    warnings: a.journal.filter((e) => e.level === 'warning').length,
    infos: a.journal.filter((e) => e.level === 'info').length,
    problems,
    sheets,
    journalSheet: placed(SHEETS.journal),
    listSheet: placed(SHEETS.list),
    indicatorsSheet: placed(SHEETS.indicators),
    indicators: indicatorCounts(a.indicators),
    roadmap: roadmapSummary(a.roadmap),
    displaced: places.displaced,
    notices: places.notices,
    context,
    history: panelHistory(a, placed(HISTORY_SHEET)),
  };
}

function panelSettings(a: Analysis): PanelSettings {
  return { year: a.settings.year ?? '', cutoff: a.settings.cutoff, threshold: a.settings.threshold, sameProcedure: a.settings.sameProcedure };
}

/**
 * Where a run would write its sheets, and those of them that exist already (ours from an earlier
 * run): a sheet of the user's named «Сводка» is not listed as a result.
 */
function currentPlaces(index: SheetIndex): { places: SheetPlaces; generated: string[] } {
  const existing = inspectSheets(index, REPORT_SHEETS);
  const plan = placeSheets(REPORT_SHEETS, existing);
  const ours = new Set(existing.filter((e) => e.generated).map((e) => e.name));
  const names: Record<string, string> = {};
  for (const p of plan.placements) names[p.wanted] = p.name;
  return {
    places: { names, displaced: plan.placements.filter((p) => p.displaced).map((p) => ({ wanted: p.wanted, name: p.name })), notices: [] },
    generated: plan.placements.map((p) => p.name).filter((n) => ours.has(n)),
  };
}

function stateOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, a: Analysis, index: SheetIndex): PanelState {
  const { places, generated } = currentPlaces(index);
  return {
    spreadsheet: ss.getName(),
    sources: a.sources.map((s) => ({ role: s.role, label: SOURCE_LABELS[s.role], sheet: s.sheet, rows: s.rows, problems: s.problems })),
    settings: panelSettings(a),
    cutoffOptions: (Object.keys(CUTOFF_LABELS) as CutoffKind[]).map((value) => ({ value, label: CUTOFF_LABELS[value] })),
    years: a.results?.years.slice().reverse() ?? [],
    generated,
    preview: summarize(a, [], places),
  };
}

function active(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** What the panel shows on opening: sources found, settings, what a run would find (nothing is written). */
export function getPanelState(): PanelState {
  const ss = active();
  const index = new SheetIndex(ss);
  return stateOf(ss, analyze(readInputs(ss, {}, index)), index);
}

/** Validates the panel's settings; throws a Russian message for anything wrong. */
export function validatePanelSettings(input: unknown): PanelSettings {
  if (!input || typeof input !== 'object') throw new Error('Настройки не переданы.');
  const o = input as Record<string, unknown>;
  const yearText = typeof o.year === 'string' ? o.year.trim() : '';
  let year = '';
  if (yearText) {
    const y = parseSchoolYear(yearText);
    if (!y) throw new Error(`«${yearText}» не является учебным годом (пример: 2022/2023).`);
    year = y.year;
  }
  if (o.cutoff !== 'quartile' && o.cutoff !== 'quintile') throw new Error('Граница ШНСУ: выберите нижний квартиль или нижний квинтиль.');
  const threshold = typeof o.threshold === 'number' ? o.threshold : Number(String(o.threshold ?? '').replace(',', '.'));
  if (!Number.isFinite(threshold) || threshold < MIN_THRESHOLD || threshold > 100) throw new Error('Порог низкого результата должен быть числом больше 0 (не меньше 0,001) и не больше 100.');
  if (typeof o.sameProcedure !== 'boolean') throw new Error('Критерий 2: ожидается «да» или «нет».');
  return { year, cutoff: o.cutoff, threshold, sameProcedure: o.sameProcedure };
}

/**
 * Saves the panel's settings into «Настройки», all or nothing: only the cells of these four
 * parameters that change are written (a formula or note elsewhere in the sheet stays as it is),
 * parameters the sheet lacks are appended; returns the new state.
 */
export function savePanelSettings(input: PanelSettings): PanelState {
  const chosen = validatePanelSettings(input);
  const ss = active();
  return withLock(() => {
    const { value: saved } = transact(ss, (tx) => {
      const name = settingsSheetName(tx.index.list());
      const sheet = name ? tx.index.find(name) : undefined;
      const table: Table | null = sheet ? readSheet(sheet) : null;
      const current = readSettings(table, new Journal()).settings;
      const changed = { ...current, year: chosen.year || null, cutoff: chosen.cutoff, threshold: chosen.threshold, sameProcedure: chosen.sameProcedure };
      const edit = settingsEdit(table, changed, Object.values(PANEL_SETTING_LABELS));
      if (edit.kind === 'create' || !name || !table) {
        tx.createSheet(SHEETS.settings, edit.kind === 'create' ? edit.rows : settingsTable(changed), { columnWidths: SETTINGS_WIDTHS });
      } else {
        edit.values.forEach(([v], i) => {
          if (cellText(v) !== cellText(table[i]?.[1] ?? '')) tx.setCell(name, i + 1, 2, v);
        });
        if (edit.append.length > 0) tx.appendRows(name, table.length + 1, edit.append);
      }
      return { name: name ?? SHEETS.settings, table: applySettingsEdit(table, edit) };
    });
    const index = new SheetIndex(ss);
    return stateOf(ss, analyze(readInputs(ss, { [saved.name]: saved.table }, index)), index);
  });
}

/** «Рассчитать» from the panel: runs the whole job under the document lock. */
export function runCalculation(): RunSummary {
  const ss = active();
  return withLock(() => {
    const { report, written, outcome } = runAnalysis(ss);
    return summarize(report.analysis, written, placesOf(written, outcome, report.placement.placements.map((p) => p.wanted)));
  });
}

/** Makes a sheet active (links in the panel). */
export function activateSheet(name: string): boolean {
  if (typeof name !== 'string' || name.trim() === '') throw new Error('Не указан лист.');
  const sheet = active().getSheetByName(name);
  if (!sheet) throw new Error(MESSAGES.noSheet(name));
  sheet.activate();
  return true;
}
