import { ColumnMap, ColumnSpec, matchHeaderRow } from '../headers';
import { parseNumber } from '../parse';
import { HEADERS, OBJECTIVITY_TEXT, PROTOCOL_TEXT } from '../strings';
import { Cell, Row, cellText } from '../table';

/**
 * What the objectivity check needs of one school, procedure and year, as counts of participants:
 * the journal comparison and, from student-level protocols, the totals at the boundaries of «3» and «4».
 * Each group is filled whole or not at all.
 */
export interface ObjectivityCounts {
  /** ВПР mark below / equal to / above the journal mark (participants with a journal mark 2–5). */
  comparison: { down: number; same: number; up: number } | null;
  /** Totals exactly at the minimum for «3» and one point below it. */
  three: BoundaryCounts | null;
  /** The same for «4». */
  four: BoundaryCounts | null;
}

export interface BoundaryCounts {
  at: number;
  below: number;
}

export type ObjectivityGroup = keyof ObjectivityCounts;
export const OBJECTIVITY_GROUPS: readonly ObjectivityGroup[] = ['comparison', 'three', 'four'];

export type ObjectivityKey = 'down' | 'same' | 'up' | 'atThree' | 'belowThree' | 'atFour' | 'belowFour';

/** The optional columns of «Результаты ОП», in the order they are written (the tail of HEADERS.results). */
export const OBJECTIVITY_KEYS: readonly ObjectivityKey[] = ['down', 'same', 'up', 'atThree', 'belowThree', 'atFour', 'belowFour'];
export const OBJECTIVITY_HEADERS: readonly string[] = HEADERS.results.slice(HEADERS.results.length - OBJECTIVITY_KEYS.length);

const GROUP_KEYS: Record<ObjectivityGroup, readonly ObjectivityKey[]> = {
  comparison: ['down', 'same', 'up'],
  three: ['atThree', 'belowThree'],
  four: ['atFour', 'belowFour'],
};

const label = (k: ObjectivityKey): string => OBJECTIVITY_HEADERS[OBJECTIVITY_KEYS.indexOf(k)];

/**
 * Header words of those columns (DESIGN §3.1 matching). None of them can be taken for a column of
 * RESULTS_COLUMNS, nor those for one of these: the results reader may match both on one header row.
 */
export const OBJECTIVITY_COLUMNS: ColumnSpec<ObjectivityKey>[] = [
  { key: 'down', label: label('down'), any: [['понизили'], ['понизил']], none: ['%', 'доля'] },
  { key: 'same', label: label('same'), any: [['подтвердили'], ['подтвердил']], none: ['%', 'доля'] },
  { key: 'up', label: label('up'), any: [['повысили'], ['повысил']], none: ['%', 'доля'] },
  { key: 'atThree', label: label('atThree'), any: [['ровно', 'минимум', '3'], ['на минимуме', '3']], none: ['%', 'доля', 'ниже', '4'] },
  { key: 'belowThree', label: label('belowThree'), any: [['минимум', '3', '1'], ['ниже', 'минимум', '3']], none: ['%', 'доля', 'ровно', '4'] },
  { key: 'atFour', label: label('atFour'), any: [['ровно', 'минимум', '4'], ['на минимуме', '4']], none: ['%', 'доля', 'ниже', '3'] },
  { key: 'belowFour', label: label('belowFour'), any: [['минимум', '4', '1'], ['ниже', 'минимум', '4']], none: ['%', 'доля', 'ровно', '3'] },
];

export type ObjectivityColumns = ColumnMap<ObjectivityKey>;

/** The objectivity columns of a header row (those absent are simply not there: they are optional). */
export function matchObjectivityHeader(header: Row): ObjectivityColumns {
  return matchHeaderRow(header, OBJECTIVITY_COLUMNS);
}

export function emptyCounts(): ObjectivityCounts {
  return { comparison: null, three: null, four: null };
}

