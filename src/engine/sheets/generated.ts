import { GENERATED_NOTE } from '../strings';
import { Cell } from '../table';
import { capCell } from '../text';

/**
 * A generated sheet as data: values plus formatting as whole-sheet arrays, so that a shell writes it
 * with one `setValues` and one call per kind of formatting, whatever the number of schools.
 */
export interface GeneratedSheet {
  name: string;
  values: Cell[][];
  /** Same shape as `values`; null = default. */
  backgrounds: (string | null)[][];
  bold: boolean[][];
  numberFormats: (string | null)[][];
  /** Cell notes (hover text), sparse. */
  notes: { row: number; col: number; text: string }[];
  /** Merged ranges, 0-based, inclusive start, sizes in cells. */
  merges: { row: number; col: number; rows: number; cols: number }[];
  /** 0-based rows that are table headers (drawn as such). */
  headerRows: number[];
  frozenRows: number;
  columnWidths: number[];
  /** Cells that hold a checkbox (Мониторинг), sparse ranges. */
  checkboxes: { row: number; col: number; rows: number; cols: number }[];
  /** Cells whose text wraps (long justifications). */
  wrapColumns: number[];
  /** A native chart over a block of this sheet (Сводка); shells without charts may ignore it. */
  chart?: ChartSpec;
  /** Drop-down lists (strict: other values are refused), 0-based ranges («Статус» of «Дорожная карта»). */
  validations?: ListValidation[];
  /** How the sheet prints on A4 (the CLI's .xlsx; Sheets has no print layout). Shells may ignore it. */
  print?: PrintLayout;
}

/** A drop-down list of allowed values over a range of cells. */
export interface ListValidation {
  row: number;
  col: number;
  rows: number;
  cols: number;
  values: string[];
  helpText?: string;
}

/**
 * Print layout of a generated sheet. The shell chooses the orientation from the column widths and
 * always fits the width to one page; this says what only the builder knows.
 */
export interface PrintLayout {
  /** Shown in the page header beside the sheet name: «2022/2023 учебный год». */
  header?: string;
  /** 0-based first and last row repeated at the top of every page; absent: the table's header rows; null: none. */
  repeatRows?: { first: number; last: number } | null;
  /** 0-based columns repeated on the left of every page when the sheet is wider than a page: the school. */
  repeatColumns?: { first: number; last: number };
  /** Scale the column widths so that the table is exactly one page wide at full size (the order's appendix). */
  fitColumns?: boolean;
  /** 0-based rows that start a new page (a picture is never cut by a page break). */
  pageBreaks?: number[];
}

/** «2022/2023 учебный год» for the page header, or nothing when the year is unknown. */
export function yearHeader(year: string | null | undefined): string | undefined {
  return year ? `${year} учебный год` : undefined;
}

/**
 * A chart over a block of cells: a header row, then `rows` rows of a label column followed by series
 * columns. Series listed in `lineSeries` (0-based among the series) are drawn as lines, the rest as columns.
 */
export interface ChartSpec {
  title: string;
  /** 0-based header row and first column of the block. */
  headerRow: number;
  column: number;
  rows: number;
  /** Columns of the block, the label column included. */
  columns: number;
  lineSeries: number[];
  /** The value axis, when it should start near the data rather than at 0 (ИСБШ: as in the rendered chart). */
  valueAxis?: { min: number; max: number };
  /** 0-based cell the chart's top-left corner is placed on, and its size in pixels. */
  anchorRow: number;
  anchorColumn: number;
  width: number;
  height: number;
  /** Drawn as a scatter chart instead (Контекст); the CLI places its rendered picture at the same anchor and size. */
  scatter?: ScatterChartSpec;
}

/**
 * A scatter over the rows of the block (`headerRow` + 1 … `headerRow` + `rows`): the first column of
 * the first range is x, every other column is a series (a blank cell is no point), in range order.
 */
export interface ScatterChartSpec {
  /** 0-based first column and number of columns of each range. */
  ranges: { column: number; columns: number }[];
  /** One per series column: a line through its points (the fitted line) or points of a shape. */
  series: { color: string; line?: boolean; shape?: 'circle' | 'triangle' | 'diamond' | 'square'; size?: number }[];
  xAxis: { title: string; min: number; max: number };
  /** Shares, shown as percentages. */
  yAxis: { title: string; min: number; max: number };
}

export const COLORS = {
  header: '#e8eaed',
  low: '#f4c7c3',
  shnor: '#fce8b2',
  shnsu: '#d2e3fc',
  both: '#f9cb9c',
  reached: '#b7e1cd',
  notReached: '#f4c7c3',
  noData: '#efefef',
  error: '#f4c7c3',
  warning: '#fce8b2',
  note: '#5f6368',
} as const;

type RowFormat = { bg: (string | null)[]; bold: boolean[]; fmt: (string | null)[] };

/**
 * Builds a GeneratedSheet row by row. Row 0 is always the «generated» note. Rows formatted alike share
 * one array for their backgrounds, weights and formats (a cell is highlighted on a copy), so a sheet of
 * 40 000 schools does not build 120 000 identical arrays. The matrices are read-only for consumers.
 */
