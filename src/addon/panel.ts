import {
  Analysis,
  CUTOFF_LABELS,
  CutoffKind,
  Journal,
  LEVEL_LABELS,
  MESSAGES,
  PANEL_SETTING_LABELS,
  SHEETS,
  SOURCE_LABELS,
  Table,
  analyze,
  applySettingsEdit,
  indicatorCounts,
  parseSchoolYear,
  readSettings,
  settingsEdit,
} from '../engine';
import { readInputs, runAnalysis } from './pipeline';
import { RoadmapSummary, roadmapSummary } from './roadmapSummary';
import { guardCell, readSheet } from './sheetsAdapter';

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
  journalSheet: string;
  listSheet: string;
  /** Program indicators by status (sheet «Показатели»). */
  indicators: { reached: number; notReached: number; noData: number };
  /** Completeness of «Дорожная карта» (issue 15); null when there is no such sheet. */
  roadmap: RoadmapSummary | null;
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

export function summarize(a: Analysis, sheets: string[]): RunSummary {
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
    journalSheet: SHEETS.journal,
    listSheet: SHEETS.list,
    indicators: indicatorCounts(a.indicators),
    roadmap: roadmapSummary(a.roadmap),
  };
}

function panelSettings(a: Analysis): PanelSettings {
  return { year: a.settings.year ?? '', cutoff: a.settings.cutoff, threshold: a.settings.threshold, sameProcedure: a.settings.sameProcedure };
}

const GENERATED = [SHEETS.isbsh, SHEETS.shnor, SHEETS.list, SHEETS.indicators, SHEETS.summary, SHEETS.journal] as string[];

function stateOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, a: Analysis): PanelState {
  const names = ss.getSheets().map((s) => s.getName());
  return {
    spreadsheet: ss.getName(),
    sources: a.sources.map((s) => ({ role: s.role, label: SOURCE_LABELS[s.role], sheet: s.sheet, rows: s.rows, problems: s.problems })),
    settings: panelSettings(a),
    cutoffOptions: (Object.keys(CUTOFF_LABELS) as CutoffKind[]).map((value) => ({ value, label: CUTOFF_LABELS[value] })),
    years: a.results?.years.slice().reverse() ?? [],
    generated: GENERATED.filter((n) => names.includes(n)),
    preview: summarize(a, []),
  };
}

function active(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** What the panel shows on opening: sources found, settings, what a run would find (nothing is written). */
export function getPanelState(): PanelState {
  const ss = active();
  return stateOf(ss, analyze(readInputs(ss)));
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
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 100) throw new Error('Порог низкого результата должен быть числом от 0 до 100.');
  if (typeof o.sameProcedure !== 'boolean') throw new Error('Критерий 2: ожидается «да» или «нет».');
  return { year, cutoff: o.cutoff, threshold, sameProcedure: o.sameProcedure };
}

/** Saves the panel's settings into «Настройки» (only these four parameters change) and returns the new state. */
export function savePanelSettings(input: PanelSettings): PanelState {
  const chosen = validatePanelSettings(input);
  const ss = active();
  return withLock(() => {
    let sheet = ss.getSheetByName(SHEETS.settings);
    const table: Table | null = sheet ? readSheet(sheet) : null;
    const current = readSettings(table, new Journal()).settings;
    const changed = { ...current, year: chosen.year || null, cutoff: chosen.cutoff, threshold: chosen.threshold, sameProcedure: chosen.sameProcedure };
    const edit = settingsEdit(table, changed, Object.values(PANEL_SETTING_LABELS));
    if (edit.kind === 'create') {
      sheet = ss.insertSheet(SHEETS.settings, ss.getSheets().length);
      sheet.getRange(1, 1, edit.rows.length, 3).setValues(edit.rows.map((r) => r.map(guardCell)));
      sheet.getRange(1, 1, 1, 3).setFontWeight('bold');
      sheet.setFrozenRows(1);
    } else if (sheet) {
      sheet.getRange(1, 2, edit.values.length, 1).setValues(edit.values.map((r) => r.map(guardCell)));
      if (edit.append.length > 0) sheet.getRange(sheet.getLastRow() + 1, 1, edit.append.length, 3).setValues(edit.append.map((r) => r.map(guardCell)));
    }
    return stateOf(ss, analyze(readInputs(ss, { [sheet?.getName() ?? SHEETS.settings]: applySettingsEdit(table, edit) })));
  });
}

/** «Рассчитать» from the panel: runs the whole job under the document lock. */
export function runCalculation(): RunSummary {
  const ss = active();
  return withLock(() => {
    const { report, written } = runAnalysis(ss);
    return summarize(report.analysis, written);
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

/** One run at a time per document: a second click gets a clear message instead of a corrupted sheet. */
export function withLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(500)) throw new Error(MESSAGES.busy);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
