/**
 * What a cell holds and how text typed into it is interpreted, modelled on Google Sheets with the
 * ru_RU spreadsheet locale (decimal comma, space/NBSP digit grouping, dd.MM.yyyy dates).
 */
import { isDate } from './fakeBase';
import { formatDatePattern, zonedParts, zonedTimeToDate } from './timeZone';

/** A formula entered with a leading "=". The fake never evaluates it; see `FormulaValue`. */
export class Formula {
  constructor(readonly text: string) {}
}

export type CellValue = string | number | boolean | Date;
export type StoredValue = CellValue | Formula;

/** What getValues() returns for a formula cell. Default: `defaultFormulaValue`. */
export type FormulaValue = (formula: string) => CellValue;

/** Marks an unevaluated formula: "#FORMULA =SUM(A1:A3)". Starts with "#" like Sheets' error values. */
export const FORMULA_PLACEHOLDER_PREFIX = '#FORMULA ';
export const defaultFormulaValue: FormulaValue = (formula) => `${FORMULA_PLACEHOLDER_PREFIX}${formula}`;

/** What Range.getNumberFormat() returns for a cell that was never formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const PLAIN_TEXT_FORMAT = '@';

export interface WriteResult {
  value: StoredValue | undefined;
  /** Set when Sheets would apply a format while parsing the input (typed percentages). */
  numberFormat?: string;
}

export interface WriteContext {
  timeZone: string;
  /** The cell's current number format: plain text ("@") cells keep strings as they are. */
  numberFormat: string | undefined;
}

/** Converts a value passed to setValue(s)/appendRow the way Google Sheets stores it. */
export function valueForWrite(raw: unknown, context: WriteContext): WriteResult {
  if (raw === null || raw === undefined) return { value: undefined };
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw === 'number') return { value: Number.isFinite(raw) ? raw + 0 : '#NUM!' };
  if (isDate(raw)) return { value: new Date(raw.getTime()) };
  if (typeof raw === 'string') return interpretTypedText(raw, context);
  return { value: String(raw) };
}

const RU_NUMBER = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d*)(?:,(\d+))?(?:[eE]([+-]?\d+))?$/;
const RU_DATE = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Text typed into a cell (or written with setValue(s)):
 * - "" → empty; "'text" → the string "text" without the apostrophe, never converted;
 * - in a plain-text ("@") cell the string is kept as is;
 * - "=…" → a formula;
 * - TRUE/FALSE/ИСТИНА/ЛОЖЬ (any case) → boolean;
 * - ru_RU numbers: "12", "-12,5", "1 024", "1 024,5", "007" (→ 7), "1,5E3" → number;
 * - percentages "35%", "12,5%" → 0.35, 0.125 with a percent number format;
 * - dates "12.05.2024", "12.05.24", "12.05" (current year), "12.5" (!), "12.05.2024 10:30[:15]",
 *   "2024-05-12[ 10:30]" → Date at that wall-clock time in the spreadsheet's time zone;
 * - anything else stays the same string.
 */
export function interpretTypedText(text: string, context: WriteContext): WriteResult {
  if (text === '') return { value: undefined };
  if (text.startsWith("'")) return { value: text.length > 1 ? text.slice(1) : undefined };
  if (context.numberFormat === PLAIN_TEXT_FORMAT) return { value: text };
  if (text.startsWith('=')) return { value: new Formula(text) };

  const trimmed = text.trim();
  if (/^(true|истина)$/i.test(trimmed)) return { value: true };
  if (/^(false|ложь)$/i.test(trimmed)) return { value: false };

  const number = parseRuNumber(trimmed);
  if (number !== null) return { value: number };

  if (trimmed.endsWith('%')) {
    const percent = parseRuNumber(trimmed.slice(0, -1).trim());
    if (percent !== null) {
      return { value: percent / 100, numberFormat: Number.isInteger(percent) ? '0%' : '0.00%' };
    }
  }

  const date = parseDate(trimmed, context.timeZone);
  if (date !== null) return { value: date };
  return { value: text };
}

export function parseRuNumber(text: string): number | null {
  const match = RU_NUMBER.exec(text);
  if (!match) return null;
  const [, sign, integer, fraction, exponent] = match;
  if (integer === '' && fraction === undefined) return null;
  const digits = integer.replace(/\D/g, '') || '0';
  return Number(`${sign}${digits}.${fraction ?? '0'}e${exponent ?? '0'}`) + 0;
}

function parseDate(text: string, timeZone: string): Date | null {
  let year: number;
  let month: number;
  let day: number;
  let time: Array<string | undefined>;
  const ru = RU_DATE.exec(text);
  const iso = ru ? null : ISO_DATE.exec(text);
  if (ru) {
    day = Number(ru[1]);
    month = Number(ru[2]);
    year = ru[3] === undefined ? zonedParts(new Date(), timeZone).year : Number(ru[3]);
    if (ru[3]?.length === 2) year += year < 30 ? 2000 : 1900;
    time = ru.slice(4);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
    time = iso.slice(4);
  } else {
    return null;
  }
  const [hour = 0, minute = 0, second = 0] = time.map((part) => (part === undefined ? undefined : Number(part)));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  return zonedTimeToDate({ year, month, day, hour, minute, second }, timeZone);
}

