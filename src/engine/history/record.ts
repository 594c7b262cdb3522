import type { Analysis, AnalysisInput } from '../analyze';
import { selectInputSheets } from '../inputs';
import { listRows } from '../sheets/shnorSheet';
import { Category, RecordPlan, planRecord } from './approved';

/**
 * «Зафиксировать перечень года» on a workbook: the current list, in the order of «Перечень», as rows
 * to append to «Перечни прошлых лет» (or why not). `order` is the order's number and date as typed.
 */
export function planRecordFor(input: AnalysisInput, a: Analysis, order: string): RecordPlan {
  const sheet = selectInputSheets(input.sheetNames, a.settings).approved;
  const table = sheet ? input.tables[sheet] ?? null : null;
  const listed = listRows(a).map((r) => ({ school: r.school, category: r.category as Category }));
  return planRecord(a.year, listed, a.approved, table, order);
}
