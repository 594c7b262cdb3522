import * as ExcelJS from 'exceljs';
import { CliIO } from '../../src/cli/main';

/** A CliIO that records what the CLI prints, with a fixed clock. */
export function recordingIo(now = new Date(Date.UTC(2026, 0, 15, 7, 0))): { out: string[]; err: string[]; io: CliIO } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t), now: () => now } };
}

/** The values of one sheet of an .xlsx as ExcelJS reads them, row by row (1-based rows at index − 1). */
export async function sheetValues(path: string, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}
