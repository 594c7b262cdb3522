import { promises as fs } from 'fs';
import { dirname } from 'path';
import * as ExcelJS from 'exceljs';
import { GeneratedSheet } from '../../engine/sheets/generated';
import { PRODUCT_NAME } from '../../engine/strings';
import { Cell, SheetData } from '../../engine/table';
import { isEmptyCell, trimAndPad } from './cells';
import { errorDetail, IO_MESSAGES } from './messages';

export interface XlsxInput {
  workbook: ExcelJS.Workbook;
  sheets: SheetData[];
}

export interface SettingsUpdate {
  /** 'create': add the settings sheet with these rows (row 1 is the header); 'append': add rows under the last one. */
  kind: 'create' | 'append';
  rows: Cell[][];
}

export interface XlsxOutput {
  /** The workbook the input was read from; its worksheets are kept as they are. Absent for CSV input. */
  workbook?: ExcelJS.Workbook;
  /** Written as new sheets only when there is no `workbook`. */
  inputSheets: SheetData[];
  generated: GeneratedSheet[];
  settingsUpdate?: SettingsUpdate | null;
  settingsSheetName: string;
}

// ---------------------------------------------------------------------------------------------
// Reading

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File header of the old binary .xls. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads every worksheet's values the way a coordinator sees them in Excel. */
export async function readXlsx(path: string): Promise<XlsxInput> {
  const buffer = await readWorkbookFile(path);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types its Buffer as an ArrayBuffer; at run time it takes a Node Buffer.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new Error(IO_MESSAGES.brokenXlsx(path, errorDetail(error)));
  }
  // Any zip (a .docx, an .ods) loads without error but has no worksheets.
  if (workbook.worksheets.length === 0) throw new Error(IO_MESSAGES.notXlsx(path));
  return { workbook, sheets: workbook.worksheets.map(sheetData) };
}

async function readWorkbookFile(path: string): Promise<Buffer> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(IO_MESSAGES.fileNotFound(path));
    if (code === 'EISDIR') throw new Error(IO_MESSAGES.notAFile(path));
    throw new Error(IO_MESSAGES.readFailed(path, errorDetail(error)));
  }
  if (startsWith(buffer, OLE_SIGNATURE)) throw new Error(IO_MESSAGES.oldXls(path));
  if (!startsWith(buffer, ZIP_SIGNATURE)) throw new Error(IO_MESSAGES.notXlsx(path));
  return buffer;
}

function startsWith(buffer: Buffer, signature: Buffer): boolean {
  return buffer.length >= signature.length && buffer.subarray(0, signature.length).equals(signature);
}

function sheetData(worksheet: ExcelJS.Worksheet): SheetData {
  const rows: Cell[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      values[colNumber - 1] = cellValue(cell);
    });
    rows[rowNumber - 1] = values;
  });
  return { name: worksheet.name, rows: trimAndPad(rows) };
}

function cellValue(cell: ExcelJS.Cell): Cell {
  // Cells covered by a merge report the master's value; only the master holds it.
  if (cell.isMerged && cell.master !== cell) return null;
  // `cell.value` of a formula drops falsy results (0, '', FALSE), so read `cell.result` instead.
  if (cell.type === ExcelJS.ValueType.Formula) return formulaValue(cell.result, cell.formula);
  return plainValue(cell.value);
}

function formulaValue(result: ExcelJS.CellValue, formula: string | undefined): Cell {
  if (result !== undefined && result !== null) return plainValue(result);
  return formula ? `=${formula}` : null;
}

/** Turns an ExcelJS value (rich text, hyperlink, formula, error…) into the plain value shown in the cell. */
function plainValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return formulaValue(value.result, value.formula);
  // A hyperlink's text may itself be rich text.
  if ('text' in value) return plainValue(value.text as ExcelJS.CellValue);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Writes the input sheets unchanged, the settings update and the generated sheets to `path`. */
export async function writeXlsx(path: string, output: XlsxOutput): Promise<void> {
  await saveWorkbook(buildOutputWorkbook(output), path);
}

/** The bytes of that output workbook, for a caller that writes files itself (atomically). */
export async function xlsxBytes(output: XlsxOutput): Promise<Buffer> {
  return Buffer.from(await buildOutputWorkbook(output).xlsx.writeBuffer());
}

/**
 * Builds the output workbook. A given workbook is changed in place: its sheets named like generated
 * ones are removed and re-created, every other sheet is left untouched.
 */
