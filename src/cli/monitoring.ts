import { SHEETS, Table, prepareMonitoring } from '../engine';
import { readWorkbookPath, writeXlsx } from './io';

/**
 * «Подготовить лист мониторинга» for the command line: the input workbook with «Мониторинг» created
 * or rebuilt (entries kept by school), every other sheet unchanged. Returns the message to print.
 */
export async function writeMonitoringWorkbook(source: string, output: string, generatedAt: string): Promise<string> {
  const input = await readWorkbookPath(source);
  const tables: Record<string, Table> = {};
  for (const s of input.sheets) tables[s.name] = s.rows;
  const prep = prepareMonitoring({ sheetNames: input.sheets.map((s) => s.name), tables }, generatedAt);
  // «Мониторинг» belongs to the working group once made: it is rebuilt on purpose, keeping their entries.
  await writeXlsx(output, { workbook: input.workbook, inputSheets: input.sheets, generated: [prep.sheet], rebuilt: [prep.sheet.name], settingsSheetName: SHEETS.settings });
  return [...input.notices, prep.message, `Записано: ${output}`].join('\n');
}
