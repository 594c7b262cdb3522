import { statSync } from 'fs';
import * as ExcelJS from 'exceljs';
import { Cell, SheetData } from '../../engine/table';
import { readCsvFolder } from './csvFolder';
import { IO_MESSAGES } from './messages';
import { addValuesSheet, newWorkbook, readXlsx, saveWorkbook } from './xlsxWorkbook';

export { readCsvFolder } from './csvFolder';
export { readXlsx, writeXlsx, xlsxBytes, buildOutputWorkbook } from './xlsxWorkbook';
export { importedXlsxBytes, writeImportedXlsx } from './appendRows';
export type { SettingsUpdate, XlsxInput, XlsxOutput } from './xlsxWorkbook';

export interface InputWorkbook {
  /** The workbook read from an .xlsx file; absent for a CSV folder. */
  workbook?: ExcelJS.Workbook;
  sheets: SheetData[];
  kind: 'xlsx' | 'csv';
}

/** Reads a workbook given on the command line: an .xlsx file or a folder of .csv files. */
export async function readWorkbookPath(path: string): Promise<InputWorkbook> {
  const stats = statOrNull(path);
  if (stats?.isDirectory()) return { sheets: readCsvFolder(path), kind: 'csv' };
  if (/\.xlsx$/i.test(path)) {
    const { workbook, sheets } = await readXlsx(path);
    return { workbook, sheets, kind: 'xlsx' };
  }
  if (!stats) throw new Error(IO_MESSAGES.expectedWorkbookNotFound(path));
  if (/\.csv$/i.test(path)) throw new Error(IO_MESSAGES.singleCsvFile(path));
  throw new Error(IO_MESSAGES.expectedWorkbook(path));
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
  const workbook = newWorkbook();
  for (const sheet of readCsvFolder(dir)) addValuesSheet(workbook, sheet.name, sheet.rows.map((row) => row.map(typedValue)));
  await saveWorkbook(workbook, out);
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
