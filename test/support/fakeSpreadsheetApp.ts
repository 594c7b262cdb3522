/// <reference types="google-apps-script" />
/**
 * In-memory SpreadsheetApp typed against @types/google-apps-script. Each fake class implements a
 * `Pick` of the real interface listing exactly the members it has (checked by `ExactApi`), so it can
 * neither invent a method nor get a signature wrong. Objects are handed out under the real types
 * (`expose`); members outside the Pick do not exist at runtime.
 *
 * Fidelity (Google Sheets, ru_RU locale): see cellValues.ts for how written strings are interpreted
 * and what getValues() returns for formulas; setX(matrix) methods demand exactly the range's size;
 * getRange() outside the sheet's 1000×26 (or grown) grid throws; insertSheet activates the new sheet.
 */
import { GridRect, parseA1, toA1 } from './a1';
import { CellValue, FormulaValue, Formula, defaultFormulaValue } from './cellValues';
import {
  AppsScriptException,
  Assert,
  CallCounter,
  CountedFake,
  ExactApi,
  countCalls,
  describeType,
  expose,
  fakeEnum,
  isDate,
} from './fakeBase';
import {
  CellFormat,
  ChartModel,
  OUTSIDE_SHEET,
  RangeRef,
  SheetDump,
  SheetModel,
  ValueListRule,
  WorkbookCheckpoint,
  WorkbookModel,
  forEachCell,
  mapRect,
} from './spreadsheetModel';
import { newBlob } from './fakeBlob';
import { barChartPng } from './png';

export type { CellValue, FormulaValue } from './cellValues';
export { FORMULA_PLACEHOLDER_PREFIX, defaultFormulaValue } from './cellValues';
export type { SheetDump, ChartDump, BorderRecord, WorkbookCheckpoint } from './spreadsheetModel';
export { CallCounter } from './fakeBase';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type ContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
type ChartOptions = GoogleAppsScript.Charts.ChartOptions;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type WrapStrategy = GoogleAppsScript.Spreadsheet.WrapStrategy;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type RangeList = GoogleAppsScript.Spreadsheet.RangeList;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type DataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type Button = GoogleAppsScript.Base.Button;

// Fakes passed back into the API (deleteSheet(sheet), addRange(range), insertChart(chart)) are
// resolved to their models through these registries rather than through each other's privates.
const sheetModels = new WeakMap<object, SheetModel>();
const rangeRefs = new WeakMap<object, RangeRef>();
const chartModels = new WeakMap<object, ChartModel>();
const validationRules = new WeakMap<object, ValueListRule>();

function sheetModelOf(sheet: unknown, method: string): SheetModel {
  const model = typeof sheet === 'object' && sheet !== null ? sheetModels.get(sheet) : undefined;
  if (!model) throw new AppsScriptException(`The parameters (${describeType(sheet)}) don't match the method signature for ${method}.`);
  return model;
}

