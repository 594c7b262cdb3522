import { SaxesParser } from 'saxes';
import { Cell, SheetData } from '../../engine/table';
import { trimAndPad } from './cells';
import { IO_MESSAGES } from './messages';
import { OpcPackage } from './package';
import { attribute, elements, firstElement, localName } from './xml';

/**
 * Values of a worksheet read as a stream (saxes over the inflating part), as a coordinator sees them
 * in Excel: shared and inline strings (rich text joined), numbers, booleans, error codes, dates by
 * the cell's number format, the cached result of a formula (falsy ones included) or, when a formula
 * has none, its text; a cell covered by a merge is empty (only the master holds the value).
 */
export interface SheetValues extends SheetData {
  /** 1-based number of the last row that holds anything (a value, a formula or an inline string), 0 if none. */
  lastContentRow: number;
}

export interface ReadContext {
  sharedStrings: string[];
  /** Per cell-format index: the format shows a date or time. */
  dateStyles: boolean[];
  date1904: boolean;
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

export async function readSheetValues(pkg: OpcPackage, part: string, name: string, context: ReadContext): Promise<SheetValues> {
  const rows: Cell[][] = [];
  const merges: string[] = [];
  let lastContentRow = 0;

  // Row and cell being read; an element without `r` follows the previous one (the format allows it).
  let rowNumber = 0;
  let column = 0;
  let type = '';
  let style = 0;
  let text = '';
  let hasValue = false;
  let formula: string | null = null;
  let inValue = false;
  let inFormula = false;
  let inInline = false;
  let inInlineText = false;
  let inPhonetic = false;
  let inCell = false;

  const sax = partParser();
  const parser = sax.parser;
  parser.on('opentag', (tag) => {
    const local = localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    switch (local) {
      case 'row': {
        const r = attrs.r !== undefined ? Number(attrs.r) : rowNumber + 1;
        rowNumber = Number.isInteger(r) && r >= 1 && r <= MAX_ROWS ? r : rowNumber + 1;
        column = 0;
        break;
      }
      case 'c': {
        const ref = attrs.r !== undefined ? parseRef(attrs.r) : null;
        if (ref) {
          if (ref.row !== rowNumber && ref.row >= 1) rowNumber = ref.row;
          column = ref.col;
        } else column += 1;
        type = attrs.t ?? 'n';
        style = attrs.s !== undefined ? Number(attrs.s) : 0;
        text = '';
        hasValue = false;
        formula = null;
        inCell = true;
        break;
      }
      case 'v':
        if (inCell) {
          inValue = true;
          hasValue = true;
          text = '';
        }
        break;
      case 'f':
        if (inCell) {
          inFormula = true;
          formula = '';
        }
        break;
      case 'is':
        if (inCell) {
          inInline = true;
          hasValue = true;
          text = '';
        }
        break;
      case 't':
        if (inInline && !inPhonetic) inInlineText = true;
        break;
      case 'rPh':
        inPhonetic = true;
        break;
      case 'mergeCell':
        if (attrs.ref) merges.push(attrs.ref);
        break;
      default:
        break;
    }
  });
  parser.on('text', (t) => {
    if (inValue || inInlineText) text += t;
    else if (inFormula) formula += t;
  });
  parser.on('closetag', (tag) => {
    const local = localName(tag.name);
    switch (local) {
      case 'v':
        inValue = false;
        break;
      case 'f':
        inFormula = false;
        break;
      case 'is':
        inInline = false;
        break;
      case 't':
        inInlineText = false;
        break;
      case 'rPh':
        inPhonetic = false;
        break;
      case 'c': {
        inCell = false;
        if (column < 1 || column > MAX_COLUMNS || rowNumber < 1) break;
        if (hasValue || formula !== null) lastContentRow = Math.max(lastContentRow, rowNumber);
        const value = cellValue(type, hasValue ? text : null, formula, style, context);
        if (value !== null) (rows[rowNumber - 1] ??= [])[column - 1] = value;
        break;
      }
      default:
        break;
    }
  });

  await streamPart(pkg, part, sax, IO_MESSAGES.brokenSheet(name), (line) => IO_MESSAGES.brokenSheetXml(name, line));

  clearMergedCells(rows, merges);
  return { name, rows: trimAndPad(rows), lastContentRow };
}

function cellValue(type: string, raw: string | null, formula: string | null, style: number, context: ReadContext): Cell {
  if (raw === null) return formula ? `=${formula}` : null;
  switch (type) {
    case 's': {
      const s = context.sharedStrings[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'inlineStr':
      return unescapeExcel(raw);
    case 'str':
      return unescapeExcel(raw);
    case 'b':
      return raw.trim() !== '0' && raw.trim().toLowerCase() !== 'false';
    case 'e':
      return raw.trim();
    case 'd': {
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(date.getTime()) ? null : date;
    }
    default: {
      if (raw.trim() === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return null;
      return context.dateStyles[style] ? excelDate(n, context.date1904) : n;
    }
  }
}

/** A serial day number → the Date whose UTC fields show the same wall-clock time (as ExcelJS does). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

/** Excel writes characters XML cannot hold as «_xHHHH_» (and a literal «_x» as «_x005F_x»). */
function unescapeExcel(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** «AB12» (or «$AB$12») → { row: 12, col: 28 }; null when malformed. Runs once per cell: no regex. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (i === colStart || i - colStart > 3) return null;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return i === rowStart ? null : { row, col };
}

function clearMergedCells(rows: Cell[][], merges: string[]): void {
  for (const ref of merges) {
    const [a, b] = ref.split(':');
    const from = parseRef(a);
    const to = parseRef(b ?? a);
    if (!from || !to) continue;
    const bottom = Math.min(to.row, rows.length);
    for (let r = from.row; r <= bottom; r++) {
      const row = rows[r - 1];
      if (!row) continue;
      for (let c = from.col; c <= Math.min(to.col, row.length); c++) {
        if (r !== from.row || c !== from.col) delete row[c - 1];
      }
    }
  }
}

/** A SAX parser that keeps its first error (saxes reports it to a handler) until the part is read. */
interface PartParser {
  parser: SaxesParser;
  failure: Error | null;
}

function partParser(): PartParser {
  const sax: PartParser = { parser: new SaxesParser({ xmlns: false, position: false }), failure: null };
  sax.parser.on('error', (e) => {
    sax.failure ??= e;
  });
  return sax;
}

/** Streams one part of the package through the parser: a broken entry or broken XML becomes the message given. */
async function streamPart(pkg: OpcPackage, part: string, sax: PartParser, broken: string, brokenXml: (line: number | null) => string): Promise<void> {
  try {
    await pkg.streamText(part, (chunk) => {
      if (!sax.failure) sax.parser.write(chunk);
    });
  } catch {
    throw new Error(broken);
  }
  if (!sax.failure) sax.parser.close();
  if (sax.failure) throw new Error(brokenXml(await pkg.xmlErrorLine(part)));
}

// ---------------------------------------------------------------------------------------------
// Shared strings and styles

/** The shared string table, each entry's text with its rich-text runs joined (phonetic runs left out). */
export async function readSharedStrings(pkg: OpcPackage, part: string | null): Promise<string[]> {
  if (part === null) return [];
  const strings: string[] = [];
  let text = '';
  let inText = false;
  let inPhonetic = false;
  let inItem = false;
  const sax = partParser();
  const parser = sax.parser;
  parser.on('opentag', (tag) => {
    const local = localName(tag.name);
    if (local === 'si') {
      inItem = true;
      text = '';
    } else if (local === 'rPh') inPhonetic = true;
    else if (local === 't' && inItem && !inPhonetic) inText = true;
  });
  parser.on('text', (t) => {
    if (inText) text += t;
  });
  parser.on('closetag', (tag) => {
    const local = localName(tag.name);
    if (local === 't') inText = false;
    else if (local === 'rPh') inPhonetic = false;
    else if (local === 'si') {
      strings.push(unescapeExcel(text));
      inItem = false;
    }
  });
  await streamPart(pkg, part, sax, IO_MESSAGES.brokenPart(part), (line) => IO_MESSAGES.brokenPartXml(part, line));
  return strings;
}

/** Built-in number formats that show dates or times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Per cell format (cellXfs index): whether its number format shows a date or a time. */
export async function readDateStyles(pkg: OpcPackage, part: string | null): Promise<boolean[]> {
  if (part === null) return [];
  const doc = await pkg.xml(part);
  const custom = new Map<number, string>();
  const numFmts = firstElement(doc.root, 'numFmts');
  for (const f of numFmts ? elements(numFmts, 'numFmt') : []) {
    custom.set(Number(attribute(f, 'numFmtId')), attribute(f, 'formatCode') ?? '');
  }
  const cellXfs = firstElement(doc.root, 'cellXfs');
  return (cellXfs ? elements(cellXfs, 'xf') : []).map((xf) => {
    const id = Number(attribute(xf, 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** A format code shows a date or time when, outside quotes, escapes and [colour]/[$-locale] tags, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const section = code.split(';')[0];
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(bare.trim()) || bare.includes('@')) return false;
  return /[dmyhs]/i.test(bare.replace(/E[+-]/gi, ''));
}
