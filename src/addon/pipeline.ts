import { Analysis, PEEK_ROWS, Report, SHEETS, Settings, SourceInfo, Table, buildReport, selectInputSheets, workbookSettings } from '../engine';
import { applySettingsUpdate, readSheet, writeGenerated } from './sheetsAdapter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Local time text for the «generated at» line. */
export function nowText(ss: Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone(), 'dd.MM.yyyy HH:mm');
}

/** Today's date in the spreadsheet's time zone, «2023-04-15», for the roadmap's deadlines. */
export function todayText(ss: Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone(), 'yyyy-MM-dd');
}

/**
 * Reads the inputs the engine needs, each once: «Настройки» first (it may name the other sheets),
 * then the registry, questionnaire, results and monitoring sheets. `known` holds sheets the caller
 * already has in hand (just written), which are not read again.
 */
export function readInputs(ss: Spreadsheet, known: Record<string, Table> = {}): { sheetNames: string[]; tables: Record<string, Table>; today: string } {
  const byName = new Map(ss.getSheets().map((s) => [s.getName(), s]));
  const sheetNames = [...byName.keys()];
  const tables: Record<string, Table> = { ...known };
  const read = (name: string): Table => {
    if (!(name in tables)) tables[name] = readSheet(byName.get(name) as GoogleAppsScript.Spreadsheet.Sheet);
    return tables[name];
  };
  const sel = selectInputSheets(sheetNames, workbookSettings(sheetNames, read), (name) => peekSheet(byName.get(name)));
  for (const name of [sel.registry, sel.questionnaire, sel.results, sel.monitoring, sel.roadmap]) if (name) read(name);
  return { sheetNames, tables, today: todayText(ss) };
}

/** The first rows of a sheet, to recognise a renamed questionnaire by its header. */
function peekSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined): Table | null {
  if (!sheet) return null;
  const rows = Math.min(PEEK_ROWS, sheet.getLastRow());
  const cols = sheet.getLastColumn();
  return rows > 0 && cols > 0 ? (sheet.getRange(1, 1, rows, cols).getValues() as Table) : [];
}

export interface RunResult {
  report: Report;
  written: string[];
}

/** «Рассчитать»: the whole job on the active spreadsheet. */
export function runAnalysis(ss: Spreadsheet, overrides?: Partial<Settings>): RunResult {
  const inputs = readInputs(ss);
  const report = buildReport({ ...inputs, overrides }, nowText(ss));
  applySettingsUpdate(ss, SHEETS.settings, report.analysis.settingsUpdate);
  const written = report.sheets.map((g) => writeGenerated(ss, g).getName());
  return { report, written };
}

export type { Analysis, SourceInfo };
