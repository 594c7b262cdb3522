import { Cell, cellText } from '../table';
import { fold } from '../text';

/** A readable «Сроки»: the last day of the period it names, as an ISO date «2023-03-31». */
export interface Deadline {
  end: string;
}

const DAY_MS = 86400000;

/** Month stems in every case a date is written in («март», «марта», «марте», «мар.»). */
const MONTHS: [RegExp, number][] = [
  [/^янв(ар[ьяею]|\.)?$/, 1],
  [/^фев(р(ал[ьяею]|\.)?|\.)?$/, 2],
  [/^мар(т[аеу]?|\.)?$/, 3],
  [/^апр(ел[ьяею]|\.)?$/, 4],
  [/^ма[йяею]$/, 5],
  [/^июн[ьяею]?$/, 6],
  [/^июл[ьяею]?$/, 7],
  [/^авг(уст[аеу]?|\.)?$/, 8],
  [/^сен(т(ябр[ьяею]|\.)?|\.)?$/, 9],
  [/^окт(ябр[ьяею]|\.)?$/, 10],
  [/^ноя(бр[ьяею]|\.)?$/, 11],
  [/^дек(абр[ьяею]|\.)?$/, 12],
];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function monthOf(word: string): number | null {
  for (const [re, n] of MONTHS) if (re.test(word)) return n;
  return null;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

function fullYear(text: string): number | null {
  const n = Number(text);
  if (!Number.isInteger(n)) return null;
  const y = text.length === 2 ? 2000 + n : n;
  return y >= 1990 && y <= 2100 ? y : null;
}

/** One point or period without a range sign; `year` fills in a part written without one («январь–март 2023»). */
function parsePart(text: string, year: number | null): { start: string; end: string; year: number } | null {
  let s = text.trim();
  let m = s.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})$/);
  if (m) {
    const y = fullYear(m[3]);
    const mo = Number(m[2]);
    const d = Number(m[1]);
    return y && validDay(y, mo, d) ? { start: iso(y, mo, d), end: iso(y, mo, d), year: y } : null;
  }
  m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? { start: iso(y, mo, d), end: iso(y, mo, d), year: y } : null;
  }
  m = s.match(/^(\d{1,2})[./](\d{4})$/);
  if (m) {
    const [mo, y] = [Number(m[1]), fullYear(m[2])];
    return y && mo >= 1 && mo <= 12 ? { start: iso(y, mo, 1), end: iso(y, mo, lastDay(y, mo)), year: y } : null;
  }
  // A trailing year: «март 2023», «15 марта 2023», «II квартал 2023»; without one only inside a range.
  let y = year;
  m = s.match(/^(.*?)\s*(\d{4})$/);
  if (m && fullYear(m[2])) {
    y = fullYear(m[2]);
    s = m[1].trim();
  }
  if (y === null) return null;
  m = s.match(/^(\d{1,2})\s+(\S+)$/);
  const dayMonth = m ? monthOf(m[2]) : null;
  if (m && dayMonth) {
    const d = Number(m[1]);
    return validDay(y, dayMonth, d) ? { start: iso(y, dayMonth, d), end: iso(y, dayMonth, d), year: y } : null;
  }
  const mo = monthOf(s);
  if (mo) return { start: iso(y, mo, 1), end: iso(y, mo, lastDay(y, mo)), year: y };
  m = s.match(/^(i{1,3}|iv|[1-4])(?:-?(?:й|го|ый|ий))?\s*(?:квартал[аеу]?|кв\.?)$/) ?? s.match(/^(?:квартал|кв\.?)\s*(i{1,3}|iv|[1-4])$/);
  if (m) {
    const q = ROMAN[m[1]] ?? Number(m[1]);
    return { start: iso(y, q * 3 - 2, 1), end: iso(y, q * 3, lastDay(y, q * 3)), year: y };
  }
  return null;
}

/**
 * Reads «Сроки» (DESIGN §2.8): a date («31.03.2023», «31 марта 2023», a date cell), a month («март 2023»,
 * «03.2023») or a quarter («II квартал 2023», «2 кв. 2023»), optionally a period of these («январь–март
 * 2023», «с сентября 2022 по май 2023») or a limit («до 31.03.2023», «не позднее марта 2023»). Returns the
 * last day of what it names, or null when it is none of these («в течение года», «постоянно», «март»).
 */
export function parseDeadline(cell: Cell | undefined): Deadline | null {
  if (cell instanceof Date) {
    const t = cell.getTime();
    if (Number.isNaN(t)) return null;
    // Sheets hands over a date cell as midnight in the spreadsheet's time zone, ExcelJS as midnight UTC:
    // the nearest UTC midnight is that calendar day in every zone from UTC−11 to UTC+12.
    const day = new Date(Math.round(t / DAY_MS) * DAY_MS);
    return { end: iso(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()) };
  }
  if (typeof cell !== 'string') return null;
  let s = fold(cell)
    .replace(/[«»"]/g, '')
    .replace(/(\d)\s*(г\.?|гг\.?|года?)$/, '$1')
    .replace(/[.,;]+$/, '')
    .trim();
  s = s.replace(/^(срок\S*:?\s+)?(не позднее|не позже|до|к|по|в течение|в|на|с)\s+/, (all, _срок, word) => (word === 'с' ? 'с ' : ''));
  if (s === '') return null;
  const parts = s
    .replace(/^с\s+/, '')
    .replace(/([^\d\s])-([^\d\s])/g, '$1 – $2')
    .split(/\s*(?:\s[-–—]\s|[–—]|\s+по\s+)\s*/)
    .map((p) => p.replace(/(\d)\s*(г\.?|года?)$/, '$1').trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 2) return null;
  const end = parsePart(parts[parts.length - 1], null);
  if (!end) return null;
  if (parts.length === 2) {
    const start = parsePart(parts[0], end.year);
    if (!start || start.start > end.end) return null;
  }
  return { end: end.end };
}

/** «2023-03-31» → «31.03.2023». */
export function formatIsoDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/** A «Сроки» cell as a person reads it: a date cell as «31.03.2023», text as typed. */
export function deadlineText(cell: Cell | undefined): string {
  if (cell instanceof Date) {
    const d = parseDeadline(cell);
    return d ? formatIsoDate(d.end) : '';
  }
  return cellText(cell ?? null);
}

/** Today as the shells pass it: «2023-04-15»; anything else is no date. */
export function parseToday(today: string | null | undefined): string | null {
  if (!today) return null;
  const m = today.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m && validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? today : null;
}
