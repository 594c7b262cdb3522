import * as ExcelJS from 'exceljs';
import { GeneratedSheet } from '../../engine/sheets/generated';
import { Cell } from '../../engine/table';
import { isEmptyCell } from './cells';
import { OpcPackage, readWorkbookModel } from './package';
import { A4_MARGINS, FONT, layoutSheet, MAX_ROW_PT, PRINTABLE_WIDTH_PX, rowHeight, SheetLayout } from './printLayout';

/**
 * Sheets the writer adds are rendered by ExcelJS into a package of their own (values, styles,
 * merges, notes, validation, page setup and pictures are ExcelJS's), from which the patcher
 * transplants them into the output. Large sheets go through ExcelJS's streaming writer; a sheet
 * with a picture through its in-memory model (the streaming writer cannot place pictures).
 */

/** A PNG placed on a generated sheet: its top-left corner on a cell (0-based), its size in pixels. */
export interface Picture {
  sheet: string;
  png: Buffer;
  row: number;
  col: number;
  width: number;
  height: number;
}

export type SheetSpec =
  | { kind: 'generated'; sheet: GeneratedSheet }
  /** Plain values (a CSV input, a new «Настройки»): a bold header row and widths from the text when asked. */
  | { kind: 'values'; name: string; rows: Cell[][]; boldHeader?: boolean; fitWidths?: boolean };

export interface RenderedSheet {
  name: string;
  pkg: OpcPackage;
  /** The sheet's part inside `pkg`. */
  part: string;
  /** 1-based rows/columns repeated on every page. */
  printTitles: { rows: { first: number; last: number } | null; columns: { first: number; last: number } | null } | null;
}

export function specName(spec: SheetSpec): string {
  return spec.kind === 'generated' ? spec.sheet.name : spec.name;
}

/** Renders every spec; the result keeps their order. */
export async function renderSheets(specs: SheetSpec[], pictures: Picture[]): Promise<RenderedSheet[]> {
  const withPictures = (spec: SheetSpec) => pictures.some((p) => p.sheet === specName(spec));
  const streamed = specs.filter((s) => !withPictures(s));
  const rendered = new Map<SheetSpec, RenderedSheet>();
  if (streamed.length > 0) {
    for (const [spec, sheet] of await renderStreamed(streamed)) rendered.set(spec, sheet);
  }
  for (const spec of specs.filter(withPictures)) {
    rendered.set(spec, await renderInMemory(spec, pictures.filter((p) => p.sheet === specName(spec))));
  }
  return specs.map((s) => rendered.get(s) as RenderedSheet);
}

async function renderStreamed(specs: SheetSpec[]): Promise<Map<SheetSpec, RenderedSheet>> {
  // Stored, not compressed: the package is only read back by the patcher.
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: false, zip: { store: true } } as unknown as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  const titles: RenderedSheet['printTitles'][] = [];
  specs.forEach((spec, i) => {
    const plan = planSheet(spec);
    const worksheet = writer.addWorksheet(placeholderName(i), plan.options) as unknown as ExcelJS.Worksheet;
    fillWorksheet(worksheet, spec, plan, true);
    worksheet.commit();
    titles.push(plan.printTitles);
  });
  await writer.commit();
  const buffer = (writer as unknown as { stream: { read(): Buffer } }).stream.read();
  const pkg = await OpcPackage.load(buffer);
  const model = await readWorkbookModel(pkg);
  const result = new Map<SheetSpec, RenderedSheet>();
  specs.forEach((spec, i) => {
    const entry = model.sheets.find((s) => s.name === placeholderName(i));
    if (!entry?.part) throw new Error(`внутренняя ошибка: лист ${specName(spec)} не записан`);
    result.set(spec, { name: specName(spec), pkg, part: entry.part, printTitles: titles[i] });
  });
  return result;
}

