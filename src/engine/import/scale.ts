import { Cell, cellText } from '../table';

/**
 * The scale of marks of one ВПР in one school year: the minimum primary totals for «3», «4», «5»
 * (ФИОКО publishes it with the work, e.g. 7; 11; 15 for ВПР математика 5 кл. in 2021).
 */
export interface VprScale {
  three: number;
  four: number;
  five: number;
}

/** A total this high is no ВПР: a scale above it is a typing slip. */
const MAX_PLAUSIBLE_TOTAL = 200;

/** «7; 11; 15», «7,11,15», «7 11 15», «7/11/15» → the scale; null when it is not three increasing whole numbers ≥ 1. */
export function parseScale(value: Cell | string | undefined): VprScale | null {
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return null;
  const parts = cellText(value ?? null)
    .split(/[;,/\s]+/)
    .filter(Boolean);
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const [three, four, five] = parts.map(Number);
  if (three < 1 || !(three < four && four < five) || five > MAX_PLAUSIBLE_TOTAL) return null;
  return { three, four, five };
}

/** «7; 11; 15»: how a scale is written in «Настройки». */
export function formatScale(s: VprScale): string {
  return `${s.three}; ${s.four}; ${s.five}`;
}

export function sameScale(a: VprScale, b: VprScale): boolean {
  return a.three === b.three && a.four === b.four && a.five === b.five;
}

/** The ВПР mark of a total: below the minimum for «3» is «2». */
export function markOf(total: number, s: VprScale): 2 | 3 | 4 | 5 {
  if (total < s.three) return 2;
  if (total < s.four) return 3;
  if (total < s.five) return 4;
  return 5;
}

/** Key of a scale in `Settings.vprScales`. */
export function scaleKey(procedure: string, year: string): string {
  return `${procedure}|${year}`;
}
