import { Cell } from '../../engine/table';
import { columnLetter, excelText } from './render';
import { parseRef } from './sheetReader';
import { escapeText } from './xml';

/**
 * Appends rows under the last row of a user's worksheet by splicing its XML: everything before the
 * new rows stays byte for byte; rows already there at those numbers (formatted but empty) keep
 * their formatting and receive the values; `<dimension>` grows to cover them. Text is written as an
 * inline string, never as a formula.
 */
export interface RowsToAppend {
  /** 1-based number of the first new row. */
  startRow: number;
  rows: Cell[][];
  /** Cell format index for dates (added to the package's styles on demand). */
  dateStyle: () => number;
  date1904: boolean;
}

export function appendRowsToSheetXml(xml: Buffer, append: RowsToAppend): Buffer {
  const prefix = rootPrefix(xml);
  const open = findTag(xml, `${prefix}sheetData`, 0);
  if (open < 0) throw new Error('в листе нет таблицы (sheetData)');
  const openEnd = xml.indexOf('>', open);
  const selfClosing = xml[openEnd - 1] === 0x2f; // '/'
  const close = selfClosing ? -1 : xml.indexOf(`</${prefix}sheetData>`, openEnd);
  if (!selfClosing && close < 0) throw new Error('разметка листа оборвана (нет </sheetData>)');
  const region = selfClosing ? Buffer.alloc(0) : xml.subarray(openEnd + 1, close);
  if (region.includes('<![CDATA[')) throw new Error('лист содержит разделы CDATA, дописать строки нельзя');

  // Existing rows from the first new row onwards are merged with the new ones; earlier rows stay as they are.
  const existing = rowsFrom(region, prefix, append.startRow);
  const lastNew = append.startRow + append.rows.length - 1;
  const merged: string[] = [];
  let e = 0;
  for (let n = append.startRow; n <= lastNew || e < existing.rows.length; ) {
    const next = existing.rows[e];
    if (next && next.number < n) {
      merged.push(next.xml);
      e++;
      continue;
    }
    if (n > lastNew) {
      merged.push(...existing.rows.slice(e).map((r) => r.xml));
      break;
    }
    const values = append.rows[n - append.startRow];
    if (next && next.number === n) {
      merged.push(mergeRow(next.xml, prefix, n, values, append));
      e++;
    } else merged.push(rowXml(prefix, n, '', values, new Map(), append));
    n++;
  }

  const head = selfClosing ? xml.subarray(0, open) : xml.subarray(0, openEnd + 1 + existing.offset);
  const tail = selfClosing ? xml.subarray(openEnd + 1) : xml.subarray(close);
  const body = Buffer.from(merged.join(''), 'utf8');
  const width = append.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const parts = selfClosing
    ? [head, Buffer.from(`<${prefix}sheetData>`), body, Buffer.from(`</${prefix}sheetData>`), tail]
    : [head, body, tail];
  return withDimension(Buffer.concat(parts), prefix, append.startRow, Math.max(lastNew, existing.lastRow), width);
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

interface ExistingRow {
  number: number;
  xml: string;
}

/** Rows of the sheetData region numbered `from` or more (as text), where they start, and the last row number. */
function rowsFrom(region: Buffer, prefix: string, from: number): { rows: ExistingRow[]; offset: number; lastRow: number } {
  const rows: ExistingRow[] = [];
  let offset = region.length;
  let number = 0;
  const closeTag = `</${prefix}row>`;
  for (let at = findTag(region, `${prefix}row`, 0); at >= 0; ) {
    const startEnd = region.indexOf('>', at);
    const start = region.subarray(at, startEnd + 1).toString('utf8');
    const r = /\sr="(\d+)"/.exec(start);
    number = r ? Number(r[1]) : number + 1;
    const selfClosing = start.endsWith('/>');
    const end = selfClosing ? startEnd + 1 : region.indexOf(closeTag, startEnd) + closeTag.length;
    if (number >= from) {
      if (rows.length === 0) offset = at;
      rows.push({ number, xml: region.subarray(at, end).toString('utf8') });
    }
    at = findTag(region, `${prefix}row`, end);
  }
  return { rows, offset, lastRow: number };
}

/** Puts the values into an existing (empty) row: its attributes and each cell's format stay. */
function mergeRow(xml: string, prefix: string, n: number, values: Cell[], append: RowsToAppend): string {
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
    // Rows are appended below the last row holding anything, so a cell with content here is a bug: never overwrite it.
    if (hasContent) throw new Error(`внутренняя ошибка: строка ${n} листа не пуста`);
    if (isEmptyValue(values[column - 1])) kept.push({ col: column, xml: m[0] });
  }
  return rowXml(prefix, n, attrs, values, styles, append, kept);
}

function isEmptyValue(v: Cell | undefined): boolean {
  return v === null || v === undefined || v === '';
}

function rowXml(prefix: string, n: number, attrs: string, values: Cell[], styles: Map<number, string>, append: RowsToAppend, kept: { col: number; xml: string }[] = []): string {
  const rowAttrs = /\sr="/.test(attrs) ? attrs.replace(/\sr="[^"]*"/, ` r="${n}"`) : ` r="${n}"${attrs}`;
  const cells: { col: number; xml: string }[] = [...kept];
  values.forEach((value, c) => {
    const xml = cellXml(prefix, `${columnLetter(c + 1)}${n}`, value, styles.get(c + 1) ?? null, append);
    if (xml) cells.push({ col: c + 1, xml });
  });
  cells.sort((a, b) => a.col - b.col);
  return `<${prefix}row${rowAttrs}>${cells.map((c) => c.xml).join('')}</${prefix}row>`;
}

function cellXml(prefix: string, ref: string, value: Cell, style: string | null, append: RowsToAppend): string | null {
  const c = `${prefix}c`;
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? `<${c} r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${c}>` : null;
  if (typeof value === 'boolean') return `<${c} r="${ref}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${c}>`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const serial = value.getTime() / 86400000 + 25569 - (append.date1904 ? 1462 : 0);
    return `<${c} r="${ref}" s="${append.dateStyle()}"><${prefix}v>${serial}</${prefix}v></${c}>`;
  }
  const text = escapeText(excelText(String(value)).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
  return `<${c} r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${text}</${prefix}t></${prefix}is></${c}>`;
}

/** Widens `<dimension ref>` to cover rows up to `lastRow` and `width` columns. */
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