async function renderInMemory(spec: SheetSpec, pictures: Picture[]): Promise<RenderedSheet> {
  const workbook = new ExcelJS.Workbook();
  const plan = planSheet(spec);
  makeRoom(plan, spec, pictures);
  const worksheet = workbook.addWorksheet(placeholderName(0), plan.options);
  fillWorksheet(worksheet, spec, plan, false);
  for (const p of pictures) {
    const id = workbook.addImage({ buffer: p.png as unknown as ExcelJS.Buffer, extension: 'png' });
    worksheet.addImage(id, { tl: { col: p.col, row: p.row }, ext: { width: p.width, height: p.height }, editAs: 'oneCell' });
  }
  const pkg = await OpcPackage.load(Buffer.from(await workbook.xlsx.writeBuffer()));
  const entry = (await readWorkbookModel(pkg)).sheets[0];
  if (!entry?.part) throw new Error(`внутренняя ошибка: лист ${specName(spec)} не записан`);
  return { name: specName(spec), pkg, part: entry.part, printTitles: plan.printTitles };
}

/** ExcelJS never sees the real names (it refuses some a workbook may hold); the patcher writes those. */
function placeholderName(i: number): string {
  return `S${i + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Filling a worksheet

interface SheetPlan {
  options: Partial<ExcelJS.AddWorksheetOptions>;
  layout: SheetLayout | null;
  widths: number[];
  printTitles: RenderedSheet['printTitles'];
}

/**
 * A picture never covers the table below it: the rows from its anchor down to the chart's data
 * header grow, evenly, until they are as tall as the picture.
 */
function makeRoom(plan: SheetPlan, spec: SheetSpec, pictures: Picture[]): void {
  if (spec.kind !== 'generated' || !plan.layout) return;
  const chart = spec.sheet.chart;
  const heights = plan.layout.rowHeights;
  for (const p of pictures) {
    const end = chart && chart.anchorRow === p.row && chart.headerRow > p.row ? chart.headerRow : p.row + 1;
    const rows = end - p.row;
    let have = 0;
    for (let r = p.row; r < end; r++) have += heights.get(r) ?? rowHeight(1);
    const need = p.height * 0.75 + 6; // pixels → points, and a little air below the picture
    if (have >= need) continue;
    const extra = (need - have) / rows;
    for (let r = p.row; r < end; r++) heights.set(r, Math.min(MAX_ROW_PT, (heights.get(r) ?? rowHeight(1)) + extra));
  }
}

function planSheet(spec: SheetSpec): SheetPlan {
  if (spec.kind === 'values') {
    const widths = spec.fitWidths ? textWidths(spec.rows) : [];
    return { options: { pageSetup: a4PageSetup(widths) }, layout: null, widths, printTitles: null };
  }
  const sheet = spec.sheet;
  const layout = layoutSheet(sheet, sheet.name);
  const options: Partial<ExcelJS.AddWorksheetOptions> = {
    views: sheet.frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows }] : [],
    pageSetup: {
      paperSize: 9, // A4
      orientation: layout.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { ...A4_MARGINS },
    } as Partial<ExcelJS.PageSetup>,
    headerFooter: { oddHeader: layout.header, oddFooter: layout.footer } as Partial<ExcelJS.HeaderFooter>,
  };
  return {
    options,
    layout,
    widths: layout.columnWidths,
    printTitles: layout.repeatRows || layout.repeatColumns ? { rows: layout.repeatRows, columns: layout.repeatColumns } : null,
  };
}

/** A4, fitted to the page width, landscape when the columns are wider than a portrait page. */
export function a4PageSetup(widths: number[]): Partial<ExcelJS.PageSetup> {
  const total = widths.reduce((a, b) => a + b, 0);
  return {
    paperSize: 9,
    orientation: total > PRINTABLE_WIDTH_PX.portrait ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...A4_MARGINS },
  } as Partial<ExcelJS.PageSetup>;
}

/** Column widths in pixels from the longest text of each column, for a plain values sheet. */
export function textWidths(rows: Cell[][]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((value, c) => {
      const length = value === null ? 0 : String(value).length;
      widths[c] = Math.max(widths[c] ?? 0, length);
    });
  }
  return widths.map((w) => Math.min(Math.max(w + 2, 10), 80) * 7 + 5);
}

function fillWorksheet(worksheet: ExcelJS.Worksheet, spec: SheetSpec, plan: SheetPlan, streaming: boolean): void {
  plan.widths.forEach((px, c) => {
    if (px > 0) worksheet.getColumn(c + 1).width = pixelsToCharacters(px);
  });
  if (spec.kind === 'values') {
    fillValues(worksheet, spec);
    return;
  }
  const sheet = spec.sheet;
  const layout = plan.layout as SheetLayout;
  const values = withCheckboxValues(sheet);
  const styles = new StyleCache();
  const mergesByRow = new Map<number, GeneratedSheet['merges']>();
  for (const m of layout.merges) {
    if (m.rows * m.cols > 1) mergesByRow.set(m.row, [...(mergesByRow.get(m.row) ?? []), m]);
  }
  const notes = new Map<string, string>(sheet.notes.map((n) => [`${n.row}:${n.col}`, n.text]));
  const headerRows = new Set(sheet.headerRows);
  const table = layout.table;
  const width = sheet.values[0]?.length ?? 0;
  const breaks = new Set(layout.pageBreaks);
  values.forEach((rowValues, r) => {
    // A merge is made before any of its rows is committed (the streaming writer cannot go back).
    for (const m of mergesByRow.get(r) ?? []) worksheet.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
    const row = worksheet.getRow(r + 1);
    // Every row gets a height: then the streaming writer keeps rows of styled empty cells too.
    row.height = layout.rowHeights.get(r) ?? rowHeight(1);
    // Excel's break sits below a row: the row above the one that starts a page carries it.
    if (breaks.has(r + 1)) row.addPageBreak();
    const inTable = table !== null && r >= table.first && r <= table.last;
    rowValues.forEach((value, c) => {
      const key: StyleKey = {
        bold: sheet.bold[r]?.[c] === true,
        fill: toArgb(sheet.backgrounds[r]?.[c] ?? null),
        numFmt: sheet.numberFormats[r]?.[c] ?? null,
        wrap: layout.wrapped(r, c),
        header: headerRows.has(r),
        table: inTable && c < width,
      };
      const excel = excelValue(value);
      if (excel === null && !key.fill && !key.bold && !key.table) return;
      const cell = row.getCell(c + 1);
      if (excel !== null) cell.value = excel;
      cell.style = styles.get(key);
      const note = notes.get(`${r}:${c}`);
      if (note) cell.note = excelText(note);
    });
    if (streaming) row.commit();
  });
  addCheckboxValidation(worksheet, sheet);
  addListValidations(worksheet, sheet);
}

function fillValues(worksheet: ExcelJS.Worksheet, spec: Extract<SheetSpec, { kind: 'values' }>): void {
  const bold = { font: { name: FONT.name, size: FONT.size, bold: true } };
  spec.rows.forEach((values, r) => {
    const row = worksheet.getRow(r + 1);
    values.forEach((value, c) => {
      const excel = excelValue(value);
      if (excel === null) return;
      const cell = row.getCell(c + 1);
      cell.value = excel;
      if (spec.boldHeader && r === 0) cell.style = bold;
    });
    row.commit();
  });
}

interface StyleKey {
  bold: boolean;
  fill: string | null;
  numFmt: string | null;
  wrap: boolean;
  header: boolean;
  /** A cell of the table: thin borders (they print, unlike gridlines), text at the top. */
  table: boolean;
}

const THIN = { style: 'thin', color: { argb: 'FFA6A6A6' } } as const;

/** One style object per distinct look: ExcelJS then shares one cell format among the cells that have it. */
class StyleCache {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  get(key: StyleKey): Partial<ExcelJS.Style> {
    const id = `${+key.bold}${+key.wrap}${+key.header}${+key.table}${key.fill ?? ''}|${key.numFmt ?? ''}`;
    let style = this.styles.get(id);
    if (!style) {
      style = { font: { name: FONT.name, size: FONT.size, ...(key.bold ? { bold: true } : {}) } };
      if (key.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: key.fill } };
      if (key.numFmt) style.numFmt = key.numFmt;
      // Text starts at the top of its cell, beside the first line of a wrapped neighbour.
      if (key.header && key.table) style.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      else if (key.header || key.wrap) style.alignment = { wrapText: true, vertical: key.header ? 'middle' : 'top' };
      else style.alignment = { vertical: 'top' };
      if (key.table) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      this.styles.set(id, style);
    }
    return style;
  }
}

// ---------------------------------------------------------------------------------------------
// Values

const SUSPECT = /[\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Excel's limit of characters in a cell (Sheets allows 50 000; a longer cell makes Excel repair the file). */
export const MAX_EXCEL_TEXT = 32767;

/**
 * The value to store. Strings stay strings: ExcelJS writes them as text, so input such as '=1+2'
 * never becomes a formula (we never build `{ formula }` values from data).
 */
export function excelValue(value: Cell): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string') return excelText(value);
  return value;
}

/** Text Excel can hold: no lone surrogate halves or non-characters (invalid in XML), at most 32 767 characters. */
export function excelText(text: string): string {
  if (text.length <= MAX_EXCEL_TEXT && !SUSPECT.test(text)) return text;
  let clean = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '\uFFFD');
  if (clean.length > MAX_EXCEL_TEXT) {
    let end = MAX_EXCEL_TEXT - 1;
    if (/[\uD800-\uDBFF]/.test(clean[end - 1])) end -= 1;
    clean = `${clean.slice(0, end)}…`;
  }
  return clean;
}

/** '#rrggbb' or '#rgb' → 'FFRRGGBB'; anything else → null (default background). */
function toArgb(color: string | null): string | null {
  if (!color) return null;
  const hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{6}$/i.test(hex)) return `FF${hex.toUpperCase()}`;
  if (/^[0-9a-f]{3}$/i.test(hex)) return `FF${hex.replace(/./g, (d) => d + d).toUpperCase()}`;
  return null;
}

/** Excel widths are in characters of the default font (7 px per digit for Calibri 11 and Arial 10) plus 5 px padding. */
export function pixelsToCharacters(px: number): number {
  return Math.max(1, Math.round(((px - 5) / 7) * 100) / 100);
}

/** Like Sheets' insertCheckboxes, an empty cell of a checkbox range starts unchecked (FALSE). */
function withCheckboxValues(sheet: GeneratedSheet): Cell[][] {
  if (sheet.checkboxes.length === 0) return sheet.values;
  const values = sheet.values.map((row) => row.slice());
  for (const range of sheet.checkboxes) {
    for (let r = range.row; r < Math.min(range.row + range.rows, values.length); r++) {
      for (let c = range.col; c < range.col + range.cols; c++) if (isEmptyCell(values[r][c])) values[r][c] = false;
    }
  }
  return values;
}

/**
 * ExcelJS cannot write a native checkbox, so a checkbox cell holds TRUE/FALSE with a drop-down list
 * "TRUE,FALSE" (in a Russian Excel the booleans show as ИСТИНА/ЛОЖЬ; the engine reads both). One
 * rule per range, whatever the number of schools.
 */
function addCheckboxValidation(worksheet: ExcelJS.Worksheet, sheet: GeneratedSheet): void {
  const validations = (worksheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const range of sheet.checkboxes) {
    if (range.rows <= 0 || range.cols <= 0) continue;
    const from = `${columnLetter(range.col + 1)}${range.row + 1}`;
    const to = `${columnLetter(range.col + range.cols)}${range.row + range.rows}`;
    validations.add(from === to ? from : `${from}:${to}`, { type: 'list', allowBlank: true, formulae: ['"TRUE,FALSE"'] });
  }
}

/**
 * Drop-down lists («Статус» of «Дорожная карта»): other values are refused, the help text shows on
 * the cell. One rule per range, whatever the number of rows.
 */
function addListValidations(worksheet: ExcelJS.Worksheet, sheet: GeneratedSheet): void {
  const validations = (worksheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations ?? []) {
    if (v.rows <= 0 || v.cols <= 0) continue;
    const from = `${columnLetter(v.col + 1)}${v.row + 1}`;
    const to = `${columnLetter(v.col + v.cols)}${v.row + v.rows}`;
    // Excel keeps the list in one formula of at most 255 characters (ours: 85).
    const formula = `"${v.values.map((x) => x.replace(/"/g, '""')).join(',')}"`;
    validations.add(from === to ? from : `${from}:${to}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'stop',
      ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
    });
  }
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const d = (n - 1) % 26;
    letters = String.fromCharCode(65 + d) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