export function hasCounts(c: ObjectivityCounts | null | undefined): c is ObjectivityCounts {
  return !!c && (c.comparison !== null || c.three !== null || c.four !== null);
}

/**
 * Reads the objectivity cells of one row of «Результаты ОП»: null when they are all blank, the
 * reason when one is not a whole number ≥ 0 or a group is filled in part.
 */
export function readObjectivityCells(cells: Row, columns: ObjectivityColumns): ObjectivityCounts | null | { error: string } {
  const values = new Map<ObjectivityKey, number>();
  for (const k of OBJECTIVITY_KEYS) {
    const col = columns[k];
    if (col === undefined) continue;
    const cell = cells[col] ?? null;
    if (cellText(cell) === '') continue;
    const n = parseNumber(cell);
    if (!n || n.percent || !Number.isInteger(n.value) || n.value < 0) return { error: PROTOCOL_TEXT.badCount(label(k), cellText(cell)) };
    values.set(k, n.value);
  }
  if (values.size === 0) return null;
  const counts = emptyCounts();
  for (const g of OBJECTIVITY_GROUPS) {
    const keys = GROUP_KEYS[g];
    const filled = keys.filter((k) => values.has(k));
    if (filled.length === 0) continue;
    if (filled.length < keys.length) {
      const missing = keys.filter((k) => !values.has(k)).map((k) => `«${label(k)}»`);
      return { error: `заполнены не все столбцы «${OBJECTIVITY_TEXT.groups[g]}»: нет ${missing.join(', ')}` };
    }
    const v = (k: ObjectivityKey) => values.get(k) as number;
    if (g === 'comparison') counts.comparison = { down: v('down'), same: v('same'), up: v('up') };
    else if (g === 'three') counts.three = { at: v('atThree'), below: v('belowThree') };
    else counts.four = { at: v('atFour'), below: v('belowFour') };
  }
  return counts;
}

/** The cells of the objectivity columns (OBJECTIVITY_KEYS order), '' where a group is absent. */
export function objectivityCells(c: ObjectivityCounts | null): Cell[] {
  const v = (n: number | undefined): Cell => (n === undefined ? '' : n);
  return [v(c?.comparison?.down), v(c?.comparison?.same), v(c?.comparison?.up), v(c?.three?.at), v(c?.three?.below), v(c?.four?.at), v(c?.four?.below)];
}

/** Only the groups of `c` listed in `groups`. */
export function pickGroups(c: ObjectivityCounts, groups: ObjectivityGroup[]): ObjectivityCounts {
  const out = emptyCounts();
  if (groups.includes('comparison')) out.comparison = c.comparison;
  if (groups.includes('three')) out.three = c.three;
  if (groups.includes('four')) out.four = c.four;
  return out;
}

export function sameGroup(a: ObjectivityCounts, b: ObjectivityCounts, g: ObjectivityGroup): boolean {
  return JSON.stringify(a[g]) === JSON.stringify(b[g]);
}

/** «понизили 3, подтвердили 20, повысили 5; минимум «3» — 4, на балл ниже — 1». */
export function describeCounts(c: ObjectivityCounts): string {
  const parts: string[] = [];
  if (c.comparison) parts.push(OBJECTIVITY_TEXT.describeComparison(c.comparison.down, c.comparison.same, c.comparison.up));
  if (c.three) parts.push(OBJECTIVITY_TEXT.describeBoundary(3, c.three.at, c.three.below));
  if (c.four) parts.push(OBJECTIVITY_TEXT.describeBoundary(4, c.four.at, c.four.below));
  return parts.join('; ');
}

/**
 * A row with «Участников», «Не справились» and «% не справившихся» all blank and objectivity counts
 * filled is no result: it completes the result of the same school, procedure and year (the import
 * writes such a row when the result was already in the sheet).
 */
export function isObjectivityOnlyRow(participants: Cell, failed: Cell, failedPct: Cell): boolean {
  return cellText(participants) === '' && cellText(failed) === '' && cellText(failedPct) === '';
}