export function buildOutputWorkbook(output: XlsxOutput): ExcelJS.Workbook {
  const generatedNames = output.generated.map((sheet) => sheet.name);
  const isGenerated = (name: string): boolean => generatedNames.some((g) => sameSheetName(g, name));
  const workbook =
    output.workbook ?? workbookFromSheets(output.inputSheets.filter((sheet) => !isGenerated(sheet.name)));
  for (const worksheet of workbook.worksheets) {
    if (isGenerated(worksheet.name)) workbook.removeWorksheet(worksheet.id);
  }
  if (output.settingsUpdate) applySettingsUpdate(workbook, output.settingsSheetName, output.settingsUpdate);
  for (const sheet of output.generated) addGeneratedSheet(workbook, sheet);
  return workbook;
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = PRODUCT_NAME;
  workbook.created = new Date();
  return workbook;
}

function workbookFromSheets(sheets: SheetData[]): ExcelJS.Workbook {
  const workbook = newWorkbook();
  for (const sheet of sheets) addValuesSheet(workbook, sheet.name, sheet.rows);
  return workbook;
}

/** Adds a sheet holding exactly these values; the name is made a valid, unused Excel sheet name. */
export function addValuesSheet(workbook: ExcelJS.Workbook, name: string, rows: Cell[][]): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(uniqueSheetName(workbook, name));
  writeRows(worksheet, rows, 1);
  return worksheet;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  try {
    await fs.mkdir(dirname(path), { recursive: true });
    await workbook.xlsx.writeFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail =
      code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? 'файл недоступен для записи (возможно, он открыт в Excel) — закройте его и повторите'
        : errorDetail(error);
    throw new Error(IO_MESSAGES.writeFailed(path, detail));
  }
}

function writeRows(worksheet: ExcelJS.Worksheet, rows: Cell[][], firstRow: number): void {
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const excel = excelValue(value);
      if (excel !== null) worksheet.getCell(firstRow + r, c + 1).value = excel;
    });
  });
}

/**
 * The value to store. Strings stay strings: ExcelJS writes them as text cells, so input such as
 * '=1+2' can never become a formula (we never build `{ formula }` values from data).
 */
function excelValue(value: Cell): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return value;
}

function applySettingsUpdate(workbook: ExcelJS.Workbook, name: string, update: SettingsUpdate): void {
  const existing = findSheet(workbook, name);
  if (update.kind === 'create') {
    if (existing) throw new Error(IO_MESSAGES.settingsSheetExists(name));
    const worksheet = addValuesSheet(workbook, name, update.rows);
    (update.rows[0] ?? []).forEach((_, c) => {
      worksheet.getCell(1, c + 1).font = { bold: true };
    });
    fitColumnWidths(worksheet, update.rows);
    return;
  }
  if (!existing) throw new Error(IO_MESSAGES.settingsSheetMissing(name));
  writeRows(existing, update.rows, lastUsedRow(existing) + 1);
}

function lastUsedRow(worksheet: ExcelJS.Worksheet): number {
  for (let r = worksheet.rowCount; r >= 1; r--) {
    if (worksheet.findRow(r)?.hasValues) return r;
  }
  return 0;
}

function fitColumnWidths(worksheet: ExcelJS.Worksheet, rows: Cell[][]): void {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((value, c) => {
      const length = value === null ? 0 : String(value).length;
      widths[c] = Math.max(widths[c] ?? 0, length);
    });
  }
  widths.forEach((w, c) => {
    worksheet.getColumn(c + 1).width = Math.min(Math.max(w + 2, 10), 80);
  });
}

// ---------------------------------------------------------------------------------------------
// Generated sheets

function addGeneratedSheet(workbook: ExcelJS.Workbook, sheet: GeneratedSheet): void {
  const worksheet = workbook.addWorksheet(sheet.name);
  writeRows(worksheet, withCheckboxValues(sheet), 1);
  applyCellFormats(worksheet, sheet);
  for (const note of sheet.notes) worksheet.getCell(note.row + 1, note.col + 1).note = note.text;
  for (const m of sheet.merges) {
    if (m.rows * m.cols > 1) worksheet.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  }
  if (sheet.frozenRows > 0) worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows }];
  sheet.columnWidths.forEach((px, c) => {
    if (px > 0) worksheet.getColumn(c + 1).width = pixelsToCharacters(px);
  });
  addCheckboxValidation(worksheet, sheet);
  addListValidations(worksheet, sheet);
  fitWrappedRows(worksheet, sheet);
}

/**
 * Excel and LibreOffice do not grow a row for wrapped text written by a program (Sheets does), so
 * long justifications would overlap: set the height from an estimate of the wrapped line count.
 */
