import { Cell, Table, cellText } from './table';

/**
 * A school has fewer students than this, and no procedure more participants: a count at or above
 * it is a typing error (1e308 is a number, not a school).
 */
export const MAX_STUDENTS = 10000;

export interface ParsedNumber {
  value: number;
  /** The text carried a «%» sign. */
  percent: boolean;
}

/**
 * Reads a number the way Russian spreadsheets write it: a real number, or text such as
 * «1 024», «1 024» (NBSP), «12,5», «12,5%», «-3». Returns null when the cell is not a number.
 */
export function parseNumber(value: Cell | undefined): ParsedNumber | null {
  if (typeof value === 'number') return Number.isFinite(value) ? { value, percent: false } : null;
  if (value === null || value === undefined || typeof value === 'boolean' || value instanceof Date) return null;
  let s = String(value).replace(/[\s\u00a0\u2007\u202f]/g, '');
  if (s === '') return null;
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  s = s.replace(/^−/, '-');
  if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  else if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? { value: n, percent } : null;
}

/** Number of decimal places a number was written with (used for exact comparisons). */
export function decimalScale(value: number): number {
  if (Number.isInteger(value)) return 1;
  const text = String(value);
  const e = text.match(/e-(\d+)$/);
  if (e) return 10 ** Math.min(Number(e[1]) + 6, 12);
  const dot = text.indexOf('.');
  return 10 ** Math.min(text.length - dot - 1, 9);
}

/**
 * Reads a timestamp: a Date, a spreadsheet serial number, or text such as
 * «15.01.2023 10:32:11», «15.01.2023», «2023-01-15 10:32:11». Returns milliseconds or null.
 * Text is read as wall-clock time; only the order of timestamps matters here.
 */
export function parseTimestamp(value: Cell | undefined): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') {
    // Spreadsheet serial date (days since 1899-12-30).
    if (value > 20000 && value < 80000) return Math.round((value - 25569) * 86400000);
    return null;
  }
  const s = cellText(value);
  let m = s.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/);
  if (m) return utc(+m[3], +m[2], +m[1], m[4], m[5], m[6]);
  m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$/);
  if (m) return utc(+m[1], +m[2], +m[3], m[4], m[5], m[6]);
  return null;
}

function utc(y: number, mo: number, d: number, h?: string, mi?: string, se?: string): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, mo - 1, d, Number(h ?? 0), Number(mi ?? 0), Number(se ?? 0));
  const check = new Date(t);
  return check.getUTCDate() === d ? t : null;
}

export interface ParsedSchoolYear {
  /** Canonical «2021/2022». */
  year: string;
  /** The year ending the school year (2022 for «2021/2022»). */
  end: number;
  /** A bare calendar year was given and interpreted (DESIGN §2.1: a warning). */
  fromBareYear: boolean;
}

/**
 * School years per DESIGN §2.1: «2021/2022», «2021-2022», «2021–2022», «2021/22», «2021-22»,
 * «2021 / 2022», «2021/2022 уч. год»; a bare «2022» means 2021/2022 (reported as a warning).
 */
export function parseSchoolYear(value: Cell | undefined): ParsedSchoolYear | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1990 && value <= 2100 ? bare(value) : null;
  }
  if (value instanceof Date) return null;
  const s = cellText(value)
    .replace(/[\u00a0]/g, ' ')
    .replace(/\s*(уч\.?\s*(г\.?|год)|учебный\s+год|г\.?)\s*$/i, '')
    .trim();
  let m = s.match(/^(\d{4})\s*[/\-–—]\s*(\d{4}|\d{2})$/);
  if (m) {
    const start = Number(m[1]);
    const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (end !== start + 1) return null;
    return { year: `${start}/${end}`, end, fromBareYear: false };
  }
  m = s.match(/^(\d{4})$/);
  if (m) return bare(Number(m[1]));
  return null;
}

function bare(end: number): ParsedSchoolYear | null {
  if (end < 1990 || end > 2100) return null;
  return { year: `${end - 1}/${end}`, end, fromBareYear: true };
}

/** «2021/2022» → «2020/2021». */
export function previousSchoolYear(year: string): string {
  const start = Number(year.slice(0, 4));
  return `${start - 1}/${start}`;
}

/**
 * A «%» column typed into a spreadsheet as percent-formatted numbers arrives as fractions
 * (0.35 for 35 %). True when every number in column `col` (rows from `first` on) is within 0..1 and
 * none is text with «%».
 */
export function tableColumnHoldsFractions(table: Table, first: number, col: number): boolean {
  let numbers = 0;
  for (let i = first; i < table.length; i++) {
    const v = table[i]?.[col];
    if (typeof v === 'number') {
      if (v > 1) return false;
      numbers++;
    } else if (typeof v === 'string' && v.trim() !== '') {
      const n = parseNumber(v);
      if (n && (n.percent || n.value > 1)) return false;
      if (n) numbers++;
    }
  }
  return numbers > 0;
}

/** The same over a list of cells. */
export function percentColumnHoldsFractions(values: Cell[]): boolean {
  return tableColumnHoldsFractions(values.map((v) => [v]), 0, 0);
}

/** `a >= b` for decimals as written (30,0 vs 30 with no binary rounding surprises). */
export function decimalAtLeast(a: number, b: number): boolean {
  return Math.round(a * 1e9) >= Math.round(b * 1e9);
}
