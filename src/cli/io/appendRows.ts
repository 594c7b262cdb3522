import * as ExcelJS from 'exceljs';
import { ImportAppend } from '../../engine/import';
import { GeneratedSheet } from '../../engine/sheets/generated';
import { SheetData } from '../../engine/table';
import { buildOutputWorkbook, saveWorkbook } from './xlsxWorkbook';

export interface ImportOutput {
  /** The workbook the input was read from (absent for a CSV folder). */
  workbook?: ExcelJS.Workbook;
  inputSheets: SheetData[];
  append: ImportAppend | null;
  /** «Журнал импорта». */
  generated: GeneratedSheet[];
}

/**
 * Writes the workbook with the import applied: every input sheet as it was, the new rows under the
 * last row of «Результаты ОП» (the sheet is created when absent), and the import journal.
 */
export async function writeImportedXlsx(path: string, output: ImportOutput): Promise<void> {
  await saveWorkbook(importedWorkbook(output), path);
}

/** The bytes of that workbook, for a caller that writes files itself (atomically). */
export async function importedXlsxBytes(output: ImportOutput): Promise<Buffer> {
  return Buffer.from(await importedWorkbook(output).xlsx.writeBuffer());
}

function importedWorkbook(output: ImportOutput): ExcelJS.Workbook {
  const workbook = buildOutputWorkbook({ workbook: output.workbook, inputSheets: output.inputSheets, generated: output.generated, settingsSheetName: '' });
  if (output.append) appendRows(workbook, output.append);
  return workbook;
}

function appendRows(workbook: ExcelJS.Workbook, append: ImportAppend): void {
  const existing = workbook.worksheets.find((w) => w.name.toLowerCase() === append.sheet.toLowerCase());
  const worksheet = existing ?? workbook.addWorksheet(append.sheet);
  // Headers of columns the sheet lacks, in blank cells of its header row (the import checked them).
  append.header?.values.forEach((value, i) => {
    worksheet.getCell(append.header?.row as number, (append.header?.column as number) + i).value = value;
  });
  append.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null && value !== '') worksheet.getCell(append.startRow + r, c + 1).value = value;
    });
  });
  if (append.createSheet) worksheet.getRow(1).font = { bold: true };
}
