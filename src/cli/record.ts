import { HISTORY_TEXT, Table, analyze, planRecordFor } from '../engine';
import { readWorkbookPath } from './io';
import { importedXlsxBytes } from './io/appendRows';

/**
 * `record` (issue 13): the current year's list as rows appended to «Перечни прошлых лет», with the
 * order's number and date; the bytes of the workbook, or why nothing is to be written.
 */
export async function recordWorkbook(source: string, order: string): Promise<{ ok: true; bytes: Buffer; message: string } | { ok: false; message: string }> {
  const input = await readWorkbookPath(source);
  const tables: Record<string, Table> = Object.fromEntries(input.sheets.map((s) => [s.name, s.rows]));
  const workbook = { sheetNames: input.sheets.map((s) => s.name), tables };
  const plan = planRecordFor(workbook, analyze(workbook), order);
  if (!plan.ok) return plan;
  const bytes = await importedXlsxBytes({
    workbook: input.workbook,
    inputSheets: input.sheets,
    append: { sheet: plan.sheet, createSheet: plan.createSheet, startRow: plan.startRow, values: plan.values },
    generated: [],
  });
  return { ok: true, bytes, message: HISTORY_TEXT.recorded(plan.year, plan.schools, plan.sheet) };
}
