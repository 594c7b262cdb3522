import { SHEETS, Table, prepareRoadmap } from '../engine';
import { readWorkbookPath, xlsxBytes } from './io';

/** The local calendar date of `now`, «2023-04-15», in the zone the CLI dates its sheets in. */
export function isoDate(now: Date, timeZone = 'Europe/Moscow'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * `roadmap` (issue 15), «Подготовить дорожную карту» for the command line: the bytes of the input
 * workbook with «Дорожная карта» created, or rebuilt with every value the working group typed (its
 * rows and columns included), the rows of schools new in a track and the marks of those that left;
 * every other sheet unchanged. A workbook hands over values only, so a formula of the user's in the
 * sheet is kept as its value, and the sheet's formatting becomes ours. The caller writes the bytes.
 * Not ok when a sheet of that name is not a roadmap: nothing is to be written then.
 */
export async function roadmapWorkbook(source: string, generatedAt: string, today: string): Promise<{ ok: true; bytes: Buffer; message: string } | { ok: false; message: string }> {
  const input = await readWorkbookPath(source);
  const tables: Record<string, Table> = {};
  for (const s of input.sheets) tables[s.name] = s.rows;
  const prep = prepareRoadmap({ sheetNames: input.sheets.map((s) => s.name), tables, today }, generatedAt);
  if (!prep.sheet) return { ok: false, message: prep.message };
  const bytes = await xlsxBytes({ workbook: input.workbook, inputSheets: input.sheets, generated: [prep.sheet], rebuilt: [prep.sheet.name], settingsSheetName: SHEETS.settings });
  return { ok: true, bytes, message: prep.message };
}
