import { promises as fs } from 'fs';
import { dirname } from 'path';
import * as ExcelJS from 'exceljs';
import { GeneratedSheet } from '../../engine/sheets/generated';
import { isGeneratedSheet } from '../../engine/sheets/placement';
import { PRODUCT_NAME } from '../../engine/strings';
import { Cell, SheetData } from '../../engine/table';
import { errorDetail, IO_MESSAGES } from './messages';
import { OpcPackage, readWorkbookModel } from './package';
import { patchPackage } from './patch';
import { FONT } from './printLayout';
import { a4PageSetup, excelValue, Picture, pixelsToCharacters, renderSheets, SheetSpec, textWidths } from './render';
import { uniqueSheetName, isValidSheetName } from './sheetNames';
import { element, elements, firstElement, prefixOf, serializeXml } from './xml';
import { SourceSheet, SourceWorkbook } from './xlsxReader';

export { readXlsx, SourceWorkbook } from './xlsxReader';
export type { XlsxInput } from './xlsxReader';
export type { Picture } from './render';

export interface SettingsUpdate {
  /** 'create': add the settings sheet with these rows (row 1 is the header); 'append': add rows under the last one. */
  kind: 'create' | 'append';
  rows: Cell[][];
}

/** Rows added under the last row of an input sheet (import), or a new sheet made of them. */
export interface RowsAppend {
  sheet: string;
  /** 1-based first row; rows are never written over a row that holds anything. */
  startRow: number;
  rows: Cell[][];
  /** The sheet does not exist: it is created with these rows, the first one bold. */
  createSheet?: boolean;
  /** Header cells added first into blank cells of the sheet's header row (1-based row and first column). */
  header?: { row: number; column: number; values: Cell[] };
}

export interface XlsxOutput {
  /** The input workbook; every part of it is kept byte for byte except what this run changes. Absent for CSV input. */
  workbook?: SourceWorkbook;
  /** The input's values; with no `workbook` (a CSV folder) they become the workbook's first sheets. */
  inputSheets: SheetData[];
  /** Sheets to write, under their placed names; one named like an existing sheet replaces it only when that sheet is ours. */
  generated: GeneratedSheet[];
  /** Our own sheets no longer wanted (`report.placement.obsolete`): removed when they carry the marker, kept otherwise. */
  obsolete?: string[];
  /** Kept sheets a command rebuilds on purpose («Мониторинг»): replaced even though they now belong to the user. */
  rebuilt?: string[];
  settingsUpdate?: SettingsUpdate | null;
  settingsSheetName: string;
  /** Rows appended to input sheets. */
  appends?: RowsAppend[];
  /** Pictures placed on generated sheets (the ИСБШ chart on «Сводка»). */
  pictures?: Picture[];
}

/** Writes the output workbook (see `xlsxBytes`) to `path`. */
export async function writeXlsx(path: string, output: XlsxOutput): Promise<void> {
  await saveBytes(path, await xlsxBytes(output));
}

/**
 * The bytes of the output workbook: the input package patched — our previous sheets removed, the
 * generated ones added (or put in place of our old ones), the settings and appended rows written —
 * for a caller that writes files itself (atomically).
 */
export async function xlsxBytes(output: XlsxOutput): Promise<Buffer> {
  const source = output.workbook ?? (await csvSource(output.inputSheets));
  const specs: SheetSpec[] = [];
  const appends: { sheet: string; startRow: number; rows: Cell[][]; header?: RowsAppend['header'] }[] = [];
  const rebuilt = new Set((output.rebuilt ?? []).map((n) => n.toLowerCase()));
  const addSheet = (name: string, spec: SheetSpec) => {
    const there = source.sheet(name);
    if (there && (there.entry.kind !== 'worksheet' || (!there.generated && !rebuilt.has(name.toLowerCase())))) {
      throw new Error(IO_MESSAGES.userSheetInTheWay(there.entry.name));
    }
    if (specs.some((s) => (s.kind === 'generated' ? s.sheet.name : s.name).toLowerCase() === name.toLowerCase())) {
      throw new Error(IO_MESSAGES.duplicateSheet(name));
    }
    specs.push(spec);
  };

  const update = output.settingsUpdate;
  if (update) {
    const existing = source.sheet(output.settingsSheetName);
    if (update.kind === 'create') {
      if (existing) throw new Error(IO_MESSAGES.settingsSheetExists(output.settingsSheetName));
      addSheet(output.settingsSheetName, { kind: 'values', name: output.settingsSheetName, rows: update.rows, boldHeader: true, fitWidths: true });
    } else {
      if (!existing) throw new Error(IO_MESSAGES.settingsSheetMissing(output.settingsSheetName));
      appends.push({ sheet: existing.entry.name, startRow: existing.lastContentRow + 1, rows: update.rows });
    }
  }
  for (const a of output.appends ?? []) {
    const existing = source.sheet(a.sheet);
    if (a.createSheet || !existing) {
      if (existing) throw new Error(IO_MESSAGES.sheetExists(a.sheet));
      addSheet(a.sheet, { kind: 'values', name: a.sheet, rows: a.rows, boldHeader: true, fitWidths: true });
    } else appends.push({ sheet: existing.entry.name, startRow: a.startRow, rows: a.rows, header: a.header });
  }
  // A placed name Excel cannot hold («… (расчёт 10)» over 31 characters) is shortened.
  const pictures = (output.pictures ?? []).slice();
  const used = source.sheets.map((s) => s.entry.name);
  for (const original of output.generated) {
    let sheet = original;
    if (!isValidSheetName(sheet.name)) {
      const name = uniqueSheetName(used, sheet.name);
      pictures.forEach((p, i) => {
        if (p.sheet === sheet.name) pictures[i] = { ...p, sheet: name };
      });
      sheet = { ...sheet, name };
    }
    used.push(sheet.name);
    addSheet(sheet.name, { kind: 'generated', sheet });
  }

  const removed = (output.obsolete ?? []).filter((name) => source.sheet(name)?.generated === true && !specs.some((s) => s.kind === 'generated' && s.sheet.name.toLowerCase() === name.toLowerCase()));
  for (const p of pictures) {
    if (!specs.some((s) => s.kind === 'generated' && s.sheet.name === p.sheet)) throw new Error(IO_MESSAGES.pictureWithoutSheet(p.sheet));
  }
  const rendered = await renderSheets(specs, pictures);
  return patchPackage({ source, added: rendered, removed, appends });
}

