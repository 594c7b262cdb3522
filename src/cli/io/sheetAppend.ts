import { Cell } from '../../engine/table';
import { columnLetter, excelText } from './render';
import { parseRef } from './sheetReader';
import { escapeText } from './xml';

/**
 * Writes values into blank cells of a user's worksheet by splicing its XML — rows appended under
 * its last row, header cells added right of its last column: every row the edit does not reach
 * stays byte for byte; a row already there (formatted but empty) keeps its attributes and each cell
 * its format; `<dimension>` grows to cover the new cells. A cell that holds anything is never
 * written over. Text is written as an inline string, never as a formula.
 */
export interface SheetEdit {
  /** 1-based row → 1-based column → value. */
  cells: Map<number, Map<number, Cell>>;
  /** Cell format index for dates (added to the package's styles on demand). */
  dateStyle: () => number;
  date1904: boolean;
}

/** The edit that puts `rows` from `startRow` down (and, when given, `header` values into row `header.row` from `header.column`). */
export function rowsEdit(startRow: number, rows: Cell[][], header?: { row: number; column: number; values: Cell[] }): Map<number, Map<number, Cell>> {
  const cells = new Map<number, Map<number, Cell>>();
  const put = (r: number, c: number, v: Cell) => {
    if (v === null || v === '') return;
    let row = cells.get(r);
    if (!row) cells.set(r, (row = new Map()));
    row.set(c, v);
  };
  header?.values.forEach((v, i) => put(header.row, header.column + i, v));
  rows.forEach((values, i) => values.forEach((v, c) => put(startRow + i, c + 1, v)));
  return cells;
}

export function editSheetXml(xml: Buffer, edit: SheetEdit): Buffer {
  const prefix = rootPrefix(xml);
  const open = findTag(xml, `${prefix}sheetData`, 0);
  if (open < 0) throw new Error('в листе нет таблицы (sheetData)');
  const openEnd = xml.indexOf('>', open);
  const selfClosing = xml[openEnd - 1] === 0x2f; // '/'
  const close = selfClosing ? -1 : xml.indexOf(`</${prefix}sheetData>`, openEnd);
  if (!selfClosing && close < 0) throw new Error('разметка листа оборвана (нет </sheetData>)');
  const regionStart = openEnd + 1;
  const region = selfClosing ? Buffer.alloc(0) : xml.subarray(regionStart, close);
  if (region.includes('<![CDATA[')) throw new Error('лист содержит разделы CDATA, записать в него нельзя');

  // Walk the rows in order: each edited row is rewritten, a row the sheet lacks is inserted before
  // the first row numbered after it; the bytes between stay as they were.
  const wanted = [...edit.cells.keys()].sort((a, b) => a - b);
  const pieces: Buffer[] = [selfClosing ? xml.subarray(0, open) : xml.subarray(0, regionStart)];
  if (selfClosing) pieces.push(Buffer.from(`<${prefix}sheetData>`));
  let copied = 0;
  let w = 0;
  let lastRow = 0;
  const emitNew = (upTo: number, at: number) => {
    while (w < wanted.length && wanted[w] < upTo) {
      pieces.push(region.subarray(copied, at));
      copied = at;
      pieces.push(Buffer.from(rowXml(prefix, wanted[w], '', [], edit.cells.get(wanted[w]) as Map<number, Cell>, edit), 'utf8'));
      w++;
    }
  };
  const closeTag = `</${prefix}row>`;
  let number = 0;
  for (let at = findTag(region, `${prefix}row`, 0); at >= 0; ) {
    const startEnd = region.indexOf('>', at);
    const start = region.subarray(at, startEnd + 1).toString('utf8');
    const r = /\sr="(\d+)"/.exec(start);
    number = r ? Number(r[1]) : number + 1;
    const end = start.endsWith('/>') ? startEnd + 1 : region.indexOf(closeTag, startEnd) + closeTag.length;
    emitNew(number, at);
    if (w < wanted.length && wanted[w] === number) {
      pieces.push(region.subarray(copied, at));
      pieces.push(Buffer.from(mergeRow(region.subarray(at, end).toString('utf8'), prefix, number, edit.cells.get(number) as Map<number, Cell>, edit), 'utf8'));
      copied = end;
      w++;
    }
    lastRow = number;
    at = findTag(region, `${prefix}row`, end);
  }
  emitNew(Infinity, region.length);
  pieces.push(region.subarray(copied));
  if (selfClosing) pieces.push(Buffer.from(`</${prefix}sheetData>`), xml.subarray(openEnd + 1));
  else pieces.push(xml.subarray(close));

  let maxCol = 0;
  for (const row of edit.cells.values()) for (const c of row.keys()) maxCol = Math.max(maxCol, c);
  return withDimension(Buffer.concat(pieces), prefix, wanted[0] ?? 1, Math.max(lastRow, wanted[wanted.length - 1] ?? 0), maxCol);
}

