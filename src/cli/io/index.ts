import { statSync } from 'fs';
import type { Report } from '../../engine/report';
import { SHEETS } from '../../engine/strings';
import { ExistingSheet, isGeneratedSheet } from '../../engine/sheets/placement';
import { Cell, SheetData } from '../../engine/table';
import { readCsvFolder } from './csvFolder';
import { IO_MESSAGES } from './messages';
import { MAX_EXCEL_TEXT } from './render';
import { readXlsx, SourceWorkbook } from './xlsxReader';
import { excelSafeNames } from './sheetNames';
import { reportPictures } from './pictures';
import { saveBytes, valuesWorkbookBytes, xlsxBytes } from './xlsxWorkbook';

export { readCsvFolder } from './csvFolder';
export { readXlsx, writeXlsx, xlsxBytes, saveBytes, SourceWorkbook } from './xlsxWorkbook';
export { importedXlsxBytes, writeImportedXlsx } from './appendRows';
export { chartPicture, chartPictures, reportPictures } from './pictures';
export type { Picture, RowsAppend, SettingsUpdate, XlsxInput, XlsxOutput } from './xlsxWorkbook';
export type { ImportOutput } from './appendRows';

export interface InputWorkbook {
  /** The .xlsx package the values were read from; absent for a CSV folder. */
  workbook?: SourceWorkbook;
  sheets: SheetData[];
  kind: 'xlsx' | 'csv';
  /** Every sheet with whether its first cell carries our marker, for `buildReport`'s placement. */
  existingSheets: ExistingSheet[];
  /** What the user should know about the file itself (a sheet renamed in the output), in Russian. */
  notices: string[];
}

/** What `analyze` writes: the input workbook as it was, the report's sheets, the charts' pictures in their sheets. */
export function reportWorkbookBytes(input: InputWorkbook, report: Report, charts: { isbsh?: Buffer | null; context?: Buffer | null }): Promise<Buffer> {
  return xlsxBytes({
    workbook: input.workbook,
    inputSheets: input.sheets,
    generated: report.sheets,
    obsolete: report.placement.obsolete,
    settingsUpdate: report.analysis.settingsUpdate,
    settingsSheetName: SHEETS.settings,
    pictures: reportPictures(report.sheets, charts),
  });
}

/** Reads a workbook given on the command line: an .xlsx file or a folder of .csv files. */
export async function readWorkbookPath(path: string): Promise<InputWorkbook> {
  const stats = statOrNull(path);
  if (stats?.isDirectory()) {
    const sheets = readCsvFolder(path);
    const existingSheets = sheets.map((s) => ({ name: s.name, generated: isGeneratedSheet(s.rows[0]?.[0]) }));
    return { sheets, kind: 'csv', existingSheets, notices: [...renameNotices(excelSafeNames(sheets.map((s) => s.name))), ...longTextNotices(sheets)] };
  }
  if (/\.xlsx$/i.test(path)) {
    const { workbook, sheets } = await readXlsx(path);
    // Chart sheets count too: a generated sheet is never written over one.
    const existingSheets = workbook.sheets.map((s) => ({ name: s.entry.name, generated: s.generated }));
    return { workbook, sheets, kind: 'xlsx', existingSheets, notices: renameNotices(workbook.renames) };
  }
  if (!stats) throw new Error(IO_MESSAGES.expectedWorkbookNotFound(path));
  if (/\.csv$/i.test(path)) throw new Error(IO_MESSAGES.singleCsvFile(path));
  throw new Error(IO_MESSAGES.expectedWorkbook(path));
}

/** A CSV cell longer than Excel holds is cut in the output workbook (the CSV file itself is not touched): say where. */
function longTextNotices(sheets: SheetData[]): string[] {
  const out: string[] = [];
  for (const sheet of sheets) {
    const rows: number[] = [];
    sheet.rows.forEach((row, r) => {
      if (row.some((v) => typeof v === 'string' && v.length > MAX_EXCEL_TEXT)) rows.push(r + 1);
    });
    if (rows.length > 0) out.push(IO_MESSAGES.longTextCut(sheet.name, rows, MAX_EXCEL_TEXT));
  }
  return out;
}

function renameNotices(renames: Map<string, string>): string[] {
  return [...renames].map(([from, to]) => IO_MESSAGES.sheetRenamed(from, to));
}

function statOrNull(path: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Converts a CSV folder into an .xlsx whose cells hold what a spreadsheet holds after typing the
 * values in: plain numbers become numbers, everything else stays text.
 */
export async function writeCsvFolderAsXlsx(dir: string, out: string): Promise<void> {
  const sheets = readCsvFolder(dir).map((s) => ({ name: s.name, rows: s.rows.map((row) => row.map(typedValue)) }));
  await saveBytes(out, (await valuesWorkbookBytes(sheets)).bytes);
}

/**
 * «40», «-3», «12,5» → numbers. Kept as text: «1 024», «12.5», «15.01.2023 10:32:11», «2021/2022», and
 * numbers with leading zeros such as school codes «007» (a spreadsheet would drop the zeros).
 * At most 15 digits, so the number is exact.
 */
export function typedValue(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  const match = /^-?(0|[1-9]\d*)(,\d+)?$/.test(value) && value.replace(/\D/g, '').length <= 15;
  if (!match) return value;
  const n = Number(value.replace(',', '.'));
  return n === 0 ? 0 : n; // no -0
}
