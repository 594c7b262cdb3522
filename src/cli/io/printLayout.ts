import { GeneratedSheet } from '../../engine/sheets/generated';
import { Cell } from '../../engine/table';
import { textWidthEm } from './textWidth';

/**
 * How a generated sheet is laid out on A4 in the CLI's .xlsx (DESIGN §3.4): orientation from the
 * column widths, the width always fitted to one page, header rows (and, for a sheet wider than a
 * page, the school columns) repeated, margins for A4, and row heights that hold their wrapped text —
 * Excel and LibreOffice do not grow a row for wrapped text a program wrote.
 */

/** Page margins in inches (Excel's unit): 1.5 cm left, top and bottom (the header and footer at 0.6 cm), 1 cm right. */
export const A4_MARGINS = { left: 0.59, right: 0.39, top: 0.59, bottom: 0.59, header: 0.24, footer: 0.24 } as const;
const A4_INCHES = { width: 8.27, height: 11.69 };
/** Pixels at 96 dpi: what column widths are given in. */
const DPI = 96;
export const PRINTABLE_WIDTH_PX = {
  portrait: Math.floor((A4_INCHES.width - A4_MARGINS.left - A4_MARGINS.right) * DPI),
  landscape: Math.floor((A4_INCHES.height - A4_MARGINS.left - A4_MARGINS.right) * DPI),
};

/** The tallest picture a landscape page holds under a title row (the chart starts a page of its own). */
export const MAX_PICTURE_HEIGHT_PX = Math.floor((A4_INCHES.width - A4_MARGINS.top - A4_MARGINS.bottom) * DPI) - 60;

/** The font of every generated cell: Arial 10 (as in Google Sheets; LibreOffice uses the metric-compatible Liberation Sans). */
export const FONT = { name: 'Arial', size: 10 } as const;
const FONT_PX = (FONT.size * DPI) / 72;
/** One line of Arial 10 in points, as Excel sizes it, and the cell's padding above and below. */
const LINE_PT = 12.75;
const ROW_PADDING_PT = 2.25;
/** Excel's tallest row. */
export const MAX_ROW_PT = 409;
/** Left and right cell padding in pixels, and a margin for the printer's own rounding of glyphs. */
const CELL_PADDING_PX = 5;
const WRAP_SAFETY = 0.97;

export interface SheetLayout {
  orientation: 'portrait' | 'landscape';
  /** Column widths in pixels, after fitting to the page where the sheet asks for it. */
  columnWidths: number[];
  /** Row heights in points for rows taller than one line (index = 0-based row); others keep the default. */
  rowHeights: Map<number, number>;
  /** Cells whose text wraps: the wrap columns, header rows and merged blocks of text. */
  wrapped: (row: number, col: number) => boolean;
  /** The sheet's merges and one per line of text wider than its column (see `paragraphMerges`). */
  merges: GeneratedSheet['merges'];
  /** 0-based rows of the table (its header rows down to the first empty row): drawn with borders, text at the top. */
  table: { first: number; last: number } | null;
  /** 1-based rows and columns to repeat on every page (print titles). */
  repeatRows: { first: number; last: number } | null;
  repeatColumns: { first: number; last: number } | null;
  /** 0-based rows that start a new page. */
  pageBreaks: number[];
  header: string;
  footer: string;
}

export function layoutSheet(sheet: GeneratedSheet, name: string): SheetLayout {
  const natural = sheet.values[0]?.map((_, c) => sheet.columnWidths[c] ?? DEFAULT_COLUMN_PX) ?? [];
  const total = natural.reduce((a, b) => a + b, 0);
  const orientation = total > PRINTABLE_WIDTH_PX.portrait ? 'landscape' : 'portrait';
  const page = PRINTABLE_WIDTH_PX[orientation];
  const columnWidths = sheet.print?.fitColumns && total > 0 ? fitToPage(natural, page) : natural;

  const headerRows = new Set(sheet.headerRows);
  const wrapColumns = new Set(sheet.wrapColumns);
  const merges = [...sheet.merges, ...paragraphMerges(sheet, columnWidths, headerRows, wrapColumns)];
  const mergedMasters = new Map<string, { width: number; rows: number }>();
  for (const m of merges) {
    if (m.rows * m.cols <= 1) continue;
    let width = 0;
    for (let c = m.col; c < m.col + m.cols; c++) width += columnWidths[c] ?? DEFAULT_COLUMN_PX;
    mergedMasters.set(`${m.row}:${m.col}`, { width, rows: m.rows });
  }
  const wrapped = (row: number, col: number) => wrapColumns.has(col) || headerRows.has(row) || mergedMasters.has(`${row}:${col}`);

  const rowHeights = new Map<number, number>();
  sheet.values.forEach((row, r) => {
    let lines = 1;
    row.forEach((value, c) => {
      const merged = mergedMasters.get(`${r}:${c}`);
      if (!wrapped(r, c)) return;
      const width = merged ? merged.width : columnWidths[c] ?? DEFAULT_COLUMN_PX;
      const needed = wrappedLines(value, width, sheet.bold[r]?.[c] === true);
      // A block merged over several rows shares its lines among them.
      lines = Math.max(lines, merged && merged.rows > 1 ? Math.ceil(needed / merged.rows) : needed);
    });
    if (lines > 1) rowHeights.set(r, rowHeight(lines));
  });

  const repeat = sheet.print?.repeatRows === undefined ? headerBlock(sheet.headerRows) : sheet.print.repeatRows;
  const table = tableRows(sheet);
  const repeatColumns = sheet.print?.repeatColumns && total > PRINTABLE_WIDTH_PX.landscape ? sheet.print.repeatColumns : null;
  const extra = sheet.print?.header ? `&R${headerText(sheet.print.header)}` : '';
  return {
    orientation,
    columnWidths,
    rowHeights,
    wrapped,
    merges,
    table,
    repeatRows: repeat ? { first: repeat.first + 1, last: repeat.last + 1 } : null,
    repeatColumns: repeatColumns ? { first: repeatColumns.first + 1, last: repeatColumns.last + 1 } : null,
    pageBreaks: (sheet.print?.pageBreaks ?? []).filter((r) => r > 0 && r < sheet.values.length),
    header: `&L${headerText(name)}${extra}`,
    footer: '&Cстр. &P из &N',
  };
}

