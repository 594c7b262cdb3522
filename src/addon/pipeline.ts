import { Analysis, Cell, PEEK_ROWS, REPORT_SHEETS, Report, SHEETS, Settings, SourceInfo, Table, buildReport, selectInputSheets, sheetsToRead, workbookSettings } from '../engine';
import { SheetIndex, SheetTransaction, WriteOutcome, readSheet, transact } from './sheetsAdapter';

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
 * The sheets «Рассчитать» writes, by the names the engine wants for them: the add-on reads the first
 * cell of the sheets that may be one of these (`isPlacementCandidate`) before the run, so that a
 * sheet of the user's with such a name is never replaced. The writer checks every other name itself.
 */
export { REPORT_SHEETS };

/**
 * Reads the inputs the engine needs, each once: «Настройки» first (it may name the other sheets),
 * then the registry, questionnaire, results and monitoring sheets. `known` holds sheets the caller
 * already has in hand (just written), which are not read again; `index` the sheet list when the
 * caller has read it already.
 */
export function readInputs(ss: Spreadsheet, known: Record<string, Table> = {}, index = new SheetIndex(ss)): { sheetNames: string[]; tables: Record<string, Table>; today: string } {
  const sheetNames = index.list();
  const tables: Record<string, Table> = { ...known };
  const read = (name: string): Table => {
    if (!(name in tables)) tables[name] = readSheet(index.find(name) as GoogleAppsScript.Spreadsheet.Sheet);
    return tables[name];
  };
  const sel = selectInputSheets(sheetNames, workbookSettings(sheetNames, read), (name) => peekSheet(index.find(name)));
  for (const name of sheetsToRead(sel)) read(name);
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
  /** Names of the sheets written, in order. */
  written: string[];
  /** Where displaced sheets went, what could not be removed or drawn. */
  outcome: WriteOutcome;
}

/** Column widths of a new «Настройки»: parameter, value, explanation. */
export const SETTINGS_WIDTHS = [380, 200, 520];

/** «Настройки» is created whole when absent, or gets the parameters it lacks; rows there are never rewritten. */
function stageSettingsUpdate(tx: SheetTransaction, update: Analysis['settingsUpdate']): void {
  if (!update || update.rows.length === 0) return;
  const rows: Cell[][] = update.rows.map((r) => [...r, '', '', ''].slice(0, 3));
  const existing = tx.index.list().find((n) => n.toLowerCase() === SHEETS.settings.toLowerCase());
  if (update.kind === 'create' || !existing) tx.createSheet(SHEETS.settings, rows, { columnWidths: SETTINGS_WIDTHS });
  else tx.appendRows(existing, (tx.index.find(existing) as GoogleAppsScript.Spreadsheet.Sheet).getLastRow() + 1, rows);
}

/**
 * «Рассчитать»: the whole job on the active spreadsheet, all-or-nothing (see `SheetTransaction`):
 * either every generated sheet is new and complete, or nothing of the previous results changed.
 */
export function runAnalysis(ss: Spreadsheet, overrides?: Partial<Settings>): RunResult {
  const { value: report, outcome } = transact(ss, (tx) => {
    const inputs = readInputs(ss, {}, tx.index);
    const built = buildReport({ ...inputs, overrides, existingSheets: tx.inspect(REPORT_SHEETS) }, nowText(ss));
    stageSettingsUpdate(tx, built.analysis.settingsUpdate);
    for (const g of built.sheets) tx.stage(g);
    tx.remove(built.placement.obsolete, built.placement.placements);
    return built;
  });
  const displaced = report.placement.placements.filter((p) => p.displaced).map((p) => ({ wanted: p.wanted, name: p.name }));
  outcome.displaced.unshift(...displaced);
  return { report, written: outcome.written, outcome };
}

export type { Analysis, SourceInfo };
