import { Settings } from '../settings';

export interface Shares {
  h: number;
  s: number;
  r: number;
}

/** ИСБШ = 85 + 15·h − 20·s − 65·r (DESIGN §2.4; the weights are settings). */
export function isbsh({ h, s, r }: Shares, w: Settings['weights']): number {
  return w.constant + w.higher * h - w.singleParent * s - w.register * r;
}

/** Why a set of shares cannot give an index, or null when it can. */
export function sharesProblem({ h, s, r }: Shares): string | null {
  for (const [name, v] of [['h', h], ['s', s], ['r', r]] as const) {
    if (!Number.isFinite(v)) return `доля ${name} не является числом`;
    if (v < 0 || v > 1) return `доля ${name} = ${v} вне диапазона от 0 до 1`;
  }
  return null;
}

/**
 * PERCENTILE.INC exactly as Google Sheets and Excel compute it: linear interpolation between the
 * order statistics at rank p·(n−1).
 */
export function percentileInc(values: number[], p: number): number {
  if (values.length === 0) throw new RangeError('нет значений');
  if (!(p >= 0 && p <= 1)) throw new RangeError('p должно быть от 0 до 1');
  const x = [...values].sort((a, b) => a - b);
  const rank = p * (x.length - 1);
  const k = Math.floor(rank);
  const frac = rank - k;
  if (k + 1 >= x.length || frac === 0) return x[k];
  return x[k] + frac * (x[k + 1] - x[k]);
}

/** Ascending competition ranks (1 = least well-off; equal values share a rank, as RANK.EQ). */
export function rankAscending(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const first = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!first.has(v)) first.set(v, i + 1);
  });
  return values.map((v) => first.get(v) as number);
}

/** The smallest number of valid schools for a stable cut-off (DESIGN §2.4). */
export const STABLE_CUTOFF_MIN = 8;