/** Writes bytes to a file, creating its folder; a locked or read-only file gets a Russian message. */
export async function saveBytes(path: string, bytes: Buffer): Promise<void> {
  try {
    await fs.mkdir(dirname(path), { recursive: true });
    await fs.writeFile(path, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail =
      code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? 'файл недоступен для записи (возможно, он открыт в Excel) — закройте его и повторите'
        : errorDetail(error);
    throw new Error(IO_MESSAGES.writeFailed(path, detail));
  }
}

// ---------------------------------------------------------------------------------------------
// A workbook made of values (a CSV folder)

/**
 * A new .xlsx holding these sheets as values, written by ExcelJS's streaming writer: columns as wide
 * as their text, A4 fitted to the width, Arial 10 as the workbook's font. Names are made valid Excel
 * sheet names (≤ 31 characters, no `[]:*?/\`, unique).
 */
export async function valuesWorkbookBytes(sheets: SheetData[]): Promise<{ bytes: Buffer; names: string[] }> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: true, creator: PRODUCT_NAME, created: new Date() } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  const names: string[] = [];
  for (const sheet of sheets) {
    const name = uniqueSheetName(names, sheet.name);
    names.push(name);
    const widths = textWidths(sheet.rows);
    const worksheet = writer.addWorksheet(name, { pageSetup: a4PageSetup(widths) });
    widths.forEach((px, c) => {
      worksheet.getColumn(c + 1).width = pixelsToCharacters(px);
    });
    for (const values of sheet.rows) {
      worksheet.addRow(values.map((v) => excelValue(v) ?? undefined)).commit();
    }
    worksheet.commit();
  }
  await writer.commit();
  return { bytes: await withDefaultFont((writer as unknown as { stream: { read(): Buffer } }).stream.read()), names };
}

/**
 * ExcelJS's workbook font is Calibri 11, which LibreOffice on most Linux systems replaces with a wider
 * one (and then sizes every column in its digits). Ours is Arial 10, as in Google Sheets: column
 * widths come out the same in Excel, LibreOffice (metric-compatible Liberation Sans) and Sheets.
 */
async function withDefaultFont(bytes: Buffer): Promise<Buffer> {
  const pkg = await OpcPackage.load(bytes);
  const model = await readWorkbookModel(pkg);
  if (!model.styles) return bytes;
  const doc = await pkg.xml(model.styles);
  const fonts = firstElement(doc.root, 'fonts');
  const first = fonts ? elements(fonts, 'font')[0] : undefined;
  if (!first) return bytes;
  const p = prefixOf(first.name);
  first.children = [element(p, 'sz', { val: String(FONT.size) }), element(p, 'name', { val: FONT.name }), element(p, 'family', { val: '2' }), element(p, 'charset', { val: '204' })];
  pkg.zip.file(model.styles, serializeXml(doc));
  return pkg.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** The package a CSV folder's sheets become before the run's sheets are added to it. */
async function csvSource(sheets: SheetData[]): Promise<SourceWorkbook> {
  const { bytes } = await valuesWorkbookBytes(sheets);
  const pkg = await OpcPackage.load(bytes);
  const model = await readWorkbookModel(pkg);
  const info: SourceSheet[] = model.sheets.map((entry, i) => ({
    entry,
    generated: isGeneratedSheet(sheets[i]?.rows[0]?.[0]),
    lastContentRow: sheets[i]?.rows.length ?? 0,
    originalName: sheets[i]?.name,
  }));
  return new SourceWorkbook('', bytes, pkg, model, info);
}