/** The prefix of the root element («x:» in `<x:worksheet>`), '' for the default namespace. */
function rootPrefix(xml: Buffer): string {
  let at = 0;
  for (;;) {
    at = xml.indexOf('<', at);
    if (at < 0) return '';
    const next = xml[at + 1];
    if (next !== 0x3f && next !== 0x21) break; // not <? or <!
    at += 1;
  }
  const end = xml.subarray(at + 1, at + 200).toString('latin1').search(/[\s>/]/);
  const name = xml.subarray(at + 1, at + 1 + end).toString('latin1');
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

/** Position of `<name` followed by a space, `>` or `/`, from `from`; -1 when absent. */
function findTag(xml: Buffer, name: string, from: number): number {
  const needle = `<${name}`;
  for (let at = xml.indexOf(needle, from); at >= 0; at = xml.indexOf(needle, at + 1)) {
    const after = xml[at + needle.length];
    if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) return at;
  }
  return -1;
}

/** Puts the values into blank cells of an existing row: its attributes and each cell's format stay. */
function mergeRow(xml: string, prefix: string, n: number, values: Map<number, Cell>, edit: SheetEdit): string {
  const start = /^<[^>]*?(\/?)>/.exec(xml) as RegExpExecArray;
  const attrs = start[0]
    .replace(/^<\S+/, '')
    .replace(/\/?>$/, '')
    .replace(/\sspans="[^"]*"/, '');
  const styles = new Map<number, string>();
  const cellPattern = new RegExp(`<${prefix}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}c>)`, 'g');
  let column = 0;
  const kept: { col: number; xml: string }[] = [];
  for (const m of xml.matchAll(cellPattern)) {
    const ref = /\sr="([^"]*)"/.exec(m[1]);
    column = ref ? parseRef(ref[1])?.col ?? column + 1 : column + 1;
    const s = /\ss="(\d+)"/.exec(m[1]);
    if (s) styles.set(column, s[1]);
    const hasContent = m[2] !== undefined && /<(\w+:)?(v|f|is)\b/.test(m[2]);
    // Only blank cells are written: one that holds anything here is a bug; never overwrite it.
    if (hasContent && values.has(column)) throw new Error(`внутренняя ошибка: ячейка ${columnLetter(column)}${n} листа не пуста`);
    if (!values.has(column)) kept.push({ col: column, xml: m[0] });
  }
  return rowXml(prefix, n, attrs, kept, values, edit, styles);
}

function rowXml(prefix: string, n: number, attrs: string, kept: { col: number; xml: string }[], values: Map<number, Cell>, edit: SheetEdit, styles = new Map<number, string>()): string {
  const rowAttrs = /\sr="/.test(attrs) ? attrs.replace(/\sr="[^"]*"/, ` r="${n}"`) : ` r="${n}"${attrs}`;
  const cells = [...kept];
  for (const [c, value] of values) {
    const xml = cellXml(prefix, `${columnLetter(c)}${n}`, value, styles.get(c) ?? null, edit);
    if (xml) cells.push({ col: c, xml });
  }
  cells.sort((a, b) => a.col - b.col);
  return `<${prefix}row${rowAttrs}>${cells.map((c) => c.xml).join('')}</${prefix}row>`;
}

function cellXml(prefix: string, ref: string, value: Cell, style: string | null, edit: SheetEdit): string | null {
  const c = `${prefix}c`;
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? `<${c} r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${c}>` : null;
  if (typeof value === 'boolean') return `<${c} r="${ref}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${c}>`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const serial = value.getTime() / 86400000 + 25569 - (edit.date1904 ? 1462 : 0);
    return `<${c} r="${ref}" s="${edit.dateStyle()}"><${prefix}v>${serial}</${prefix}v></${c}>`;
  }
  const text = escapeText(excelText(String(value)).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
  return `<${c} r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${text}</${prefix}t></${prefix}is></${c}>`;
}

/** Widens `<dimension ref>` to cover rows `firstRow`…`lastRow` and `width` columns. */
function withDimension(xml: Buffer, prefix: string, firstRow: number, lastRow: number, width: number): Buffer {
  const at = findTag(xml, `${prefix}dimension`, 0);
  const data = findTag(xml, `${prefix}sheetData`, 0);
  if (at < 0 || (data >= 0 && at > data)) return xml;
  const end = xml.indexOf('>', at) + 1;
  const tag = xml.subarray(at, end).toString('utf8');
  const m = /\sref="([^"]*)"/.exec(tag);
  const [a, b] = (m?.[1] ?? 'A1').split(':');
  const from = parseRef(a) ?? { row: 1, col: 1 };
  const to = parseRef(b ?? a) ?? from;
  const ref = `A${Math.min(from.row, firstRow)}:${columnLetter(Math.max(to.col, width))}${Math.max(to.row, lastRow)}`;
  const replaced = m ? tag.replace(m[0], ` ref="${ref}"`) : tag;
  return Buffer.concat([xml.subarray(0, at), Buffer.from(replaced, 'utf8'), xml.subarray(end)]);
}