export class SheetBuilder {
  private readonly values: Cell[][] = [];
  private readonly formats: RowFormat[] = [];
  /** Rows whose format arrays are their own (copied on the first highlight). */
  private readonly own = new Set<number>();
  private readonly shared = new Map<unknown, Map<unknown, (string | null)[]>>();
  private readonly boldRows: [boolean[], boolean[]];
  private readonly plainFormats: (string | null)[];
  private readonly sheet: Omit<GeneratedSheet, 'values' | 'backgrounds' | 'bold' | 'numberFormats'>;

  constructor(name: string, generatedAt: string, readonly width: number) {
    this.sheet = { name, notes: [], merges: [], headerRows: [], frozenRows: 0, columnWidths: [], checkboxes: [], wrapColumns: [] };
    this.boldRows = [new Array<boolean>(width).fill(false), new Array<boolean>(width).fill(true)];
    this.plainFormats = new Array<string | null>(width).fill(null);
    this.row([GENERATED_NOTE(generatedAt)]);
  }

  get rowCount(): number {
    return this.values.length;
  }

  /** One array per distinct value list: `key` is the caller's (constant) array or a single colour. */
  private sharedRow(kind: 'bg' | 'fmt', key: string | null | (string | null)[]): (string | null)[] {
    let byKey = this.shared.get(kind);
    if (!byKey) this.shared.set(kind, (byKey = new Map()));
    let row = byKey.get(key);
    if (!row) {
      row = Array.isArray(key) ? padTo(key, this.width, null) : new Array<string | null>(this.width).fill(key);
      // A caller's literal array is a new key every row: only constant arrays and colours are kept.
      if (!Array.isArray(key) || byKey.size < 64) byKey.set(key, row);
    }
    return row;
  }

  /**
   * Adds a row; returns its 0-based index. Pass `bg` and `formats` arrays as constants where they
   * repeat (they are shared by identity).
   */
  row(values: Cell[], opts: { bg?: string | null | (string | null)[]; bold?: boolean; formats?: (string | null)[] } = {}): number {
    const v = new Array<Cell>(this.width);
    for (let i = 0; i < this.width; i++) {
      const c = i < values.length ? values[i] : '';
      v[i] = typeof c === 'string' ? capCell(c) : c;
    }
    this.values.push(v);
    this.formats.push({
      bg: opts.bg === undefined || opts.bg === null ? this.sharedRow('bg', null) : this.sharedRow('bg', opts.bg),
      bold: this.boldRows[opts.bold === true ? 1 : 0],
      fmt: opts.formats ? this.sharedRow('fmt', opts.formats) : this.plainFormats,
    });
    return this.values.length - 1;
  }

  private ownRow(row: number): RowFormat {
    const f = this.formats[row];
    if (!this.own.has(row)) {
      this.own.add(row);
      f.bg = f.bg.slice();
      f.bold = f.bold.slice();
    }
    return f;
  }

  header(values: string[]): number {
    const i = this.row(values, { bg: COLORS.header, bold: true });
    this.sheet.headerRows.push(i);
    return i;
  }

  blank(): number {
    return this.row([]);
  }

  /** Highlights one cell of an existing row. */
  highlight(row: number, col: number, color: string): void {
    this.ownRow(row).bg[col] = color;
  }

  setBold(row: number, col: number): void {
    this.ownRow(row).bold[col] = true;
  }

  note(row: number, col: number, text: string): void {
    this.sheet.notes.push({ row, col, text: capCell(text) });
  }

  merge(row: number, col: number, rows: number, cols: number): void {
    this.sheet.merges.push({ row, col, rows, cols });
  }

  checkboxes(row: number, col: number, rows: number, cols: number): void {
    if (rows > 0 && cols > 0) this.sheet.checkboxes.push({ row, col, rows, cols });
  }

  freeze(rows: number): void {
    this.sheet.frozenRows = rows;
  }

  widths(widths: number[]): void {
    this.sheet.columnWidths = widths;
  }

  wrap(...cols: number[]): void {
    this.sheet.wrapColumns.push(...cols);
  }

  validation(v: ListValidation): void {
    if (v.rows <= 0 || v.cols <= 0) return;
    if (!this.sheet.validations) this.sheet.validations = [];
    this.sheet.validations.push(v);
  }

  print(layout: PrintLayout): void {
    this.sheet.print = { ...this.sheet.print, ...layout };
  }

  build(): GeneratedSheet {
    return {
      ...this.sheet,
      values: this.values,
      backgrounds: this.formats.map((r) => r.bg),
      bold: this.formats.map((r) => r.bold),
      numberFormats: this.formats.map((r) => r.fmt),
    };
  }
}

function padTo<T>(list: T[], width: number, fill: T): T[] {
  const out = list.slice(0, width);
  while (out.length < width) out.push(fill);
  return out;
}

export const FORMATS = {
  share: '0.000',
  index: '0.00',
  percent: '0.0%',
  integer: '0',
} as const;
