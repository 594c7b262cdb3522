/** The longest text one cell holds in Google Sheets is 50 000 characters; generated cells stay well below. */
export const MAX_CELL_TEXT = 45000;
/** How much of a value typed by the user a message quotes. */
export const MAX_QUOTE = 200;
/**
 * Text normalisation shared by header matching, school names and procedure names (DESIGN §3.1).
 */

const QUOTES = /[«»"“”„'‘’`]/g;
const NBSP = /[\u00a0\u2007\u202f]/g;

/** Lower case, ё→е, NBSP → space, collapsed spaces. */
export function fold(text: string): string {
  return text
    .replace(NBSP, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Header key: folded, without trailing notes in brackets («(чел.)»), quotes and punctuation.
 * «Общее количество обучающихся (чел.)» → «общее количество обучающихся».
 */
export function headerKey(text: string): string {
  let s = fold(text);
  // Drop bracketed notes at the end, but keep «%» wherever it is: it changes the meaning.
  const percent = /%/.test(s);
  s = s.replace(/\s*\([^()]*\)\s*$/g, '').replace(/\s*\([^()]*\)\s*$/g, '');
  s = s.replace(QUOTES, '').replace(/[^\p{L}\p{N}%]+/gu, ' ').replace(/\s+/g, ' ').trim();
  if (percent && !s.includes('%')) s += ' %';
  return s;
}

/** Words of a folded text without punctuation. */
export function words(text: string): string[] {
  return fold(text)
    .replace(QUOTES, ' ')
    .replace(/[^\p{L}\p{N}%№]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}

/**
 * A value typed by the user as a message quotes it: whole when short, else its first characters with «…»,
 * so that no message outgrows a cell however long the input is.
 */
export function quote(text: string, max = MAX_QUOTE): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Text cut to what one generated cell may hold. */
export function capCell(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : `${text.slice(0, MAX_CELL_TEXT - 1)}…`;
}

const collator = new Intl.Collator('ru', { numeric: true });

/**
 * School names in the order a Russian reader expects («СОШ № 2» before «СОШ № 10»). One collator for
 * the whole engine: `localeCompare` with options builds one per call, twenty times slower on long lists.
 */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * The names of one workbook's schools, put in order once: a generated sheet sorts 40 000 schools by
 * name several times, and comparing two ranks costs a fraction of a collation. A name outside the set
 * is compared by the collator, so `compare` orders exactly as `compareNames` does.
 */
export class NameOrder {
  private readonly ranks = new Map<string, number>();

  constructor(names: Iterable<string>) {
    const distinct = [...new Set(names)].sort(compareNames);
    let rank = 0;
    for (let i = 0; i < distinct.length; i++) {
      // Names the collator holds equal share a rank, as they would compare equal.
      if (i > 0 && compareNames(distinct[i - 1], distinct[i]) !== 0) rank = i;
      this.ranks.set(distinct[i], rank);
    }
  }

  /** Position of the name in reading order (names the collator holds equal share one); undefined outside the set. */
  rankOf(name: string): number | undefined {
    return this.ranks.get(name);
  }

  readonly compare = (a: string, b: string): number => {
    const x = this.ranks.get(a);
    const y = this.ranks.get(b);
    return x !== undefined && y !== undefined ? x - y : compareNames(a, b);
  };
}

/** Formats a number the Russian way: decimal comma, no thousands separator. */
export function formatNumber(value: number, digits: number): string {
  const text = value.toFixed(digits).replace('.', ',');
  // «-0,00» (a tiny negative rounded away) is written «0,00».
  return text.charCodeAt(0) === 45 && /^-0(,0+)?$/.test(text) ? text.slice(1) : text;
}

export function formatPercent(share: number, digits = 1): string {
  return `${formatNumber(share * 100, digits)} %`;
}

/** Russian plural form: plural(3, 'школа', 'школы', 'школ') → 'школы'. */
export function plural(n: number, one: string, few: string, many: string): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return many;
  if (b === 1) return one;
  if (b >= 2 && b <= 4) return few;
  return many;
}

/**
 * True when Google Sheets would turn this text into something else on `setValues`
 * (a formula, a number, a date): such text must be written with a leading apostrophe.
 */
export function needsTextGuard(text: string): boolean {
  if (text === '') return false;
  if (/^[=+\-@']/.test(text)) return true;
  return /^[\s\d.,:/%()\u00a0-]+$/.test(text) && /\d/.test(text);
}