/**
 * getDisplayValues(): the text Sheets shows in a ru_RU spreadsheet. Numbers use a decimal comma and
 * NBSP grouping; the supported number formats are the general one, "0", "0.0…", "#,##0…", percents
 * ("0%", "0.00%"), plain text "@", quoted literals, and date/time formats ("dd.mm.yyyy", "hh:mm:ss").
 * Booleans show as TRUE/FALSE.
 */
export function displayText(value: CellValue | undefined, numberFormat: string | undefined, timeZone: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const pattern = numberFormat && isDateFormat(numberFormat) ? toJavaDatePattern(numberFormat) : defaultDatePattern(value, timeZone);
    return formatDatePattern(value, timeZone, pattern);
  }
  return formatNumber(value, numberFormat);
}

function defaultDatePattern(date: Date, timeZone: string): string {
  const parts = zonedParts(date, timeZone);
  return parts.hour || parts.minute || parts.second ? 'dd.MM.yyyy H:mm:ss' : 'dd.MM.yyyy';
}

function withoutQuotedText(format: string): string {
  return format.replace(/"[^"]*"|\\./g, '');
}

function isDateFormat(format: string): boolean {
  return /[ydhsm]/i.test(withoutQuotedText(format)) && !/[#0]/.test(withoutQuotedText(format).replace(/\.0+/g, ''));
}

/** Sheets date format ("dd.mm.yyyy hh:mm") → SimpleDateFormat pattern ("dd.MM.yyyy HH:mm"). */
function toJavaDatePattern(format: string): string {
  const tokens = format.match(/AM\/PM|"[^"]*"|\\.|([A-Za-z])\1*|[^A-Za-z"\\]+/gi) ?? [];
  const twelveHour = /AM\/PM/i.test(format);
  const letters = tokens.map((token) => token[0].toLowerCase());
  return tokens
    .map((token, index) => {
      if (token.startsWith('"')) return `'${token.slice(1, -1).replace(/'/g, "''")}'`;
      if (token.startsWith('\\')) return `'${token.slice(1)}'`;
      if (/^AM\/PM$/i.test(token)) return 'a';
      const letter = letters[index];
      const width = token.length;
      if (!/[a-z]/i.test(token[0])) return token.replace(/[A-Za-z']/g, (char) => `'${char}'`);
      switch (letter) {
        case 'y':
          return width <= 2 ? 'yy' : 'yyyy';
        case 'd':
          return width >= 4 ? 'EEEE' : width === 3 ? 'EEE' : 'd'.repeat(width);
        case 'h':
          return (twelveHour ? 'h' : 'H').repeat(Math.min(width, 2));
        case 's':
          return 's'.repeat(Math.min(width, 2));
        case 'm': {
          const previous = letters.slice(0, index).reverse().find((l) => /[ydhms]/.test(l));
          const next = letters.slice(index + 1).find((l) => /[ydhms]/.test(l));
          const isMinute = width <= 2 && (previous === 'h' || next === 's');
          if (isMinute) return 'm'.repeat(width);
          return width >= 4 ? 'MMMM' : 'M'.repeat(width);
        }
        default:
          return `'${token}'`;
      }
    })
    .join('');
}

function formatGeneralNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const text = String(Number(value.toPrecision(10)));
  return text.replace('.', ',').replace(/e([+-])(\d+)$/, (_, sign: string, digits: string) => `E${sign}${digits.padStart(2, '0')}`);
}

function unquote(literal: string): string {
  return literal.replace(/"([^"]*)"|\\(.)/g, (_, quoted: string | undefined, escaped: string | undefined) => quoted ?? escaped ?? '');
}

function formatNumber(value: number, numberFormat: string | undefined): string {
  if (!numberFormat || numberFormat === DEFAULT_NUMBER_FORMAT || numberFormat === PLAIN_TEXT_FORMAT || /^general$/i.test(numberFormat)) {
    return formatGeneralNumber(value);
  }
  const section = numberFormat.split(';')[0];
  const match = /^((?:"[^"]*"|\\.|[^#0"\\])*?)([#0][#0,]*)(?:\.([#0]+))?((?:"[^"]*"|\\.|[^#0"\\])*)$/.exec(section);
  if (!match) return formatGeneralNumber(value);
  const [, prefix, integerPattern, fractionPattern = '', suffix] = match;
  const percent = suffix.includes('%') || prefix.includes('%');
  const scaled = Math.abs(percent ? value * 100 : value);
  const minFraction = (fractionPattern.match(/0/g) ?? []).length;
  let [integerDigits, fractionDigits = ''] = scaled.toFixed(fractionPattern.length).split('.');
  while (fractionDigits.length > minFraction && fractionDigits.endsWith('0')) fractionDigits = fractionDigits.slice(0, -1);
  const minInteger = (integerPattern.match(/0/g) ?? []).length;
  if (integerDigits === '0' && minInteger === 0) integerDigits = '';
  integerDigits = integerDigits.padStart(minInteger, '0');
  if (integerPattern.includes(',')) integerDigits = integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const negative = value < 0 && /[1-9]/.test(integerDigits + fractionDigits);
  const body = fractionDigits ? `${integerDigits},${fractionDigits}` : integerDigits;
  return `${negative ? '-' : ''}${unquote(prefix)}${body}${unquote(suffix)}`;
}