function fitWrappedRows(worksheet: ExcelJS.Worksheet, sheet: GeneratedSheet): void {
  const LINE_PX = 15;
  const CHAR_PX = 7;
  sheet.values.forEach((row, r) => {
    let lines = 1;
    for (const c of sheet.wrapColumns) {
      const text = row[c];
      const width = sheet.columnWidths[c] ?? 0;
      if (typeof text !== 'string' || width <= 0) continue;
      lines = Math.max(lines, Math.ceil((text.length * CHAR_PX) / Math.max(width - 10, CHAR_PX)));
    }
    if (lines > 1) worksheet.getRow(r + 1).height = Math.min(lines * LINE_PX, 409);
  });
}

function applyCellFormats(worksheet: ExcelJS.Worksheet, sheet: GeneratedSheet): void {
  const wrap = new Set(sheet.wrapColumns);
  sheet.values.forEach((row, r) => {
    row.forEach((_, c) => {
      const argb = toArgb(sheet.backgrounds[r]?.[c] ?? null);
      const bold = sheet.bold[r]?.[c] === true;
      const numFmt = sheet.numberFormats[r]?.[c] ?? null;
      if (!argb && !bold && !numFmt && !wrap.has(c)) return;
      const cell = worksheet.getCell(r + 1, c + 1);
      if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      if (bold) cell.font = { bold: true };
      if (numFmt) cell.numFmt = numFmt;
      if (wrap.has(c)) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
}

/** '#rrggbb' or '#rgb' → 'FFRRGGBB'; anything else → null (default background). */
function toArgb(color: string | null): string | null {
  if (!color) return null;
  const hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{6}$/i.test(hex)) return `FF${hex.toUpperCase()}`;
  if (/^[0-9a-f]{3}$/i.test(hex)) return `FF${hex.replace(/./g, (d) => d + d).toUpperCase()}`;
  return null;
}

/** Excel widths are in characters of the default font (7 px per digit for Calibri 11) plus 5 px padding. */
function pixelsToCharacters(px: number): number {
  return Math.max(1, Math.round(((px - 5) / 7) * 100) / 100);
}

/** Like Sheets' insertCheckboxes, an empty cell of a checkbox range starts unchecked (FALSE). */
function withCheckboxValues(sheet: GeneratedSheet): Cell[][] {
  if (sheet.checkboxes.length === 0) return sheet.values;
  const values = sheet.values.map((row) => row.slice());
  forEachCheckbox(sheet, (r, c) => {
    if (r < values.length && isEmptyCell(values[r][c])) values[r][c] = false;
  });
  return values;
}

/**
 * ExcelJS cannot write a native checkbox, so a checkbox cell holds TRUE/FALSE with a drop-down list
 * "TRUE,FALSE" (in a Russian Excel the booleans show as ИСТИНА/ЛОЖЬ; the engine reads both).
 */
function addCheckboxValidation(worksheet: ExcelJS.Worksheet, sheet: GeneratedSheet): void {
  forEachCheckbox(sheet, (r, c) => {
    worksheet.getCell(r + 1, c + 1).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"TRUE,FALSE"'],
    };
  });
}

/** Drop-down lists («Статус» of «Дорожная карта»): other values are refused with the list's help text. */
function addListValidations(worksheet: ExcelJS.Worksheet, sheet: GeneratedSheet): void {
  for (const v of sheet.validations ?? []) {
    // Excel keeps a list's text in one formula of at most 255 characters.
    const formula = `"${v.values.map((x) => x.replace(/"/g, '""')).join(',')}"`;
    for (let r = v.row; r < v.row + v.rows; r++) {
      for (let c = v.col; c < v.col + v.cols; c++) {
        worksheet.getCell(r + 1, c + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: true,
          errorStyle: 'stop',
          ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
        };
      }
    }
  }
}

function forEachCheckbox(sheet: GeneratedSheet, visit: (row: number, col: number) => void): void {
  for (const range of sheet.checkboxes) {
    for (let r = range.row; r < range.row + range.rows; r++) {
      for (let c = range.col; c < range.col + range.cols; c++) visit(r, c);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet names

/** Excel compares sheet names without regard to case. */
function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((worksheet) => sameSheetName(worksheet.name, name));
}

const MAX_SHEET_NAME = 31;

/** A valid Excel sheet name (no `*?:/\[]`, no edge apostrophes, ≤ 31 characters) not used yet. */
function uniqueSheetName(workbook: ExcelJS.Workbook, name: string): string {
  let base = name.replace(/[*?:/\\[\]]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (base === '' || sameSheetName(base, 'History')) base = `${base || 'Лист'}_`;
  base = base.slice(0, MAX_SHEET_NAME);
  let candidate = base;
  for (let n = 2; findSheet(workbook, candidate); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  return candidate;
}
