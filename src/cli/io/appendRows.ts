import { ImportAppend } from '../../engine/import';
import { GeneratedSheet } from '../../engine/sheets/generated';
import { isGeneratedSheet, placeSheets } from '../../engine/sheets/placement';
import { SheetData } from '../../engine/table';
import { saveBytes, xlsxBytes } from './xlsxWorkbook';
import { SourceWorkbook } from './xlsxReader';

export interface ImportOutput {
  /** The workbook the input was read from (absent for a CSV folder). */
  workbook?: SourceWorkbook;
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
  await saveBytes(path, await importedXlsxBytes(output));
}

/**
 * The bytes of that workbook, for a caller that writes files itself (atomically). A user's own sheet
 * named like the journal is never replaced: the journal goes to «Журнал импорта (расчёт)».
 */
export async function importedXlsxBytes(output: ImportOutput): Promise<Buffer> {
  const existing = output.workbook
    ? output.workbook.sheets.map((s) => ({ name: s.entry.name, generated: s.generated }))
    : output.inputSheets.map((s) => ({ name: s.name, generated: isGeneratedSheet(s.rows[0]?.[0]) }));
  const placement = placeSheets(
    output.generated.map((s) => s.name),
    existing,
  );
  const generated = output.generated.map((s, i) => ({ ...s, name: placement.placements[i].name }));
  const append = output.append;
  return xlsxBytes({
    workbook: output.workbook,
    inputSheets: output.inputSheets,
    generated,
    obsolete: placement.obsolete,
    settingsSheetName: '',
    appends: append ? [{ sheet: append.sheet, startRow: append.startRow, rows: append.values, createSheet: append.createSheet, header: append.header }] : [],
  });
}
