import { escapeText } from './xml';

/**
 * Sheet names Excel cannot hold — longer than 31 characters, with one of `[]:*?/\`, edged with an
 * apostrophe, empty or «History» — are given a valid unique name in the output (Google Sheets
 * exports such names; Excel would call the workbook damaged). References to the sheet in formulas,
 * validation, conditional formats, hyperlinks, charts, pivot caches and defined names follow it.
 */

export const MAX_SHEET_NAME = 31;

export function isValidSheetName(name: string): boolean {
  return name !== '' && name.length <= MAX_SHEET_NAME && !/[*?:/\\[\]]/.test(name) && !/^'|'$/.test(name) && name.toLowerCase() !== 'history';
}

/** A valid Excel sheet name (no `*?:/\[]`, no edge apostrophes, ≤ 31 characters) not used yet. */
export function uniqueSheetName(used: string[], name: string): string {
  const taken = (n: string) => used.some((u) => u.toLowerCase() === n.toLowerCase());
  let base = name.replace(/[*?:/\\[\]]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (base === '' || base.toLowerCase() === 'history') base = `${base || 'Лист'}_`;
  base = cut(base, MAX_SHEET_NAME).trim();
  let candidate = base;
  for (let n = 2; taken(candidate); n++) {
    const suffix = ` (${n})`;
    candidate = cut(base, MAX_SHEET_NAME - suffix.length).trim() + suffix;
  }
  return candidate;
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

/** New names for the sheets whose names Excel cannot hold; the others keep theirs. */
export function excelSafeNames(names: string[]): Map<string, string> {
  const renames = new Map<string, string>();
  const used = names.filter(isValidSheetName);
  for (const name of names) {
    if (isValidSheetName(name)) continue;
    const safe = uniqueSheetName(used, name);
    used.push(safe);
    renames.set(name, safe);
  }
  return renames;
}

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

const SIMPLE_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A formula with its references to renamed sheets («'Old name'!A1», «Old!A1») pointing at the new names. */
export function renameInFormula(formula: string, renames: Map<string, string>): string {
  let out = formula;
  for (const [from, to] of renames) {
    out = out.split(quoted(from)).join(quoted(to));
    if (SIMPLE_NAME.test(from)) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_.'!])${escapeRegExp(from)}!`, 'gu'), quoted(to));
  }
  return out;
}

function decode(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name] ?? m;
  });
}

function encodeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** True when the part's XML may mention one of the renamed sheets (checked before rewriting it). */
export function mentions(xml: string, renames: Map<string, string>): boolean {
  for (const from of renames.keys()) {
    if (xml.includes(escapeText(from)) || xml.includes(encodeAttribute(from)) || xml.includes(from.replace(/'/g, '&apos;'))) return true;
  }
  return false;
}

/**
 * References rewritten inside a part's XML: formula elements (`f`, `formula`, `formula1`,
 * `formula2`, `xm:f`, `c:f`, `definedName`), hyperlink locations, and — in a pivot cache — the
 * source sheet. Text the user typed (cell values) is never touched.
 */
export function renameInXml(xml: string, renames: Map<string, string>, pivotCache = false): string {
  let out = xml.replace(
    /(<((?:\w+:)?(?:f|formula|formula1|formula2|definedName))\b[^>]*>)([^<]*)(<\/\2>)/g,
    (_m, open: string, _name: string, body: string, close: string) => `${open}${escapeText(renameInFormula(decode(body), renames))}${close}`,
  );
  out = out.replace(/(\slocation=")([^"]*)(")/g, (_m, a: string, body: string, b: string) => `${a}${encodeAttribute(renameInFormula(decode(body), renames))}${b}`);
  if (pivotCache) {
    out = out.replace(/(<(?:\w+:)?worksheetSource\b[^>]*\ssheet=")([^"]*)(")/g, (m, a: string, body: string, b: string) => {
      const to = renames.get(decode(body));
      return to ? `${a}${encodeAttribute(to)}${b}` : m;
    });
  }
  return out;
}
