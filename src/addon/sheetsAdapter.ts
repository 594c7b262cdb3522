import { Cell, GeneratedSheet, ListValidation, Table, needsTextGuard } from '../engine';
import { insertChart } from './chart';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Reads a whole sheet with one call. */
export function readSheet(sheet: Sheet): Table {
  return sheet.getDataRange().getValues() as Table;
}

/** Text from the user stays text: Sheets would otherwise turn «=…», «+7…», «12,5» into formulas or numbers. */
export function guardCell(value: Cell): Cell {
  if (typeof value === 'string' && needsTextGuard(value)) return `'${value}`;
  return value;
}

function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Clears a generated sheet of everything a previous run left (values, formats, notes, merges, checkboxes, charts). */
function resetSheet(sheet: Sheet): void {
  const whole = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  whole.breakApart();
  whole.clearDataValidations();
  sheet.clear();
  sheet.clearNotes();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.setFrozenRows(0);
}

/**
 * Writes a generated sheet whole: one `setValues`, one call per kind of formatting, and a few calls
 * bounded by the layout (merges, widths), never by the number of schools.
 */
export function writeGenerated(ss: Spreadsheet, g: GeneratedSheet): Sheet {
  let sheet = ss.getSheetByName(g.name);
  if (sheet) resetSheet(sheet);
  else sheet = ss.insertSheet(g.name, ss.getSheets().length);
  const rows = g.values.length;
  const cols = g.values[0]?.length ?? 1;
  ensureSize(sheet, rows, cols);
  const range = sheet.getRange(1, 1, rows, cols);
  // insertCheckboxes sets every cell of its range to unchecked, so it must come before the values.
  for (const c of g.checkboxes) sheet.getRange(c.row + 1, c.col + 1, c.rows, c.cols).insertCheckboxes();
  range.setValues(g.values.map((r) => r.map(guardCell)));
  for (const v of g.validations ?? []) sheet.getRange(v.row + 1, v.col + 1, v.rows, v.cols).setDataValidation(listRule(v));
  range.setBackgrounds(g.backgrounds as string[][]);
  range.setFontWeights(g.bold.map((r) => r.map((b) => (b ? 'bold' : 'normal'))));
  range.setNumberFormats(g.numberFormats.map((r) => r.map((f) => f ?? 'General')));
  if (g.notes.length > 0) {
    const notes = g.values.map((r) => r.map(() => ''));
    for (const n of g.notes) notes[n.row][n.col] = n.text;
    range.setNotes(notes);
  }
  range.setVerticalAlignment('top');
  for (const m of g.merges) sheet.getRange(m.row + 1, m.col + 1, m.rows, m.cols).merge();
  for (const c of g.wrapColumns) sheet.getRange(1, c + 1, rows, 1).setWrap(true);
  g.columnWidths.forEach((w, i) => sheet?.setColumnWidth(i + 1, w));
  if (g.frozenRows > 0) sheet.setFrozenRows(g.frozenRows);
  if (g.chart) insertChart(sheet, g.chart);
  return sheet;
}

/** A strict drop-down list of allowed values (other input is refused). */
export function listRule(v: ListValidation): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().requireValueInList(v.values, true).setAllowInvalid(false);
  return (v.helpText ? builder.setHelpText(v.helpText) : builder).build();
}

/** Creates or extends «Настройки» as the engine asks; existing rows are never rewritten. */
export function applySettingsUpdate(ss: Spreadsheet, name: string, update: { kind: 'create' | 'append'; rows: Cell[][] } | null): void {
  if (!update || update.rows.length === 0) return;
  const width = 3;
  const rows = update.rows.map((r) => [...r, '', '', ''].slice(0, width).map(guardCell));
  if (update.kind === 'create') {
    const sheet = ss.insertSheet(name, ss.getSheets().length);
    ensureSize(sheet, rows.length, width);
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(1, 1, 380);
    sheet.setColumnWidths(2, 1, 200);
    sheet.setColumnWidths(3, 1, 520);
    return;
  }
  const sheet = ss.getSheetByName(name);
  if (!sheet) return;
  const start = sheet.getLastRow() + 1;
  ensureSize(sheet, start + rows.length - 1, width);
  sheet.getRange(start, 1, rows.length, width).setValues(rows);
}
