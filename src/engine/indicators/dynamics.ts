import { ResultRecord } from '../shnor/results';
import { DynamicsKind } from '../settings';
import { failedShare } from '../shnor/judge';

export type DynamicsOutcome = { kind: 'positive' } | { kind: 'not-positive' } | { kind: 'missing'; years: string[] };

/** A failed share as an exact fraction (counts stay integers, so the comparison is exact). */
interface Fraction {
  num: number;
  den: number;
}

/**
 * The school's failed share in one year over the given records. Several procedures of one exam
 * (ЕГЭ математика базовая + профильная) are pooled: Σ failed / Σ participants, i.e. the share of the
 * school's students who took the exam at any level and failed. Without participant counts the
 * shares are averaged.
 */
function pooledShare(records: ResultRecord[]): Fraction | null {
  const withData = records.filter((r) => failedShare(r) !== null);
  if (withData.length === 0) return null;
  if (withData.every((r) => r.participants !== null && r.participants > 0)) {
    return withData.reduce(
      (f, r) => ({ num: f.num + (r.failed ?? ((r.percent as number) * (r.participants as number)) / 100), den: f.den + (r.participants as number) }),
      { num: 0, den: 0 },
    );
  }
  return { num: withData.reduce((s, r) => s + (failedShare(r) as number), 0), den: withData.length };
}

/**
 * Positive dynamics of one school from `prev` to `year` (DESIGN §2.5):
 * - 'share': the failed share in `year` is strictly lower than in `prev`;
 * - 'mean': the mean score is strictly higher. Levels of one exam have different scales (ЕГЭ базовая
 *   in marks, профильная in points), so means are compared per procedure present in both years:
 *   positive when at least one is higher and none is lower.
 * A school without data in one of the years is 'missing' (left out of the denominator).
 */
export function schoolDynamics(records: ResultRecord[], year: string, prev: string, mode: DynamicsKind): DynamicsOutcome {
  const inYear = (y: string) => records.filter((r) => r.year === y);
  if (mode === 'share') {
    const now = pooledShare(inYear(year));
    const before = pooledShare(inYear(prev));
    const missing = [...(before ? [] : [prev]), ...(now ? [] : [year])];
    if (!now || !before) return { kind: 'missing', years: missing };
    return now.num * before.den < before.num * now.den ? { kind: 'positive' } : { kind: 'not-positive' };
  }
  const means = (y: string) => new Map(inYear(y).filter((r) => r.mean !== null).map((r) => [r.procedure.name, r.mean as number]));
  const now = means(year);
  const before = means(prev);
  const both = [...now.keys()].filter((p) => before.has(p));
  if (both.length === 0) {
    const missing = [...(before.size ? [] : [prev]), ...(now.size ? [] : [year])];
    // Empty `years`: both years have means, but of different procedures (levels): nothing to compare.
    return { kind: 'missing', years: missing };
  }
  const higher = both.some((p) => (now.get(p) as number) > (before.get(p) as number));
  const lower = both.some((p) => (now.get(p) as number) < (before.get(p) as number));
  return higher && !lower ? { kind: 'positive' } : { kind: 'not-positive' };
}
