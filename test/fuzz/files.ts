/** Writing a generated workbook model as the files a coordinator has: an .xlsx, or a folder of CSV. */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { trimAndPad } from '../../src/cli/io/cells';
import { Cell } from '../../src/engine/table';
import fc from 'fast-check';
import { FileCell, WorkbookModel, describeWorkbook, readValue } from './workbooks';

/**
 * Characters an .xlsx cannot hold as they are (XML 1.0 forbids most C0 controls; a lone CR becomes
 * LF when the XML is read). Excel itself stores them escaped, so they never reach a reader raw.
 */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]/g;

function sanitized(cell: FileCell): FileCell {
  const clean = (t: string) => t.replace(NOT_IN_XML, '?');
  if (typeof cell === 'string') return clean(cell);
  if (cell === null || typeof cell !== 'object' || cell instanceof Date || 'error' in cell) return cell;
  if ('formula' in cell) return { formula: cell.formula, result: typeof cell.result === 'string' ? clean(cell.result) : cell.result };
  return { richText: cell.richText.map(clean) };
}

function xlsxValue(cell: FileCell): ExcelJS.CellValue {
  const c = sanitized(cell);
  // A spreadsheet holds no empty text: an empty cell is empty.
  if (c === null || c === '') return null;
  if (typeof c !== 'object' || c instanceof Date) return c;
  if ('error' in c) return { error: c.error } as ExcelJS.CellErrorValue;
  if ('formula' in c) return { formula: c.formula, result: c.result } as ExcelJS.CellFormulaValue;
  return { richText: c.richText.map((text) => ({ text })) };
}

/** What the reader must return for those rows: the shown values, trailing empties trimmed. */
export function expectedXlsxRows(rows: FileCell[][]): Cell[][] {
  return trimAndPad(rows.map((r) => r.map((c) => (xlsxValue(c) === null ? null : readValue(sanitized(c))))));
}

/**
 * Characters outside the Basic Multilingual Plane (emoji, 🏫) replaced by «□» for the file round
 * trips. KNOWN GAP (report of branch cli): ExcelJS 4.4 zips each XML part with JSZip, whose
 * DataWorker cuts strings every 16 384 UTF-16 units and so splits a surrogate pair that falls on a
 * boundary (Stuk/jszip#963): the character is written as two U+FFFD. Shrunk counterexample, through
 * `shnor-monitor analyze` of a CSV folder: «Лист1» = [[null], ["-1e+308", "🏫" × 25 000]] → the
 * output's copy of B2 holds «��» at index 16 196. Any emoji at such a boundary of a large workbook is
 * hit, so the fix belongs in the writer (src/cli/io: hand JSZip bytes, not strings); then drop this.
 */
export function withoutAstral(model: WorkbookModel): WorkbookModel {
  const bmp = (t: string) => t.replace(/[\u{10000}-\u{10FFFF}]/gu, '□');
  const cell = (c: FileCell): FileCell => {
    if (typeof c === 'string') return bmp(c);
    if (c === null || typeof c !== 'object' || c instanceof Date || 'error' in c) return c;
    if ('formula' in c) return { formula: c.formula, result: typeof c.result === 'string' ? bmp(c.result) : c.result };
    return { richText: c.richText.map(bmp) };
  };
  const copy = { sheets: model.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(cell)) })) };
  return Object.assign(copy, { [fc.toStringMethod]: () => describeWorkbook(copy) });
}

export async function writeXlsxModel(model: WorkbookModel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const v = xlsxValue(cell);
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  }
  await wb.xlsx.writeFile(file);
}

function csvField(cell: FileCell): string {
  const v = readValue(cell);
  const text = v === null ? '' : String(v);
  return `"${text.replace(/"/g, '""')}"`;
}

/** One UTF-8 file per sheet (with the BOM Excel writes), every field quoted. */
export function writeCsvModel(model: WorkbookModel, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const sheet of model.sheets) {
    fs.writeFileSync(path.join(dir, `${sheet.name}.csv`), `\ufeff${sheet.rows.map((r) => r.map(csvField).join(',')).join('\n')}`);
  }
}

/** What reading that folder must give: text cells, '' as empty. */
export function expectedCsvRows(rows: FileCell[][]): Cell[][] {
  return trimAndPad(rows.map((r) => r.map((c) => {
    const v = readValue(c);
    return v === null || v === '' ? null : String(v);
  })));
}
