import { SHEETS, Table, prepareMonitoring } from '../engine';
import { readWorkbookPath, xlsxBytes } from './io';

/**
 * «Подготовить лист мониторинга» for the command line: the bytes of the input workbook with
 * «Мониторинг» created or rebuilt (entries kept by school), every other sheet unchanged, and the
 * message to print. The caller writes the bytes (src/cli/output.ts).
 */
export async function monitoringWorkbook(source: string, generatedAt: string): Promise<{ bytes: Buffer; message: string }> {
  const input = await readWorkbookPath(source);
  const tables: Record<string, Table> = {};
  for (const s of input.sheets) tables[s.name] = s.rows;
  const prep = prepareMonitoring({ sheetNames: input.sheets.map((s) => s.name), tables }, generatedAt);
  // «Мониторинг» belongs to the working group once made: it is rebuilt on purpose, keeping their entries.
  const bytes = await xlsxBytes({ workbook: input.workbook, inputSheets: input.sheets, generated: [prep.sheet], rebuilt: [prep.sheet.name], settingsSheetName: SHEETS.settings });
  return { bytes, message: [...input.notices, prep.message].join('\n') };
}