/** Validates a setX(matrix) argument against the range size with the real error texts. */
function assertMatrix(matrix: unknown, rect: GridRect, method: string): asserts matrix is unknown[][] {
  if (!Array.isArray(matrix) || !matrix.every((row) => Array.isArray(row))) {
    throw new AppsScriptException(
      `The parameters (${describeType(matrix)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  if (matrix.length !== rect.numRows) {
    throw new AppsScriptException(
      `The number of rows in the data does not match the number of rows in the range. The data has ${matrix.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const row of matrix as unknown[][]) {
    if (row.length !== rect.numColumns) {
      throw new AppsScriptException(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numColumns}.`,
      );
    }
  }
}

/** Sheets stores colours as lower-case #rrggbb; null resets to the default. */
function normaliseColor(color: string | null | undefined): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const text = String(color).trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : text;
}

function enumName(value: unknown): string {
  return String(value);
}

function asEnum<Enum>(name: string): Enum {
  return name as unknown as Enum;
}

function topLeft(rect: GridRect): GridRect {
  return { row: rect.row, column: rect.column, numRows: 1, numColumns: 1 };
}

function writeFormatMatrix<Name extends keyof CellFormat, Input>(
  sheet: SheetModel,
  rect: GridRect,
  matrix: Input[][],
  method: string,
  name: Name,
  convert: (value: Input) => CellFormat[Name] | undefined,
): void {
  assertMatrix(matrix, rect, method);
  forEachCell(rect, (row, column) => {
    sheet.formats[name].set(row, column, convert(matrix[row - rect.row][column - rect.column]));
  });
}

// ===== Range ======================================================================================

type RangeMember =
  | 'activate'
  | 'breakApart'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getHorizontalAlignment'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMergedRanges'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getVerticalAlignment'
  | 'getWrapStrategies'
  | 'getWrapStrategy'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'isPartOfMerge'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'offset'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setBorder'
  | 'setDataValidation'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setVerticalAlignments'
  | 'setWrap'
  | 'setWrapStrategies'
  | 'setWrapStrategy'
  | 'setWraps'
  | 'uncheck';

class FakeRange extends CountedFake implements Pick<Range, RangeMember> {
  private readonly sheet: SheetModel;
  private readonly rect: GridRect;

  constructor(sheet: SheetModel, rect: GridRect) {
    super(sheet.workbook.calls);
    this.sheet = sheet;
    this.rect = rect;
    rangeRefs.set(this, { sheet, rect });
  }

  activate(): Range {
    this.sheet.workbook.activeSheet = this.sheet;
    this.sheet.workbook.activeRange = { sheet: this.sheet, rect: this.rect };
    return expose<Range>(this);
  }

  breakApart(): Range {
    this.sheet.breakApart(this.rect);
    return expose<Range>(this);
  }

  check(): Range {
    this.sheet.setChecked(this.rect, true);
    return expose<Range>(this);
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): Range {
    const only = options && (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
    if (!only || options?.contentsOnly) this.sheet.clearValues(this.rect);
    if (!only || options?.formatOnly) this.sheet.clearFormats(this.rect);
    if (options?.validationsOnly) this.sheet.clearValidations(this.rect);
    return expose<Range>(this);
  }

  clearContent(): Range {
    this.sheet.clearValues(this.rect);
    return expose<Range>(this);
  }

  clearDataValidations(): Range {
    this.sheet.clearValidations(this.rect);
    return expose<Range>(this);
  }

  clearFormat(): Range {
    this.sheet.clearFormats(this.rect);
    return expose<Range>(this);
  }

  clearNote(): Range {
    this.sheet.clearNotes(this.rect);
    return expose<Range>(this);
  }

  getA1Notation(): string {
    return toA1(this.rect);
  }

  getBackground(): string {
    return this.sheet.readFormat(topLeft(this.rect), 'background')[0][0];
  }

  getBackgrounds(): string[][] {
    return this.sheet.readFormat(this.rect, 'background');
  }

  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) {
      throw new AppsScriptException(OUTSIDE_SHEET);
    }
    return expose<Range>(new FakeRange(this.sheet, this.sheet.rect(this.rect.row + row - 1, this.rect.column + column - 1, 1, 1)));
  }

  getColumn(): number {
    return this.rect.column;
  }

  getDisplayValue(): string {
    return this.sheet.readDisplayValues(topLeft(this.rect))[0][0];
  }

  getDisplayValues(): string[][] {
    return this.sheet.readDisplayValues(this.rect);
  }

  getFontWeight(): FontWeight {
    return this.sheet.readFormat(topLeft(this.rect), 'fontWeight')[0][0] as FontWeight;
  }

  getFontWeights(): FontWeight[][] {
    return this.sheet.readFormat(this.rect, 'fontWeight') as FontWeight[][];
  }

  getFormula(): string {
    return this.sheet.readFormulas(topLeft(this.rect))[0][0];
  }

  getFormulas(): string[][] {
    return this.sheet.readFormulas(this.rect);
  }

  getHorizontalAlignment(): string {
    return this.sheet.readFormat(topLeft(this.rect), 'horizontalAlignment')[0][0];
  }

  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }

  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }

  getMergedRanges(): Range[] {
    return this.sheet.mergesWithin(this.rect).map((merge) => expose<Range>(new FakeRange(this.sheet, merge)));
  }

  getNote(): string {
    return this.sheet.notes.get(this.rect.row, this.rect.column) ?? '';
  }

  getNotes(): string[][] {
    return mapRect(this.rect, (row, column) => this.sheet.notes.get(row, column) ?? '');
  }

  getNumColumns(): number {
    return this.rect.numColumns;
  }

  getNumRows(): number {
    return this.rect.numRows;
  }

  getNumberFormat(): string {
    return this.sheet.readFormat(topLeft(this.rect), 'numberFormat')[0][0];
  }

  getNumberFormats(): string[][] {
    return this.sheet.readFormat(this.rect, 'numberFormat');
  }

  getRow(): number {
    return this.rect.row;
  }

  getSheet(): Sheet {
    return sheetApi(this.sheet);
  }

  getValue(): any {
    return this.sheet.readValues(topLeft(this.rect))[0][0];
  }

  getValues(): any[][] {
    return this.sheet.readValues(this.rect);
  }

  getVerticalAlignment(): string {
    return this.sheet.readFormat(topLeft(this.rect), 'verticalAlignment')[0][0];
  }

  getWrapStrategies(): WrapStrategy[][] {
    return this.sheet.readFormat(this.rect, 'wrapStrategy').map((row) => row.map((name) => asEnum<WrapStrategy>(name)));
  }

  getWrapStrategy(): WrapStrategy {
    return asEnum<WrapStrategy>(this.sheet.readFormat(topLeft(this.rect), 'wrapStrategy')[0][0]);
  }

  /**
   * Per the Apps Script docs: no argument → TRUE/FALSE checkboxes, cells set to FALSE; one argument →
   * that value means checked, empty means unchecked, cells emptied; two → custom checked/unchecked.
   */
  insertCheckboxes(...customValues: unknown[]): Range {
    const toCell = (value: unknown): CellValue | undefined =>
      value === null || value === undefined || value === '' ? '' : isDate(value) ? new Date(value.getTime()) : (value as CellValue);
    const rule =
      customValues.length === 0
        ? { checked: true, unchecked: false }
        : { checked: toCell(customValues[0]) ?? '', unchecked: customValues.length > 1 ? toCell(customValues[1]) : '' };
    this.sheet.insertCheckboxes(this.rect, rule);
    return expose<Range>(this);
  }

  isBlank(): boolean {
    return mapRect(this.rect, (row, column) => this.sheet.values.get(row, column)).every((line) => line.every((v) => v === undefined));
  }

  isChecked(): boolean | null {
    const states = new Set<string>();
    forEachCell(this.rect, (row, column) => states.add(this.sheet.checkboxState(row, column)));
    if (states.size !== 1) return null;
    if (states.has('checked')) return true;
    if (states.has('unchecked')) return false;
    return null;
  }

  isPartOfMerge(): boolean {
    return this.sheet.mergesWithin(this.rect).length > 0;
  }

  merge(): Range {
    this.sheet.merge(this.rect);
    return expose<Range>(this);
  }

  mergeAcross(): Range {
    for (let r = 0; r < this.rect.numRows; r++) this.sheet.merge({ ...this.rect, row: this.rect.row + r, numRows: 1 });
    return expose<Range>(this);
  }

  mergeVertically(): Range {
    for (let c = 0; c < this.rect.numColumns; c++) {
      this.sheet.merge({ ...this.rect, column: this.rect.column + c, numColumns: 1 });
    }
    return expose<Range>(this);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const rect = this.sheet.rect(
      this.rect.row + rowOffset,
      this.rect.column + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numColumns,
    );
    return expose<Range>(new FakeRange(this.sheet, rect));
  }

  removeCheckboxes(): Range {
    this.sheet.removeCheckboxes(this.rect);
    return expose<Range>(this);
  }

  setBackground(color: string | null): Range {
    this.sheet.fillFormat(this.rect, 'background', normaliseColor(color));
    return expose<Range>(this);
  }

  setBackgrounds(color: Array<Array<string | null>>): Range {
    writeFormatMatrix(this.sheet, this.rect, color, 'setBackgrounds', 'background', normaliseColor);
    return expose<Range>(this);
  }

  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): Range {
    this.sheet.borders.push({
      range: toA1(this.rect),
      top,
      left,
      bottom,
      right,
      vertical,
      horizontal,
      color: normaliseColor(color) ?? null,
      style: style === null || style === undefined ? null : enumName(style),
    });
    return expose<Range>(this);
  }

  setFontColor(color: string | null): Range {
    this.sheet.fillFormat(this.rect, 'fontColor', normaliseColor(color));
    return expose<Range>(this);
  }

  setFontColors(colors: any[][]): Range {
    writeFormatMatrix(this.sheet, this.rect, colors, 'setFontColors', 'fontColor', (color) => normaliseColor(color as string | null));
    return expose<Range>(this);
  }

  setFontSize(size: number): Range {
    this.sheet.fillFormat(this.rect, 'fontSize', size);
    return expose<Range>(this);
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): Range {
    this.sheet.fillFormat(this.rect, 'fontStyle', fontStyle ?? undefined);
    return expose<Range>(this);
  }

  setFontWeight(fontWeight: FontWeight | null): Range {
    this.sheet.fillFormat(this.rect, 'fontWeight', fontWeight ?? undefined);
    return expose<Range>(this);
  }

  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): Range {
    writeFormatMatrix(this.sheet, this.rect, fontWeights, 'setFontWeights', 'fontWeight', (weight) => weight ?? undefined);
    return expose<Range>(this);
  }

  setFormula(formula: string): Range {
    forEachCell(this.rect, (row, column) => this.sheet.values.set(row, column, formula ? new Formula(formula) : undefined));
    return expose<Range>(this);
  }

  setFormulas(formulas: string[][]): Range {
    assertMatrix(formulas, this.rect, 'setFormulas');
    forEachCell(this.rect, (row, column) => {
      const formula = formulas[row - this.rect.row][column - this.rect.column];
      this.sheet.values.set(row, column, formula ? new Formula(String(formula)) : undefined);
    });
    return expose<Range>(this);
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    this.sheet.fillFormat(this.rect, 'horizontalAlignment', alignment ?? undefined);
    return expose<Range>(this);
  }

  setHorizontalAlignments(alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>): Range {
    writeFormatMatrix(this.sheet, this.rect, alignments, 'setHorizontalAlignments', 'horizontalAlignment', (value) => value ?? undefined);
    return expose<Range>(this);
  }

  /** Drop-down lists only (the rules the add-on builds); a checkbox cell reads as no rule here. */
  getDataValidations(): Array<Array<DataValidation | null>> {
    return mapRect(this.rect, (row, column) => {
      const rule = this.sheet.valueLists.get(row, column);
      return rule ? expose<DataValidation>(new FakeDataValidation(this.sheet.workbook.calls, rule)) : null;
    });
  }

  /** null removes the rule (checkbox or list); values already in the cells are kept, as in Sheets. */
  setDataValidation(rule: DataValidation | null): Range {
    if (rule === null) {
      this.sheet.clearValidations(this.rect);
      return expose<Range>(this);
    }
    const model = typeof rule === 'object' ? validationRules.get(rule) : undefined;
    if (!model) throw new AppsScriptException(`The parameters (${describeType(rule)}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`);
    this.sheet.setValueList(this.rect, model);
    return expose<Range>(this);
  }

  setNote(note: string | null): Range {
    forEachCell(this.rect, (row, column) => this.sheet.notes.set(row, column, note ? String(note) : undefined));
    return expose<Range>(this);
  }

  setNotes(notes: Array<Array<string | null>>): Range {
    assertMatrix(notes, this.rect, 'setNotes');
    forEachCell(this.rect, (row, column) => {
      const note = notes[row - this.rect.row][column - this.rect.column];
      this.sheet.notes.set(row, column, note ? String(note) : undefined);
    });
    return expose<Range>(this);
  }

  setNumberFormat(numberFormat: string): Range {
    this.sheet.fillFormat(this.rect, 'numberFormat', numberFormat || undefined);
    return expose<Range>(this);
  }

  setNumberFormats(numberFormats: string[][]): Range {
    writeFormatMatrix(this.sheet, this.rect, numberFormats, 'setNumberFormats', 'numberFormat', (format) => format || undefined);
    return expose<Range>(this);
  }

  setValue(value: any): Range {
    forEachCell(this.rect, (row, column) => this.sheet.writeInput(row, column, value));
    return expose<Range>(this);
  }

  setValues(values: any[][]): Range {
    assertMatrix(values, this.rect, 'setValues');
    const { row: top, column: left } = this.rect;
    forEachCell(this.rect, (row, column) => this.sheet.writeInput(row, column, values[row - top][column - left]));
    return expose<Range>(this);
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): Range {
    this.sheet.fillFormat(this.rect, 'verticalAlignment', alignment ?? undefined);
    return expose<Range>(this);
  }

  setVerticalAlignments(alignments: Array<Array<'top' | 'middle' | 'bottom' | null>>): Range {
    writeFormatMatrix(this.sheet, this.rect, alignments, 'setVerticalAlignments', 'verticalAlignment', (value) => value ?? undefined);
    return expose<Range>(this);
  }

  setWrap(isWrapEnabled: boolean): Range {
    this.sheet.fillFormat(this.rect, 'wrapStrategy', isWrapEnabled ? 'WRAP' : 'OVERFLOW');
    return expose<Range>(this);
  }

  setWrapStrategies(strategies: WrapStrategy[][]): Range {
    writeFormatMatrix(this.sheet, this.rect, strategies, 'setWrapStrategies', 'wrapStrategy', enumName);
    return expose<Range>(this);
  }

  setWrapStrategy(strategy: WrapStrategy): Range {
    this.sheet.fillFormat(this.rect, 'wrapStrategy', enumName(strategy));
    return expose<Range>(this);
  }

  setWraps(isWrapEnabled: boolean[][]): Range {
    writeFormatMatrix(this.sheet, this.rect, isWrapEnabled, 'setWraps', 'wrapStrategy', (wrap) => (wrap ? 'WRAP' : 'OVERFLOW'));
    return expose<Range>(this);
  }

  uncheck(): Range {
    this.sheet.setChecked(this.rect, false);
    return expose<Range>(this);
  }
}

type _RangeIsExact = Assert<ExactApi<FakeRange, Range, RangeMember>>;

// ===== Sheet ======================================================================================

type SheetMember =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumns'
  | 'deleteRows'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getFormUrl'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetId'
  | 'getSheetName'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showSheet'
  | 'updateChart';

class FakeSheet extends CountedFake implements Pick<Sheet, SheetMember> {
  private readonly model: SheetModel;

  constructor(model: SheetModel) {
    super(model.workbook.calls);
    this.model = model;
    sheetModels.set(this, model);
  }

  activate(): Sheet {
    this.model.workbook.activeSheet = this.model;
    return expose<Sheet>(this);
  }

  appendRow(rowContents: any[]): Sheet {
    if (!Array.isArray(rowContents)) {
      throw new AppsScriptException(`The parameters (${describeType(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`);
    }
    const row = this.model.lastRow() + 1;
    if (row > this.model.maxRows) this.model.insertRows(this.model.maxRows, row - this.model.maxRows);
    if (rowContents.length > this.model.maxColumns) {
      this.model.insertColumns(this.model.maxColumns, rowContents.length - this.model.maxColumns);
    }
    rowContents.forEach((value, index) => this.model.writeInput(row, index + 1, value));
    return expose<Sheet>(this);
  }

  autoResizeColumn(columnPosition: number): Sheet {
    this.model.autoResizedColumns.add(columnPosition);
    return expose<Sheet>(this);
  }

  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    for (let column = startColumn; column < startColumn + numColumns; column++) this.model.autoResizedColumns.add(column);
    return expose<Sheet>(this);
  }

  /** Clears values and formatting; notes, checkboxes and merges stay, as in Sheets. */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Sheet {
    const whole = this.model.wholeSheet();
    const only = options && (options.formatOnly || options.contentsOnly);
    if (!only || options?.contentsOnly) this.model.clearValues(whole);
    if (!only || options?.formatOnly) {
      this.model.clearFormats(whole);
      this.model.borders = [];
    }
    return expose<Sheet>(this);
  }

  clearContents(): Sheet {
    this.model.clearValues(this.model.wholeSheet());
    return expose<Sheet>(this);
  }

  clearFormats(): Sheet {
    this.model.clearFormats(this.model.wholeSheet());
    this.model.borders = [];
    return expose<Sheet>(this);
  }

  clearNotes(): Sheet {
    this.model.clearNotes(this.model.wholeSheet());
    return expose<Sheet>(this);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.model.deleteColumns(columnPosition, howMany);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.model.deleteRows(rowPosition, howMany);
  }

  getCharts(): EmbeddedChart[] {
    return this.model.charts.map((chart) => expose<EmbeddedChart>(new FakeEmbeddedChart(this.model, chart)));
  }

  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths.get(columnPosition) ?? 100;
  }

  getDataRange(): Range {
    return expose<Range>(new FakeRange(this.model, this.model.dataRect()));
  }

  getFormUrl(): string | null {
    return this.model.formUrl;
  }

  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  getIndex(): number {
    return this.model.workbook.sheets.indexOf(this.model) + 1;
  }

  getLastColumn(): number {
    return this.model.lastColumn();
  }

  getLastRow(): number {
    return this.model.lastRow();
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getName(): string {
    return this.model.name;
  }

  getParent(): Spreadsheet {
    return spreadsheetApi(this.model.workbook);
  }

  getRange(rowOrA1Notation: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof rowOrA1Notation === 'string' && column === undefined) {
      const rect = parseA1(rowOrA1Notation, this.model.maxRows, this.model.maxColumns);
      if (!rect) throw new AppsScriptException('Range not found');
      return expose<Range>(new FakeRange(this.model, this.model.rect(rect.row, rect.column, rect.numRows, rect.numColumns)));
    }
    const rect = this.model.rect(rowOrA1Notation as number, column as number, numRows ?? 1, numColumns ?? 1);
    return expose<Range>(new FakeRange(this.model, rect));
  }

  getRangeList(a1Notations: string[]): RangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0) throw new AppsScriptException('The range list must contain at least one range.');
    const ranges = a1Notations.map((a1) => {
      const rect = parseA1(String(a1), this.model.maxRows, this.model.maxColumns);
      if (!rect) throw new AppsScriptException('Range not found');
      return new FakeRange(this.model, this.model.rect(rect.row, rect.column, rect.numRows, rect.numColumns));
    });
    return expose<RangeList>(new FakeRangeList(this.model.workbook.calls, ranges));
  }

  getSheetId(): number {
    return this.model.sheetId;
  }

  getSheetName(): string {
    return this.model.name;
  }

  getTabColor(): string | null {
    return this.model.tabColor;
  }

  hideSheet(): Sheet {
    this.model.hidden = true;
    return expose<Sheet>(this);
  }

  insertChart(chart: EmbeddedChart): void {
    const model = chartModels.get(chart);
    if (!model) throw new AppsScriptException('The parameters (Object) don\'t match the method signature for SpreadsheetApp.Sheet.insertChart.');
    this.model.charts.push(cloneChart(model));
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.model.insertColumns(afterPosition, howMany);
    return expose<Sheet>(this);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.model.insertColumns(beforePosition - 1, howMany);
    return expose<Sheet>(this);
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.model.insertRows(afterPosition, howMany);
    return expose<Sheet>(this);
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.model.insertRows(beforePosition - 1, howMany);
    return expose<Sheet>(this);
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  newChart(): EmbeddedChartBuilder {
    const draft: ChartModel = {
      chartId: this.model.workbook.newChartId(),
      type: null,
      ranges: [],
      options: new Map(),
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
    };
    return expose<EmbeddedChartBuilder>(new FakeEmbeddedChartBuilder(this.model, draft));
  }

  removeChart(chart: EmbeddedChart): void {
    const model = chartModels.get(chart);
    this.model.charts = this.model.charts.filter((existing) => existing.chartId !== model?.chartId);
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.model.columnWidths.set(columnPosition, width);
    return expose<Sheet>(this);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let column = startColumn; column < startColumn + numColumns; column++) this.model.columnWidths.set(column, width);
    return expose<Sheet>(this);
  }

  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns > this.model.maxColumns) throw new AppsScriptException('Those columns are out of bounds.');
    this.model.frozenColumns = columns;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.model.maxRows) throw new AppsScriptException('Those rows are out of bounds.');
    this.model.frozenRows = rows;
  }

  setName(name: string): Sheet {
    this.model.workbook.assertNameFree(name, this.model);
    this.model.name = name;
    return expose<Sheet>(this);
  }

  setTabColor(color: string | null): Sheet {
    this.model.tabColor = normaliseColor(color) ?? null;
    return expose<Sheet>(this);
  }

  showSheet(): Sheet {
    this.model.hidden = false;
    return expose<Sheet>(this);
  }

  updateChart(chart: EmbeddedChart): void {
    const model = chartModels.get(chart);
    if (!model) return;
    this.model.charts = this.model.charts.map((existing) => (existing.chartId === model.chartId ? cloneChart(model) : existing));
  }
}
type _SheetIsExact = Assert<ExactApi<FakeSheet, Sheet, SheetMember>>;

// ===== Charts =====================================================================================

function cloneChart(chart: ChartModel): ChartModel {
  return {
    ...chart,
    ranges: chart.ranges.map((ref) => ({ sheet: ref.sheet, rect: { ...ref.rect } })),
    options: new Map(chart.options),
    position: { ...chart.position },
  };
}

type ChartBuilderMember =
  | 'addRange'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition';

class FakeEmbeddedChartBuilder extends CountedFake implements Pick<EmbeddedChartBuilder, ChartBuilderMember> {
  private readonly sheet: SheetModel;
  private readonly draft: ChartModel;

  constructor(sheet: SheetModel, draft: ChartModel) {
    super(sheet.workbook.calls);
    this.sheet = sheet;
    this.draft = draft;
  }

  addRange(range: Range): EmbeddedChartBuilder {
    const ref = rangeRefs.get(range);
    if (!ref) throw new AppsScriptException('The parameters (Object) don\'t match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.');
    this.draft.ranges.push({ sheet: ref.sheet, rect: { ...ref.rect } });
    return expose<EmbeddedChartBuilder>(this);
  }

  build(): EmbeddedChart {
    return expose<EmbeddedChart>(new FakeEmbeddedChart(this.sheet, cloneChart(this.draft)));
  }

  clearRanges(): EmbeddedChartBuilder {
    this.draft.ranges = [];
    return expose<EmbeddedChartBuilder>(this);
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    return asEnum<GoogleAppsScript.Charts.ChartType>(this.draft.type ?? '');
  }

  getRanges(): Range[] {
    return this.draft.ranges.map((ref) => expose<Range>(new FakeRange(ref.sheet, ref.rect)));
  }

  removeRange(range: Range): EmbeddedChartBuilder {
    const ref = rangeRefs.get(range);
    this.draft.ranges = this.draft.ranges.filter(
      (existing) => !(ref && existing.sheet === ref.sheet && toA1(existing.rect) === toA1(ref.rect)),
    );
    return expose<EmbeddedChartBuilder>(this);
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): EmbeddedChartBuilder {
    this.draft.type = enumName(type);
    return expose<EmbeddedChartBuilder>(this);
  }

  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this.draft.numHeaders = headers;
    return expose<EmbeddedChartBuilder>(this);
  }

  setOption(option: string, value: any): EmbeddedChartBuilder {
    this.draft.options.set(option, value);
    return expose<EmbeddedChartBuilder>(this);
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    this.draft.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return expose<EmbeddedChartBuilder>(this);
  }
}
type _ChartBuilderIsExact = Assert<ExactApi<FakeEmbeddedChartBuilder, EmbeddedChartBuilder, ChartBuilderMember>>;

type ChartMember = 'getAs' | 'getChartId' | 'getContainerInfo' | 'getNumHeaders' | 'getOptions' | 'getRanges' | 'modify';

class FakeEmbeddedChart extends CountedFake implements Pick<EmbeddedChart, ChartMember> {
  private readonly sheet: SheetModel;
  private readonly chart: ChartModel;

  constructor(sheet: SheetModel, chart: ChartModel) {
    super(sheet.workbook.calls);
    this.sheet = sheet;
    this.chart = chart;
    chartModels.set(this, chart);
  }

  /** The chart drawn as a picture (only PNG, as Sheets renders charts): a bar per data row, the second series as a line. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (String(contentType) !== 'image/png') throw new AppsScriptException(`Converting from chart to ${contentType} is not supported.`);
    return chartPicture(this.sheet, this.chart);
  }

  getChartId(): number | null {
    return this.chart.chartId;
  }

  getContainerInfo(): ContainerInfo {
    return expose<ContainerInfo>(new FakeContainerInfo(this.sheet.workbook.calls, this.chart.position));
  }

  getNumHeaders(): number {
    return this.chart.numHeaders;
  }

  getOptions(): ChartOptions {
    return expose<ChartOptions>(new FakeChartOptions(this.sheet.workbook.calls, new Map(this.chart.options)));
  }

  getRanges(): Range[] {
    return this.chart.ranges.map((ref) => expose<Range>(new FakeRange(ref.sheet, ref.rect)));
  }

  modify(): EmbeddedChartBuilder {
    return expose<EmbeddedChartBuilder>(new FakeEmbeddedChartBuilder(this.sheet, cloneChart(this.chart)));
  }
}
type _ChartIsExact = Assert<ExactApi<FakeEmbeddedChart, EmbeddedChart, ChartMember>>;

function chartPicture(sheet: SheetModel, chart: ChartModel): GoogleAppsScript.Base.Blob {
  const ref = chart.ranges[0];
  const rows = ref ? ref.sheet.readValues(ref.rect).slice(chart.numHeaders) : [];
  const numbers = (column: number) => rows.map((r) => (typeof r[column] === 'number' ? (r[column] as number) : 0));
  const line = rows.length > 0 && typeof rows[0][2] === 'number' ? (rows[0][2] as number) : null;
  const size = (key: string, fallback: number) => (typeof chart.options.get(key) === 'number' ? (chart.options.get(key) as number) : fallback);
  const png = barChartPng(numbers(1), { width: size('width', 600), height: size('height', 371), max: 100, line });
  const title = chart.options.get('title');
  return newBlob(sheet.workbook.calls, png, 'image/png', `${typeof title === 'string' && title ? title : 'Chart'}.png`);
}

class FakeChartOptions extends CountedFake implements Pick<ChartOptions, 'get'> {
  private readonly options: Map<string, unknown>;

  constructor(calls: CallCounter, options: Map<string, unknown>) {
    super(calls);
    this.options = options;
  }

  get(option: string): any {
    return this.options.get(option) ?? null;
  }
}
type _ChartOptionsIsExact = Assert<ExactApi<FakeChartOptions, ChartOptions, 'get'>>;

type ContainerInfoMember = 'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY';

class FakeContainerInfo extends CountedFake implements Pick<ContainerInfo, ContainerInfoMember> {
  private readonly position: ChartModel['position'];

  constructor(calls: CallCounter, position: ChartModel['position']) {
    super(calls);
    this.position = position;
  }

  getAnchorColumn(): number {
    return this.position.column;
  }

  getAnchorRow(): number {
    return this.position.row;
  }

  getOffsetX(): number {
    return this.position.offsetX;
  }

  getOffsetY(): number {
    return this.position.offsetY;
  }
}
type _ContainerInfoIsExact = Assert<ExactApi<FakeContainerInfo, ContainerInfo, ContainerInfoMember>>;

// ===== Spreadsheet ================================================================================

type SpreadsheetMember =
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getFormUrl'
  | 'getId'
  | 'getName'
  | 'getNumSheets'
  | 'getRange'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'setActiveSheet'
  | 'toast';

type InsertSheetOptions = { template?: Sheet | undefined };

class FakeSpreadsheet extends CountedFake implements Pick<Spreadsheet, SpreadsheetMember> {
  private readonly workbook: WorkbookModel;
  private readonly ui: UiLog;

  constructor(workbook: WorkbookModel, ui: UiLog) {
    super(workbook.calls);
    this.workbook = workbook;
    this.ui = ui;
  }

  deleteSheet(sheet: Sheet): void {
    this.workbook.removeSheet(sheetModelOf(sheet, 'SpreadsheetApp.Spreadsheet.deleteSheet'));
  }

  getActiveSheet(): Sheet {
    return sheetApi(activeSheetOf(this.workbook));
  }

  /** The form that last linked its responses here (Google keeps one per spreadsheet). */
  getFormUrl(): string | null {
    return this.workbook.formUrl;
  }

  getId(): string {
    return this.workbook.id;
  }

  getName(): string {
    return this.workbook.name;
  }

  getNumSheets(): number {
    return this.workbook.sheets.length;
  }

  getRange(a1Notation: string): Range {
    const match = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(a1Notation);
    const sheet = match ? this.workbook.findSheet((match[1] ?? match[2]).replace(/''/g, "'")) : activeSheetOf(this.workbook);
    if (!sheet) throw new AppsScriptException('Range not found');
    return sheetApi(sheet).getRange(match ? match[3] : a1Notation);
  }

  getSheetById(id: number): Sheet | null {
    const sheet = this.workbook.sheets.find((candidate) => candidate.sheetId === id);
    return sheet ? sheetApi(sheet) : null;
  }

  getSheetByName(name: string): Sheet | null {
    const sheet = this.workbook.findSheet(name);
    return sheet ? sheetApi(sheet) : null;
  }

  getSheets(): Sheet[] {
    return this.workbook.sheets.map(sheetApi);
  }

  getSpreadsheetLocale(): string {
    return this.workbook.locale;
  }

  getSpreadsheetTimeZone(): string {
    return this.workbook.timeZone;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.workbook.id}/edit`;
  }

  /** insertSheet(), (index), (name), (name, index); like Sheets, the new sheet becomes active. */
  insertSheet(
    nameOrIndex?: string | number | InsertSheetOptions,
    indexOrOptions?: number | InsertSheetOptions,
    options?: InsertSheetOptions,
  ): Sheet {
    const optionArgument = [nameOrIndex, indexOrOptions, options].find((arg) => typeof arg === 'object' && arg !== null);
    if (optionArgument && (optionArgument as InsertSheetOptions).template) {
      throw new AppsScriptException('insertSheet({ template }) is not supported by the in-memory SpreadsheetApp.');
    }
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.workbook.defaultSheetName();
    const index =
      typeof nameOrIndex === 'number' ? nameOrIndex : typeof indexOrOptions === 'number' ? indexOrOptions : this.workbook.sheets.length;
    const sheet = this.workbook.addSheet(name, index);
    this.workbook.activeSheet = sheet;
    return sheetApi(sheet);
  }

  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    this.workbook.activeSheet = sheetModelOf(sheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    return sheet;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ui.toasts.push({ message: String(msg), title: title ?? null, timeoutSeconds: timeoutSeconds ?? null });
  }
}
type _SpreadsheetIsExact = Assert<ExactApi<FakeSpreadsheet, Spreadsheet, SpreadsheetMember>>;

function activeSheetOf(workbook: WorkbookModel): SheetModel {
  if (!workbook.activeSheet || !workbook.sheets.includes(workbook.activeSheet)) workbook.activeSheet = workbook.sheets[0];
  return workbook.activeSheet;
}

// One facade per model, so `ss.getSheetByName('A') === ss.getSheets()[0]` and the vm bridge keeps identity.
const sheetFacades = new WeakMap<SheetModel, Sheet>();
const spreadsheetFacades = new WeakMap<WorkbookModel, Spreadsheet>();

function sheetApi(model: SheetModel): Sheet {
  let facade = sheetFacades.get(model);
  if (!facade) sheetFacades.set(model, (facade = expose<Sheet>(new FakeSheet(model))));
  return facade;
}

function spreadsheetApi(workbook: WorkbookModel): Spreadsheet {
  const facade = spreadsheetFacades.get(workbook);
  if (!facade) throw new Error('Spreadsheet facade is created with its workbook');
  return facade;
}

// ===== Ui =========================================================================================

export type ButtonName = keyof typeof GoogleAppsScript.Base.Button;
export type ButtonSetName = keyof typeof GoogleAppsScript.Base.ButtonSet;

export interface RecordedAlert {
  title: string | null;
  prompt: string;
  buttons: ButtonSetName;
  /** The button the simulated user pressed. */
  answer: ButtonName;
}

export interface RecordedToast {
  message: string;
  title: string | null;
  timeoutSeconds: number | null;
}

export interface RecordedHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
}

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; entries: MenuEntry[] };

export interface RecordedMenu {
  /** null for the add-on menu (createAddonMenu), whose caption is the add-on's name. */
  caption: string | null;
  entries: MenuEntry[];
}

/** Everything the add-on showed to the user, for assertions. */
export class UiLog {
  readonly menus: RecordedMenu[] = [];
  readonly alerts: RecordedAlert[] = [];
  readonly toasts: RecordedToast[] = [];
  readonly sidebars: RecordedHtml[] = [];
  readonly dialogs: RecordedHtml[] = [];
  private readonly queuedAnswers: ButtonName[] = [];
  readonly prompts: RecordedPrompt[] = [];
  private readonly queuedPrompts: { text: string; button: ButtonName }[] = [];

  /** The simulated user types `text` into the next prompt and presses `button` (default OK). */
  answerPromptWith(text: string, button: ButtonName = 'OK'): void {
    this.queuedPrompts.push({ text, button });
  }

  takePromptAnswer(buttons: ButtonSetName): { text: string; button: ButtonName } {
    return this.queuedPrompts.shift() ?? { text: '', button: buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK' };
  }

  /** The simulated user answers the next alerts with these buttons; afterwards the first button of each set. */
  answerAlertsWith(...buttons: ButtonName[]): void {
    this.queuedAnswers.push(...buttons);
  }

  takeAnswer(buttons: ButtonSetName): ButtonName {
    const queued = this.queuedAnswers.shift();
    if (queued) return queued;
    return buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
  }

  /** All menu items (including submenus) as caption → function name. */
  menuItems(): Array<{ caption: string; functionName: string }> {
    const items: Array<{ caption: string; functionName: string }> = [];
    const visit = (entries: MenuEntry[]) => {
      for (const entry of entries) {
        if (entry.type === 'item') items.push({ caption: entry.caption, functionName: entry.functionName });
        if (entry.type === 'submenu') visit(entry.entries);
      }
    };
    this.menus.forEach((menu) => visit(menu.entries));
    return items;
  }

  clear(): void {
    for (const list of [this.menus, this.alerts, this.toasts, this.sidebars, this.dialogs, this.queuedAnswers, this.prompts, this.queuedPrompts]) {
      list.length = 0;
    }
  }
}

export interface RecordedPrompt {
  title: string | null;
  prompt: string;
  buttons: ButtonSetName;
  text: string;
  answer: ButtonName;
}

class FakePromptResponse extends CountedFake implements Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'> {
  constructor(
    calls: CallCounter,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {
    super(calls);
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): Button {
    return asEnum<Button>(this.button);
  }
}
type _PromptResponseIsExact = Assert<ExactApi<FakePromptResponse, GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'>>;

type UiMember =
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'prompt'
  | 'createAddonMenu'
  | 'createMenu'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'showSidebar';

function recordHtml(kind: RecordedHtml['kind'], output: HtmlOutput, title?: string): RecordedHtml {
  return {
    kind,
    title: title ?? output.getTitle(),
    content: output.getContent(),
    width: output.getWidth() ?? null,
    height: output.getHeight() ?? null,
  };
}

class FakeUi extends CountedFake implements Pick<Ui, UiMember> {
  readonly Button = fakeEnum<typeof GoogleAppsScript.Base.Button>('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
  readonly ButtonSet = fakeEnum<typeof GoogleAppsScript.Base.ButtonSet>('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
  private readonly log: UiLog;

  constructor(calls: CallCounter, log: UiLog) {
    super(calls);
    this.log = log;
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(titleOrPrompt: string, promptOrButtons?: string | ButtonSet, buttons?: ButtonSet): Button {
    const hasTitle = buttons !== undefined;
    const buttonSet = enumName(hasTitle ? buttons : promptOrButtons ?? 'OK') as ButtonSetName;
    const answer = this.log.takeAnswer(buttonSet);
    this.log.alerts.push({
      title: hasTitle ? String(titleOrPrompt) : null,
      prompt: String(hasTitle ? promptOrButtons : titleOrPrompt),
      buttons: buttonSet,
      answer,
    });
    return asEnum<Button>(answer);
  }

  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons): the text the simulated user typed. */
  prompt(titleOrPrompt: string, promptOrButtons?: string | ButtonSet, buttons?: ButtonSet): GoogleAppsScript.Base.PromptResponse {
    const hasTitle = buttons !== undefined;
    const buttonSet = enumName(hasTitle ? buttons : promptOrButtons ?? 'OK') as ButtonSetName;
    const { text, button } = this.log.takePromptAnswer(buttonSet);
    this.log.prompts.push({ title: hasTitle ? String(titleOrPrompt) : null, prompt: String(hasTitle ? promptOrButtons : titleOrPrompt), buttons: buttonSet, text, answer: button });
    return expose<GoogleAppsScript.Base.PromptResponse>(new FakePromptResponse(this.callCounter, text, button));
  }

  createAddonMenu(): Menu {
    return expose<Menu>(new FakeMenu(this.callCounter, this.log, null));
  }

  createMenu(caption: string): Menu {
    return expose<Menu>(new FakeMenu(this.callCounter, this.log, String(caption)));
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.log.dialogs.push(recordHtml('modal', userInterface, title));
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.log.dialogs.push(recordHtml('modeless', userInterface, title));
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.log.sidebars.push(recordHtml('sidebar', userInterface));
  }
}
type _UiIsExact = Assert<ExactApi<FakeUi, Ui, UiMember>>;

const menuContents = new WeakMap<object, { caption: string | null; entries: MenuEntry[] }>();

class FakeMenu extends CountedFake implements Pick<Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  private readonly log: UiLog;
  private readonly caption: string | null;
  private readonly entries: MenuEntry[] = [];

  constructor(calls: CallCounter, log: UiLog, caption: string | null) {
    super(calls);
    this.log = log;
    this.caption = caption;
    menuContents.set(this, { caption, entries: this.entries });
  }

  addItem(caption: string, functionName: string): Menu {
    this.entries.push({ type: 'item', caption: String(caption), functionName: String(functionName) });
    return expose<Menu>(this);
  }

  addSeparator(): Menu {
    this.entries.push({ type: 'separator' });
    return expose<Menu>(this);
  }

  addSubMenu(menu: Menu): Menu {
    const subMenu = menuContents.get(menu);
    this.entries.push({ type: 'submenu', caption: subMenu?.caption ?? '', entries: subMenu?.entries ?? [] });
    return expose<Menu>(this);
  }

  addToUi(): void {
    this.log.menus.push({ caption: this.caption, entries: this.entries });
  }
}
type _MenuIsExact = Assert<ExactApi<FakeMenu, Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'>>;

// ===== RangeList and data validation ==============================================================

class FakeRangeList extends CountedFake implements Pick<RangeList, 'getRanges' | 'setNote' | 'setValue' | 'setWrap'> {
  private readonly ranges: FakeRange[];

  constructor(calls: CallCounter, ranges: FakeRange[]) {
    super(calls);
    this.ranges = ranges;
  }

  getRanges(): Range[] {
    return this.ranges.map((r) => expose<Range>(r));
  }

  setNote(note: string | null): RangeList {
    for (const r of this.ranges) r.setNote(note);
    return expose<RangeList>(this);
  }

  setValue(value: any): RangeList {
    for (const r of this.ranges) r.setValue(value);
    return expose<RangeList>(this);
  }

  setWrap(isWrapEnabled: boolean): RangeList {
    for (const r of this.ranges) r.setWrap(isWrapEnabled);
    return expose<RangeList>(this);
  }
}
type _RangeListIsExact = Assert<ExactApi<FakeRangeList, RangeList, 'getRanges' | 'setNote' | 'setValue' | 'setWrap'>>;

const VALIDATION_CRITERIA = fakeEnum<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>('VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CHECKBOX', 'CUSTOM_FORMULA');

type ValidationMember = 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText';

/** A built rule. Only drop-down lists (requireValueInList) are modelled: that is what the add-on makes. */
class FakeDataValidation extends CountedFake implements Pick<DataValidation, ValidationMember> {
  private readonly rule: ValueListRule;

  constructor(calls: CallCounter, rule: ValueListRule) {
    super(calls);
    this.rule = rule;
    validationRules.set(this, rule);
  }

  copy(): DataValidationBuilder {
    return expose<DataValidationBuilder>(new FakeDataValidationBuilder(this.callCounter, this.rule));
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): DataValidationCriteria {
    return VALIDATION_CRITERIA.VALUE_IN_LIST;
  }

  getCriteriaValues(): any[] {
    return [this.rule.values.slice(), true];
  }

  getHelpText(): string {
    return this.rule.helpText ?? '';
  }
}
type _ValidationIsExact = Assert<ExactApi<FakeDataValidation, DataValidation, ValidationMember>>;

type ValidationBuilderMember = ValidationMember | 'build' | 'requireValueInList' | 'setAllowInvalid' | 'setHelpText';

class FakeDataValidationBuilder extends CountedFake implements Pick<DataValidationBuilder, ValidationBuilderMember> {
  private values: readonly string[] | null;
  private allowInvalid: boolean;
  private helpText: string | null;

  constructor(calls: CallCounter, from?: ValueListRule) {
    super(calls);
    this.values = from?.values ?? null;
    // A new rule shows a warning for other input until setAllowInvalid(false), as in Apps Script.
    this.allowInvalid = from?.allowInvalid ?? true;
    this.helpText = from?.helpText ?? null;
  }

  build(): DataValidation {
    if (this.values === null) throw new AppsScriptException('You must specify criteria for the data validation rule.');
    return expose<DataValidation>(new FakeDataValidation(this.callCounter, { values: this.values, allowInvalid: this.allowInvalid, helpText: this.helpText }));
  }

  copy(): DataValidationBuilder {
    return expose<DataValidationBuilder>(new FakeDataValidationBuilder(this.callCounter, this.values ? { values: this.values, allowInvalid: this.allowInvalid, helpText: this.helpText } : undefined));
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  getCriteriaType(): DataValidationCriteria {
    return VALIDATION_CRITERIA.VALUE_IN_LIST;
  }

  getCriteriaValues(): any[] {
    return this.values ? [this.values.slice(), true] : [];
  }

  getHelpText(): string | null {
    return this.helpText;
  }

  requireValueInList(values: string[], _showDropdown?: boolean): DataValidationBuilder {
    if (!Array.isArray(values)) throw new AppsScriptException(`The parameters (${describeType(values)}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`);
    this.values = values.map(String);
    return expose<DataValidationBuilder>(this);
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.allowInvalid = allowInvalidData === true;
    return expose<DataValidationBuilder>(this);
  }

  setHelpText(helpText: string): DataValidationBuilder {
    this.helpText = String(helpText);
    return expose<DataValidationBuilder>(this);
  }
}
type _ValidationBuilderIsExact = Assert<ExactApi<FakeDataValidationBuilder, DataValidationBuilder, ValidationBuilderMember>>;

// ===== SpreadsheetApp =============================================================================

type SpreadsheetAppMember =
  | 'BorderStyle'
  | 'DataValidationCriteria'
  | 'newDataValidation'
  | 'WrapStrategy'
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi';

class FakeSpreadsheetApp extends CountedFake implements Pick<SpreadsheetApp, SpreadsheetAppMember> {
  readonly BorderStyle = fakeEnum<typeof GoogleAppsScript.Spreadsheet.BorderStyle>(
    'DOTTED',
    'DASHED',
    'SOLID',
    'SOLID_MEDIUM',
    'SOLID_THICK',
    'DOUBLE',
  );
  readonly WrapStrategy = fakeEnum<typeof GoogleAppsScript.Spreadsheet.WrapStrategy>('WRAP', 'OVERFLOW', 'CLIP');
  readonly DataValidationCriteria = VALIDATION_CRITERIA;
  private readonly workbook: WorkbookModel;
  private readonly ui: Ui | null;

  constructor(workbook: WorkbookModel, ui: Ui | null) {
    super(workbook.calls);
    this.workbook = workbook;
    this.ui = ui;
  }

  flush(): void {}

  getActive(): Spreadsheet {
    return spreadsheetApi(this.workbook);
  }

  getActiveSheet(): Sheet {
    return sheetApi(activeSheetOf(this.workbook));
  }

  getActiveSpreadsheet(): Spreadsheet {
    return spreadsheetApi(this.workbook);
  }

  newDataValidation(): DataValidationBuilder {
    return expose<DataValidationBuilder>(new FakeDataValidationBuilder(this.workbook.calls));
  }

  getUi(): Ui {
    if (!this.ui) throw new AppsScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ui;
  }
}
type _SpreadsheetAppIsExact = Assert<ExactApi<FakeSpreadsheetApp, SpreadsheetApp, SpreadsheetAppMember>>;

for (const [fakeClass, apiName] of [
  [FakeRange, 'Range'],
  [FakeSheet, 'Sheet'],
  [FakeSpreadsheet, 'Spreadsheet'],
  [FakeEmbeddedChartBuilder, 'EmbeddedChartBuilder'],
  [FakeEmbeddedChart, 'EmbeddedChart'],
  [FakeChartOptions, 'ChartOptions'],
  [FakeContainerInfo, 'ContainerInfo'],
  [FakeUi, 'Ui'],
  [FakePromptResponse, 'PromptResponse'],
  [FakeMenu, 'Menu'],
  [FakeSpreadsheetApp, 'SpreadsheetApp'],
  [FakeRangeList, 'RangeList'],
  [FakeDataValidation, 'DataValidation'],
  [FakeDataValidationBuilder, 'DataValidationBuilder'],
] as const) {
  countCalls(fakeClass, apiName);
}

// ===== Workbook (test-side handle) ================================================================

export type SeedValue = string | number | boolean | Date | null | undefined;

export interface SeedSheet {
  name: string;
  /** Stored exactly as given: no string interpretation, "=x" stays a string. null/undefined/'' → empty. */
  rows: SeedValue[][];
  /** Defaults: max(1000, rows) × max(26, widest row), like a new Google sheet. */
  maxRows?: number;
  maxColumns?: number;
  frozenRows?: number;
  hidden?: boolean;
}

export interface WorkbookOptions {
  name?: string;
  id?: string;
  /** Default 'Europe/Moscow'. */
  timeZone?: string;
  /** Default 'ru_RU'. */
  locale?: string;
  /** What getValues() returns for formula cells; default "#FORMULA =…" (see cellValues.ts). */
  formulaValue?: FormulaValue;
  calls?: CallCounter;
  ui?: UiLog;
}

/** The test-side handle on an in-memory spreadsheet. Its own methods are not counted as API calls. */
export class FakeWorkbook {
  readonly calls: CallCounter;
  readonly ui: UiLog;
  /** The spreadsheet as the add-on sees it (SpreadsheetApp.getActiveSpreadsheet()). */
  readonly spreadsheet: Spreadsheet;
  private readonly model: WorkbookModel;

  constructor(sheets: SeedSheet[], options: WorkbookOptions = {}) {
    this.calls = options.calls ?? new CallCounter();
    this.ui = options.ui ?? new UiLog();
    this.model = new WorkbookModel(
      this.calls,
      options.name ?? 'Мониторинг ШНОР и ШНСУ',
      options.id ?? 'fake-spreadsheet-id',
      options.timeZone ?? 'Europe/Moscow',
      options.locale ?? 'ru_RU',
      options.formulaValue ?? defaultFormulaValue,
    );
    this.spreadsheet = expose<Spreadsheet>(new FakeSpreadsheet(this.model, this.ui));
    spreadsheetFacades.set(this.model, this.spreadsheet);
    for (const seed of sheets.length ? sheets : [{ name: 'Лист1', rows: [] }]) this.addSheet(seed);
    this.model.activeSheet = this.model.sheets[0];
  }

  get timeZone(): string {
    return this.model.timeZone;
  }

  /** Adds a sheet (at the end) from a plain table; values are stored as given. */
  addSheet(seed: SeedSheet): void {
    const width = seed.rows.reduce((w, row) => Math.max(w, row.length), 0);
    const sheet = this.model.addSheet(
      seed.name,
      this.model.sheets.length,
      seed.maxRows ?? Math.max(1000, seed.rows.length),
      seed.maxColumns ?? Math.max(26, width),
    );
    seed.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return;
        sheet.values.set(r + 1, c + 1, isDate(value) ? new Date(value.getTime()) : value);
      }),
    );
    sheet.frozenRows = seed.frozenRows ?? 0;
    sheet.hidden = seed.hidden ?? false;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((sheet) => sheet.name);
  }

  /** The whole state (sheets, ids, active sheet), to go back to with `restore`: one spreadsheet for many trials. */
  checkpoint(): WorkbookCheckpoint {
    return this.model.checkpoint();
  }

  restore(checkpoint: WorkbookCheckpoint): void {
    this.model.restore(checkpoint);
  }

  activeSheetName(): string {
    return activeSheetOf(this.model).name;
  }

  hasSheet(name: string): boolean {
    return this.model.findSheet(name) !== undefined;
  }

  /** Values, formatting, notes, merges, checkboxes, charts… of one sheet (see SheetDump). */
  dumpSheet(name: string): SheetDump {
    const sheet = this.model.findSheet(name);
    if (!sheet) throw new Error(`No sheet named "${name}"; sheets: ${this.sheetNames().join(', ')}`);
    return sheet.dump();
  }

  // ----- Google Forms' side (test/support/fakeFormApp.ts): Forms writes here itself, not the add-on,
  // so nothing below is counted as an API call.

  get id(): string {
    return this.model.id;
  }

  /**
   * A form chose this spreadsheet as its destination: Google adds a sheet «Ответы на форму (N)»
   * («Form Responses N» in other locales) as the first sheet, with the header row frozen, and
   * remembers the form on the sheet and on the spreadsheet (getFormUrl()). The header is the
   * timestamp («Отметка времени» / «Timestamp») and the questions' titles. Returns the sheet's name.
   */
  linkFormResponses(formUrl: string, questionTitles: string[]): string {
    const ru = this.model.locale.startsWith('ru');
    const header = [ru ? 'Отметка времени' : 'Timestamp', ...questionTitles];
    let n = 1;
    const nameFor = (k: number) => (ru ? `Ответы на форму (${k})` : `Form Responses ${k}`);
    while (this.model.sheets.some((sheet) => sheet.name.toLowerCase() === nameFor(n).toLowerCase())) n++;
    const sheet = this.model.addSheet(nameFor(n), 0, 1000, Math.max(26, header.length));
    header.forEach((title, i) => sheet.values.set(1, i + 1, title));
    sheet.frozenRows = 1;
    sheet.formUrl = formUrl;
    this.model.formUrl = formUrl;
    return sheet.name;
  }

  /** The sheet a form writes to now (the user may have renamed it), or null when it was deleted or unlinked. */
  formResponsesSheet(formUrl: string): string | null {
    return this.model.sheets.find((sheet) => sheet.formUrl === formUrl)?.name ?? null;
  }

  /** The form stops writing here (Form.removeDestination or another destination). */
  unlinkFormResponses(formUrl: string): void {
    for (const sheet of this.model.sheets) if (sheet.formUrl === formUrl) sheet.formUrl = null;
    if (this.model.formUrl === formUrl) this.model.formUrl = null;
  }

  /**
   * What Forms does on a submission: the header gains a column for a question it has not seen,
   * and the answers go into the row below the last one, each under its question's title. Answers
   * are interpreted as typed text («27» becomes a number); the timestamp is a date-time.
   */
  appendFormResponse(formUrl: string, timestamp: Date, answers: { title: string; value: string }[]): void {
    const sheet = this.model.sheets.find((candidate) => candidate.formUrl === formUrl);
    if (!sheet) return;
    const header = new Map<string, number>();
    for (let c = 1; c <= sheet.lastColumn(); c++) {
      const title = sheet.values.get(1, c);
      if (typeof title === 'string' && !header.has(title)) header.set(title, c);
    }
    const row = Math.max(2, sheet.lastRow() + 1);
    if (row > sheet.maxRows) sheet.insertRows(sheet.maxRows, row - sheet.maxRows);
    for (const { title, value } of answers) {
      let column = header.get(title);
      if (column === undefined) {
        column = sheet.lastColumn() + 1;
        if (column > sheet.maxColumns) sheet.insertColumns(sheet.maxColumns, column - sheet.maxColumns);
        sheet.values.set(1, column, title);
        header.set(title, column);
      }
      if (value === '') continue;
      // An answer is never a formula in the response sheet.
      if (value.startsWith('=')) sheet.values.set(row, column, value);
      else sheet.writeInput(row, column, value);
    }
    sheet.values.set(row, 1, new Date(timestamp.getTime()));
    sheet.formats.numberFormat.set(row, 1, 'dd.MM.yyyy H:mm:ss');
  }

  /** The SpreadsheetApp global for this workbook. With `uiAvailable: false`, getUi() throws as in triggers. */
  createSpreadsheetApp(options: { uiAvailable?: boolean } = {}): SpreadsheetApp {
    const ui = options.uiAvailable === false ? null : expose<Ui>(new FakeUi(this.calls, this.ui));
    return expose<SpreadsheetApp>(new FakeSpreadsheetApp(this.model, ui));
  }
}

/** Seeds an in-memory spreadsheet from plain tables. */
export function createWorkbook(sheets: SeedSheet[] = [], options: WorkbookOptions = {}): FakeWorkbook {
  return new FakeWorkbook(sheets, options);
}
