/**
 * The data behind the fake SpreadsheetApp: workbook, sheets, cell layers, merges, charts. The API
 * facades in fakeSpreadsheetApp.ts are thin and delegate here; tests read the model through dumps.
 */
import { GridRect, contains, intersects, toA1 } from './a1';
import {
  CellValue,
  DEFAULT_NUMBER_FORMAT,
  Formula,
  FormulaValue,
  StoredValue,
  displayText,
  valueForWrite,
} from './cellValues';
import { AppsScriptException, CallCounter, describeType, isDate } from './fakeBase';
import { Grid } from './grid';

export interface CellFormat {
  background: string;
  fontColor: string;
  fontWeight: string;
  fontStyle: string;
  fontSize: number;
  numberFormat: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapStrategy: string;
}

/** What the real getters return for a cell that was never formatted. */
export const DEFAULT_CELL_FORMAT: Readonly<CellFormat> = Object.freeze({
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  numberFormat: DEFAULT_NUMBER_FORMAT,
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrapStrategy: 'OVERFLOW',
});

const FORMAT_NAMES = Object.keys(DEFAULT_CELL_FORMAT) as Array<keyof CellFormat>;

type FormatLayers = { [Name in keyof CellFormat]: Grid<CellFormat[Name]> };

/** A drop-down data-validation rule (requireValueInList): the values, and whether other input only warns. */
export interface ValueListRule {
  readonly values: readonly string[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

/** A checkbox data-validation rule: which cell values mean checked and unchecked. */
export interface CheckboxRule {
  checked: CellValue;
  unchecked: CellValue | undefined;
}

export interface RangeRef {
  sheet: SheetModel;
  rect: GridRect;
}

export interface ChartModel {
  chartId: number;
  type: string | null;
  ranges: RangeRef[];
  options: Map<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
}

export interface BorderRecord {
  range: string;
  top: boolean | null;
  left: boolean | null;
  bottom: boolean | null;
  right: boolean | null;
  vertical: boolean | null;
  horizontal: boolean | null;
  color: string | null;
  style: string | null;
}

export interface ChartDump {
  chartId: number;
  type: string | null;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
}

/**
 * Everything a test may want to assert about one sheet. Every grid starts at A1. `values`,
 * `formulas` and `displayValues` cover the data range (A1 to last row/column with content, empty
 * for an empty sheet); the formatting grids and `checkboxes` cover the smallest A1-anchored box
 * holding every cell that has content, formatting, a note or a checkbox.
 */
export interface SheetDump {
  name: string;
  index: number;
  sheetId: number;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  frozenColumns: number;
  values: CellValue[][];
  formulas: string[][];
  displayValues: string[][];
  backgrounds: string[][];
  fontColors: string[][];
  fontWeights: string[][];
  fontStyles: string[][];
  fontSizes: number[][];
  numberFormats: string[][];
  horizontalAlignments: string[][];
  verticalAlignments: string[][];
  wrapStrategies: string[][];
  notes: string[][];
  checkboxes: boolean[][];
  /** The allowed values of each cell with a drop-down list (null: none). */
  valueLists: (readonly string[] | null)[][];
  /** A1 notations of merged areas, in the order they were merged. */
  merges: string[];
  borders: BorderRecord[];
  /** Explicitly set widths by 1-based column. */
  columnWidths: Record<number, number>;
  autoResizedColumns: number[];
  charts: ChartDump[];
}

export const OUTSIDE_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';
const PARTIAL_MERGE = 'You must select all cells in a merged range to merge or unmerge them.';

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  activeRange: RangeRef | null = null;
  /** The form that last chose this spreadsheet as its destination (Spreadsheet.getFormUrl()). */
  formUrl: string | null = null;
  private nextSheetId = 0;
  private nextChartId = 1;

  constructor(
    readonly calls: CallCounter,
    public name: string,
    readonly id: string,
    readonly timeZone: string,
    readonly locale: string,
    readonly formulaValue: FormulaValue,
  ) {}

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  /** Sheet names are unique regardless of case in Google Sheets. */
  assertNameFree(name: string, except?: SheetModel): void {
    const clash = this.sheets.find((sheet) => sheet !== except && sheet.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new AppsScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  addSheet(name: string, index: number, maxRows = 1000, maxColumns = 26): SheetModel {
    this.assertNameFree(name);
    const sheet = new SheetModel(this, name, this.nextSheetId++, maxRows, maxColumns);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    const index = this.sheets.indexOf(sheet);
    if (index === -1) return;
    if (this.sheets.length === 1) throw new AppsScriptException("You can't remove all the sheets in a document.");
    this.sheets.splice(index, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    if (this.activeRange?.sheet === sheet) this.activeRange = null;
  }

  defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = `Лист${n}`;
      if (!this.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) return name;
    }
  }

  newChartId(): number {
    return this.nextChartId++;
  }

  /** A copy of the whole workbook state, to go back to with `restore` (tests that try many failures). */
  checkpoint(): WorkbookCheckpoint {
    return {
      sheets: copySheets(this.sheets, this),
      active: this.activeSheet?.sheetId ?? null,
      nextSheetId: this.nextSheetId,
      nextChartId: this.nextChartId,
    };
  }

  restore(checkpoint: WorkbookCheckpoint): void {
    this.sheets.splice(0, this.sheets.length, ...copySheets(checkpoint.sheets, this));
    this.activeSheet = this.sheets.find((sheet) => sheet.sheetId === checkpoint.active) ?? null;
    this.activeRange = null;
    this.nextSheetId = checkpoint.nextSheetId;
    this.nextChartId = checkpoint.nextChartId;
  }

  readCell(sheet: SheetModel, row: number, column: number): CellValue {
    const stored = sheet.values.get(row, column);
    if (stored === undefined) return '';
    if (stored instanceof Formula) return this.formulaValue(stored.text);
    if (isDate(stored)) return new Date(stored.getTime());
    return stored;
  }
}

export interface WorkbookCheckpoint {
  readonly sheets: readonly SheetModel[];
  readonly active: number | null;
  readonly nextSheetId: number;
  readonly nextChartId: number;
}

/** Deep copies of sheets for `workbook`; chart ranges are pointed at the copies. */
function copySheets(sheets: readonly SheetModel[], workbook: WorkbookModel): SheetModel[] {
  const copies = sheets.map((sheet) => sheet.copyFor(workbook));
  const byId = new Map(copies.map((sheet) => [sheet.sheetId, sheet]));
  for (const sheet of copies) {
    for (const chart of sheet.charts) for (const ref of chart.ranges) ref.sheet = byId.get(ref.sheet.sheetId) ?? ref.sheet;
  }
  return copies;
}

export class SheetModel {
  readonly values = new Grid<StoredValue>();
  readonly formats: FormatLayers = {
    background: new Grid(),
    fontColor: new Grid(),
    fontWeight: new Grid(),
    fontStyle: new Grid(),
    fontSize: new Grid(),
    numberFormat: new Grid(),
    horizontalAlignment: new Grid(),
    verticalAlignment: new Grid(),
    wrapStrategy: new Grid(),
  };
  readonly notes = new Grid<string>();
  readonly checkboxes = new Grid<CheckboxRule>();
  /** Drop-down lists; a cell has either a checkbox or a list, never both (one data-validation rule). */
  readonly valueLists = new Grid<ValueListRule>();
  merges: GridRect[] = [];
  charts: ChartModel[] = [];
  borders: BorderRecord[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly autoResizedColumns = new Set<number>();
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  /** The form whose responses Google Forms writes here (Sheet.getFormUrl()); null for other sheets. */
  formUrl: string | null = null;

  constructor(
    readonly workbook: WorkbookModel,
    public name: string,
    readonly sheetId: number,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  /** A deep copy belonging to `workbook` (chart ranges still point at this sheet's workbook: see copySheets). */
  copyFor(workbook: WorkbookModel): SheetModel {
    const copy = new SheetModel(workbook, this.name, this.sheetId, this.maxRows, this.maxColumns);
    (copy as { values: Grid<StoredValue> }).values = this.values.clone();
    for (const name of FORMAT_NAMES) (copy.formats as Record<string, Grid<unknown>>)[name] = (this.formats[name] as Grid<unknown>).clone();
    (copy as { notes: Grid<string> }).notes = this.notes.clone();
    (copy as { checkboxes: Grid<CheckboxRule> }).checkboxes = this.checkboxes.clone();
    (copy as { valueLists: Grid<ValueListRule> }).valueLists = this.valueLists.clone();
    copy.merges = this.merges.map((merge) => ({ ...merge }));
    copy.charts = this.charts.map((chart) => ({
      ...chart,
      ranges: chart.ranges.map((ref) => ({ sheet: ref.sheet, rect: { ...ref.rect } })),
      options: new Map(chart.options),
      position: { ...chart.position },
    }));
    copy.borders = this.borders.map((border) => ({ ...border }));
    for (const [column, width] of this.columnWidths) copy.columnWidths.set(column, width);
    for (const column of this.autoResizedColumns) copy.autoResizedColumns.add(column);
    copy.hidden = this.hidden;
    copy.frozenRows = this.frozenRows;
    copy.frozenColumns = this.frozenColumns;
    copy.tabColor = this.tabColor;
    copy.formUrl = this.formUrl;
    return copy;
  }

  private layers(): Array<Grid<unknown>> {
    return [this.values, this.notes, this.checkboxes, this.valueLists, ...FORMAT_NAMES.map((name) => this.formats[name] as Grid<unknown>)];
  }

  // ----- geometry -------------------------------------------------------------------------------

  rect(row: number, column: number, numRows: number, numColumns: number): GridRect {
    const values = [row, column, numRows, numColumns];
    if (values.some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
      throw new AppsScriptException(
        `The parameters (${values.map(describeType).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    [row, column, numRows, numColumns] = values.map(Math.trunc);
    if (row < 1) throw new AppsScriptException('The starting row of the range is too small.');
    if (column < 1) throw new AppsScriptException('The starting column of the range is too small.');
    if (numRows < 1) throw new AppsScriptException('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new AppsScriptException('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new AppsScriptException(OUTSIDE_SHEET);
    }
    return { row, column, numRows, numColumns };
  }

  lastRow(): number {
    return this.values.lastRow();
  }

  lastColumn(): number {
    return this.values.lastColumn();
  }

  /** A1:(last row, last column) with content; A1 for an empty sheet, like getDataRange(). */
  dataRect(): GridRect {
    return { row: 1, column: 1, numRows: Math.max(1, this.lastRow()), numColumns: Math.max(1, this.lastColumn()) };
  }

  insertRows(afterRow: number, count: number): void {
    this.assertWholeNumbers([afterRow, count], 'insertRowsAfter');
    if (afterRow < 0 || afterRow > this.maxRows) throw new AppsScriptException('Those rows are out of bounds.');
    for (const layer of this.layers()) layer.insertRows(afterRow, count);
    this.maxRows += count;
    this.merges = this.merges.map((merge) => shiftRect(merge, 'row', afterRow, count));
  }

  insertColumns(afterColumn: number, count: number): void {
    this.assertWholeNumbers([afterColumn, count], 'insertColumnsAfter');
    if (afterColumn < 0 || afterColumn > this.maxColumns) throw new AppsScriptException('Those columns are out of bounds.');
    for (const layer of this.layers()) layer.insertColumns(afterColumn, count);
    this.maxColumns += count;
    this.merges = this.merges.map((merge) => shiftRect(merge, 'column', afterColumn, count));
  }

  deleteRows(row: number, count: number): void {
    this.assertWholeNumbers([row, count], 'deleteRows');
    if (row < 1 || count < 1 || row + count - 1 > this.maxRows) throw new AppsScriptException('Those rows are out of bounds.');
    if (this.maxRows - count <= this.frozenRows) {
      throw new AppsScriptException('Sorry, it is not possible to delete all non-frozen rows.');
    }
    for (const layer of this.layers()) layer.deleteRows(row, count);
    this.maxRows -= count;
    this.merges = this.merges
      .filter((merge) => !intersects(merge, { row, column: merge.column, numRows: count, numColumns: merge.numColumns }))
      .map((merge) => shiftRect(merge, 'row', row - 1, -count));
  }

  deleteColumns(column: number, count: number): void {
    this.assertWholeNumbers([column, count], 'deleteColumns');
    if (column < 1 || count < 1 || column + count - 1 > this.maxColumns) {
      throw new AppsScriptException('Those columns are out of bounds.');
    }
    if (this.maxColumns - count <= this.frozenColumns) {
      throw new AppsScriptException('Sorry, it is not possible to delete all non-frozen columns.');
    }
    for (const layer of this.layers()) layer.deleteColumns(column, count);
    this.maxColumns -= count;
    this.merges = this.merges
      .filter((merge) => !intersects(merge, { row: merge.row, column, numRows: merge.numRows, numColumns: count }))
      .map((merge) => shiftRect(merge, 'column', column - 1, -count));
  }

  private assertWholeNumbers(values: unknown[], method: string): void {
    if (values.some((value) => typeof value !== 'number' || !Number.isInteger(value))) {
      throw new AppsScriptException(
        `The parameters (${values.map(describeType).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.${method}.`,
      );
    }
  }

  // ----- values ---------------------------------------------------------------------------------

  /** Writes one value the way Sheets stores typed input (formulas, apostrophes, ru_RU numbers…). */
  writeInput(row: number, column: number, raw: unknown): void {
    const result = valueForWrite(raw, {
      timeZone: this.workbook.timeZone,
      numberFormat: this.formats.numberFormat.get(row, column),
    });
    this.values.set(row, column, result.value);
    if (result.numberFormat !== undefined) this.formats.numberFormat.set(row, column, result.numberFormat);
  }

  readValues(rect: GridRect): CellValue[][] {
    return mapRect(rect, (row, column) => this.workbook.readCell(this, row, column));
  }

  readFormulas(rect: GridRect): string[][] {
    return mapRect(rect, (row, column) => {
      const stored = this.values.get(row, column);
      return stored instanceof Formula ? stored.text : '';
    });
  }

  readDisplayValues(rect: GridRect): string[][] {
    return mapRect(rect, (row, column) => {
      const stored = this.values.get(row, column);
      if (stored === undefined) return '';
      return displayText(
        this.workbook.readCell(this, row, column),
        this.formats.numberFormat.get(row, column),
        this.workbook.timeZone,
      );
    });
  }

  readFormat<Name extends keyof CellFormat>(rect: GridRect, name: Name): Array<Array<CellFormat[Name]>> {
    const layer = this.formats[name];
    return mapRect(rect, (row, column) => layer.get(row, column) ?? DEFAULT_CELL_FORMAT[name]);
  }

  fillFormat<Name extends keyof CellFormat>(rect: GridRect, name: Name, value: CellFormat[Name] | undefined): void {
    forEachCell(rect, (row, column) => this.formats[name].set(row, column, value));
  }

  clearValues(rect: GridRect): void {
    this.values.clearRect(rect.row, rect.column, rect.numRows, rect.numColumns);
  }

  clearFormats(rect: GridRect): void {
    for (const name of FORMAT_NAMES) this.formats[name].clearRect(rect.row, rect.column, rect.numRows, rect.numColumns);
    this.borders = this.borders.filter((border) => border.range !== toA1(rect));
  }

  clearNotes(rect: GridRect): void {
    this.notes.clearRect(rect.row, rect.column, rect.numRows, rect.numColumns);
  }

  wholeSheet(): GridRect {
    return { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns };
  }

  /** Every data-validation rule of the cells goes (checkboxes and lists alike). */
  clearValidations(rect: GridRect): void {
    this.checkboxes.clearRect(rect.row, rect.column, rect.numRows, rect.numColumns);
    this.valueLists.clearRect(rect.row, rect.column, rect.numRows, rect.numColumns);
  }

  setValueList(rect: GridRect, rule: ValueListRule | undefined): void {
    forEachCell(rect, (row, column) => {
      this.checkboxes.set(row, column, undefined);
      this.valueLists.set(row, column, rule);
    });
  }

  // ----- checkboxes -----------------------------------------------------------------------------

  insertCheckboxes(rect: GridRect, rule: CheckboxRule): void {
    forEachCell(rect, (row, column) => {
      this.checkboxes.set(row, column, rule);
      this.valueLists.set(row, column, undefined);
      this.values.set(row, column, rule.unchecked === '' ? undefined : rule.unchecked);
    });
  }

  removeCheckboxes(rect: GridRect): void {
    forEachCell(rect, (row, column) => {
      const rule = this.checkboxes.get(row, column);
      if (rule === undefined) return;
      if (this.checkboxState(row, column) !== 'invalid') this.values.set(row, column, undefined);
      this.checkboxes.set(row, column, undefined);
    });
  }

  checkboxState(row: number, column: number): 'checked' | 'unchecked' | 'invalid' | 'none' {
    const rule = this.checkboxes.get(row, column);
    if (rule === undefined) return 'none';
    const value = this.values.get(row, column);
    if (value !== undefined && sameValue(value, rule.checked)) return 'checked';
    if (value === undefined || (rule.unchecked !== undefined && sameValue(value, rule.unchecked))) return 'unchecked';
    return 'invalid';
  }

  setChecked(rect: GridRect, checked: boolean): void {
    forEachCell(rect, (row, column) => {
      const rule = this.checkboxes.get(row, column);
      if (rule) this.values.set(row, column, checked ? rule.checked : rule.unchecked);
    });
  }

  // ----- merges ---------------------------------------------------------------------------------

  merge(rect: GridRect): void {
    if (rect.numRows === 1 && rect.numColumns === 1) return;
    if (this.merges.some((merge) => intersects(merge, rect) && !contains(rect, merge))) {
      throw new AppsScriptException(PARTIAL_MERGE);
    }
    this.merges = this.merges.filter((merge) => !contains(rect, merge));
    this.merges.push({ ...rect });
    forEachCell(rect, (row, column) => {
      if (row !== rect.row || column !== rect.column) this.values.set(row, column, undefined);
    });
  }

  breakApart(rect: GridRect): void {
    if (this.merges.some((merge) => intersects(merge, rect) && !contains(rect, merge))) {
      throw new AppsScriptException(PARTIAL_MERGE);
    }
    this.merges = this.merges.filter((merge) => !contains(rect, merge));
  }

  mergesWithin(rect: GridRect): GridRect[] {
    return this.merges.filter((merge) => intersects(merge, rect));
  }

  // ----- dump -----------------------------------------------------------------------------------

  dump(): SheetDump {
    const data: GridRect = { row: 1, column: 1, numRows: this.lastRow(), numColumns: this.lastColumn() };
    const usedRows = Math.max(...this.layers().map((layer) => layer.lastRow()), ...this.merges.map((m) => m.row + m.numRows - 1));
    const usedColumns = Math.max(
      ...this.layers().map((layer) => layer.lastColumn()),
      ...this.merges.map((m) => m.column + m.numColumns - 1),
    );
    const used: GridRect = { row: 1, column: 1, numRows: usedRows, numColumns: usedColumns };
    const hasData = data.numRows > 0 && data.numColumns > 0;
    const hasAnything = used.numRows > 0 && used.numColumns > 0;
    const format = <Name extends keyof CellFormat>(name: Name) => (hasAnything ? this.readFormat(used, name) : []);
    return {
      name: this.name,
      index: this.workbook.sheets.indexOf(this) + 1,
      sheetId: this.sheetId,
      hidden: this.hidden,
      tabColor: this.tabColor,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      lastRow: this.lastRow(),
      lastColumn: this.lastColumn(),
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      values: hasData ? this.readValues(data) : [],
      formulas: hasData ? this.readFormulas(data) : [],
      displayValues: hasData ? this.readDisplayValues(data) : [],
      backgrounds: format('background'),
      fontColors: format('fontColor'),
      fontWeights: format('fontWeight'),
      fontStyles: format('fontStyle'),
      fontSizes: format('fontSize'),
      numberFormats: format('numberFormat'),
      horizontalAlignments: format('horizontalAlignment'),
      verticalAlignments: format('verticalAlignment'),
      wrapStrategies: format('wrapStrategy'),
      notes: hasAnything ? mapRect(used, (row, column) => this.notes.get(row, column) ?? '') : [],
      checkboxes: hasAnything ? mapRect(used, (row, column) => this.checkboxes.get(row, column) !== undefined) : [],
      valueLists: hasAnything ? mapRect(used, (row, column) => this.valueLists.get(row, column)?.values ?? null) : [],
      merges: this.merges.map(toA1),
      borders: this.borders.map((border) => ({ ...border })),
      columnWidths: Object.fromEntries([...this.columnWidths].sort(([a], [b]) => a - b)),
      autoResizedColumns: [...this.autoResizedColumns].sort((a, b) => a - b),
      charts: this.charts.map((chart) => dumpChart(chart, this)),
    };
  }
}

export function rangeLabel(ref: RangeRef, from: SheetModel): string {
  const a1 = toA1(ref.rect);
  return ref.sheet === from ? a1 : `'${ref.sheet.name.replace(/'/g, "''")}'!${a1}`;
}

function dumpChart(chart: ChartModel, sheet: SheetModel): ChartDump {
  return {
    chartId: chart.chartId,
    type: chart.type,
    ranges: chart.ranges.map((ref) => rangeLabel(ref, sheet)),
    options: Object.fromEntries(chart.options),
    position: { ...chart.position },
    numHeaders: chart.numHeaders,
  };
}

function shiftRect(rect: GridRect, axis: 'row' | 'column', after: number, count: number): GridRect {
  const start = rect[axis];
  const sizeKey = axis === 'row' ? 'numRows' : 'numColumns';
  const end = start + rect[sizeKey] - 1;
  if (start > after) return { ...rect, [axis]: start + count };
  if (end > after) return { ...rect, [sizeKey]: rect[sizeKey] + count };
  return rect;
}

function sameValue(a: StoredValue, b: CellValue): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return a === b;
}

export function mapRect<T>(rect: GridRect, read: (row: number, column: number) => T): T[][] {
  const result: T[][] = new Array(rect.numRows);
  for (let r = 0; r < rect.numRows; r++) {
    const line: T[] = new Array(rect.numColumns);
    for (let c = 0; c < rect.numColumns; c++) line[c] = read(rect.row + r, rect.column + c);
    result[r] = line;
  }
  return result;
}

export function forEachCell(rect: GridRect, visit: (row: number, column: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) visit(r, c);
  }
}