const DEFAULT_COLUMN_PX = 100;

/**
 * A line of text alone in its row (a title, the «generated» note, an explanation) that is wider than
 * its column spills over the empty cells to its right, and LibreOffice and Excel count the spill as
 * printed: a narrow table under a long sentence would be scaled down to a fraction of the page. Such
 * a line is merged across the sheet's columns and wrapped there.
 */
function paragraphMerges(sheet: GeneratedSheet, widths: number[], headerRows: Set<number>, wrapColumns: Set<number>): GeneratedSheet['merges'] {
  const width = sheet.values[0]?.length ?? 0;
  if (width < 2 || wrapColumns.has(0)) return [];
  const covered = new Set<number>();
  for (const m of sheet.merges) for (let r = m.row; r < m.row + m.rows; r++) covered.add(r);
  const out: GeneratedSheet['merges'] = [];
  sheet.values.forEach((row, r) => {
    const text = row[0];
    if (typeof text !== 'string' || text === '' || headerRows.has(r) || covered.has(r)) return;
    for (let c = 1; c < width; c++) if (row[c] !== null && row[c] !== '') return;
    if (wrappedLines(text, widths[0] ?? DEFAULT_COLUMN_PX, sheet.bold[r]?.[0] === true) > 1) out.push({ row: r, col: 0, rows: 1, cols: width });
  });
  return out;
}

/** Widths scaled to fill the page exactly (a few pixels short, so rounding never spills onto a second page). */
function fitToPage(widths: number[], page: number): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const target = page - 8;
  const scaled = widths.map((w) => Math.max(20, Math.floor((w * target) / total)));
  return scaled;
}

/** From the first header row down to the row before the first empty one (or the end). */
function tableRows(sheet: GeneratedSheet): { first: number; last: number } | null {
  if (sheet.headerRows.length === 0) return null;
  const first = Math.min(...sheet.headerRows);
  let last = first;
  for (let r = first + 1; r < sheet.values.length; r++) {
    if (sheet.values[r].every((v) => v === null || v === '')) break;
    last = r;
  }
  return { first, last };
}

/** The contiguous block of header rows starting at the first one. */
function headerBlock(rows: number[]): { first: number; last: number } | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => a - b);
  let last = sorted[0];
  for (const r of sorted.slice(1)) {
    if (r !== last + 1) break;
    last = r;
  }
  return { first: sorted[0], last };
}

/** «&» starts a code in Excel's header and footer language: a literal one is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&').slice(0, 120);
}

export function rowHeight(lines: number): number {
  return Math.min(MAX_ROW_PT, Math.round((lines * LINE_PT + ROW_PADDING_PT) * 100) / 100);
}

/** How many lines the text takes in a column of this width, wrapped at spaces as Excel and LibreOffice do. */
export function wrappedLines(value: Cell, widthPx: number, bold = false): number {
  if (typeof value !== 'string' || value === '') return 1;
  const available = Math.max(1, (widthPx - CELL_PADDING_PX) * WRAP_SAFETY) / FONT_PX;
  if (!value.includes('\n') && textWidthEm(value, bold) <= available) return 1;
  const space = textWidthEm(' ', bold);
  let lines = 0;
  for (const paragraph of value.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      let w = textWidthEm(word, bold);
      const needed = used === 0 ? w : used + space + w;
      if (needed <= available) {
        used = needed;
        continue;
      }
      if (used > 0) lines += 1;
      // A word longer than the line breaks wherever it must.
      while (w > available) {
        lines += 1;
        w -= available;
      }
      used = w;
    }
  }
  return lines;
}
