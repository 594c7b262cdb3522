/**
 * Shared set-up of the add-on safety tests (issue 9): a coordinator's spreadsheet with results of
 * an earlier run, sheets of the user's (one of them named like a generated sheet), and helpers to
 * compare the whole spreadsheet before and after.
 */
import fs from 'node:fs';
import { AddonHandle, AppsScriptEnvironment, loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import { CODE_JS, exampleSheets } from '../support/exampleWorkbook';
import { SeedSheet, SheetDump, WorkbookCheckpoint } from '../support/fakeSpreadsheetApp';

export const INPUTS = ['Ответы на форму (1)', 'Результаты ОП', 'Справочник ОО'];
/** Where «Рассчитать» writes in `userWorkbook`: «Сводка» is the user's. */
export const GENERATED = ['ИСБШ', 'ШНОР', 'Перечень ШНОР и ШНСУ', 'Показатели', 'Сводка (расчёт)', 'Контекст', 'История', 'Журнал проверки'];
export const USER_SHEETS = ['Сводка', 'Мои заметки'];

export interface Started {
  env: AppsScriptEnvironment;
  addon: AddonHandle;
}

export function start(sheets: SeedSheet[]): Started {
  if (!fs.existsSync(CODE_JS)) throw new Error('dist/Code.js не собран: выполните npm run build');
  const env = sheetsEnvironment({ sheets, htmlFiles: { sidebar: '<!doctype html><p>панель</p>' } });
  return { env, addon: loadAddon(CODE_JS, env) };
}

/** The example municipality cut to its first `schools` schools (registry, responses and results), to keep loops fast. */
export function exampleCut(schools?: number): SeedSheet[] {
  const sheets = exampleSheets();
  if (schools === undefined) return sheets;
  const registry = sheets.find((s) => s.name === 'Справочник ОО') as SeedSheet;
  const kept = new Set(registry.rows.slice(1, schools + 1).map((r) => r[0]));
  // Every input has the school's code in column B, except the registry (column A).
  return sheets.map((s) => ({ ...s, rows: s.rows.filter((r, i) => i === 0 || kept.has(s === registry ? r[0] : r[1])) }));
}

/**
 * The example municipality (cut to `schools` when given) with a sheet «Сводка» the coordinator made
 * herself and a sheet of notes, both with formatting and a note.
 */
export function userWorkbook(schools?: number): SeedSheet[] {
  const sheets = exampleCut(schools);
  return [
    ...sheets,
    { name: 'Сводка', rows: [['Моя сводка для главы'], ['Школ в районе', 21], ['=СУММ(B2:B2)']] },
    { name: 'Мои заметки', rows: [['Позвонить в СОШ № 4'], ['Уточнить анкету гимназии']] },
  ];
}

/** Formatting and a note on the user's sheets, put there through the API as a user would. */
export function decorateUserSheets(env: AppsScriptEnvironment): void {
  const own = env.spreadsheet.getSheetByName('Сводка') as GoogleAppsScript.Spreadsheet.Sheet;
  own.getRange(1, 1, 1, 2).setBackground('#ffd966').setFontWeight('bold');
  own.getRange(2, 2).setNote('по данным на 1 сентября');
  own.setColumnWidth(1, 320);
  const notes = env.spreadsheet.getSheetByName('Мои заметки') as GoogleAppsScript.Spreadsheet.Sheet;
  notes.getRange(1, 1).setFontColor('#cc0000');
  notes.setFrozenRows(1);
}

/** Changes one parameter of «Настройки» as the coordinator would (by its label in column A). */
export function setSetting(env: AppsScriptEnvironment, label: string, value: string): void {
  const sheet = env.spreadsheet.getSheetByName('Настройки') as GoogleAppsScript.Spreadsheet.Sheet;
  const rows = sheet.getDataRange().getValues();
  const row = rows.findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`В «Настройках» нет параметра «${label}»`);
  sheet.getRange(row + 1, 2).setValue(value);
}

/**
 * A spreadsheet with the results of an earlier run, then a changed setting (so the next run writes
 * different sheets: a half-written run would show), the user on their own sheet, and clean logs.
 */
export function withPreviousResults(schools = 6): Started {
  const s = start(userWorkbook(schools));
  decorateUserSheets(s.env);
  s.addon.call('menuCalculate');
  setSetting(s.env, 'Граница ШНСУ', 'нижний квинтиль');
  (s.env.spreadsheet.getSheetByName('Мои заметки') as GoogleAppsScript.Spreadsheet.Sheet).activate();
  s.env.faults.reset();
  s.env.ui.clear();
  s.env.calls.reset();
  return s;
}

/**
 * One spreadsheet and one loaded bundle for many trials: `reset` brings the spreadsheet back to the
 * state after `prepare` (sheets, ids, active sheet) and clears the logs, so each trial starts alike
 * without paying for a new vm and an earlier run every time.
 */
export class Trials {
  readonly env: AppsScriptEnvironment;
  readonly addon: AddonHandle;
  /** The spreadsheet as every trial starts. */
  readonly before: Snapshot;
  private readonly saved: WorkbookCheckpoint;

  constructor(started: Started) {
    this.env = started.env;
    this.addon = started.addon;
    this.saved = this.env.workbook.checkpoint();
    this.before = snapshot(this.env);
    this.reset();
  }

  reset(): void {
    this.env.workbook.restore(this.saved);
    this.env.faults.reset();
    this.env.ui.clear();
    this.env.calls.reset();
    this.env.locks.events.length = 0;
  }
}

/** Deep equality of large dumps: a string comparison first (fast), Jest's diff only when they differ. */
export function expectSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  expect(actual).toEqual(expected);
}

export interface Snapshot {
  names: string[];
  active: string;
  sheets: Record<string, SheetDump>;
}

/** Everything about every sheet: values, formulas, formats, notes, merges, widths, charts, ids, order. */
export function snapshot(env: AppsScriptEnvironment): Snapshot {
  const names = env.workbook.sheetNames();
  return { names, active: env.workbook.activeSheetName(), sheets: Object.fromEntries(names.map((n) => [n, env.dumpSheet(n)])) };
}

export function pick(s: Snapshot, names: string[]): Record<string, SheetDump> {
  return Object.fromEntries(names.map((n) => [n, s.sheets[n]]));
}

const STAMP = /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/g;

/**
 * The same with what legitimately differs between two spreadsheets that went through the same runs
 * removed: sheet and chart ids (counters of the in-memory service) and the minute of «сформирован …».
 */
export function comparable(s: Snapshot): unknown {
  return JSON.parse(
    JSON.stringify(s, (k, v) => {
      if (k === 'sheetId' || k === 'chartId') return undefined;
      return typeof v === 'string' ? v.replace(STAMP, '<время>') : v;
    }),
  );
}

/** Names of temporary sheets a run builds or retires. */
export function transientSheets(env: AppsScriptEnvironment): string[] {
  return env.workbook.sheetNames().filter((n) => /^\[(черновик|прежний)( \d+)?\] /.test(n));
}

export function lastAlert(env: AppsScriptEnvironment): string {
  return env.ui.alerts.at(-1)?.prompt ?? '';
}
