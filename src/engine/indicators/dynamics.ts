import { ResultRecord } from '../shnor/results';
import { DynamicsKind } from '../settings';
import { failedShare } from '../shnor/judge';
import { procedureIndex } from '../shnor/procedures';

const ALL_PROCEDURES = -1;

export type DynamicsOutcome = { kind: 'positive' } | { kind: 'not-positive' } | { kind: 'missing'; years: string[] };

/** A failed share as an exact fraction (counts stay integers, so the comparison is exact). */
interface Fraction {
  num: number;
  den: number;
}

/**
 * The school's failed share in one year over the records of the procedures in the mask. Several procedures of one
 * exam (ЕГЭ математика базовая + профильная) are pooled: Σ failed / Σ participants, i.e. the share of
 * the school's students who took the exam at any level and failed. Without participant counts the
 * shares are averaged. One pass, nothing built per record.
 */
function pooledShare(records: ResultRecord[], year: string, procedures: number): Fraction | null {
  let withData = 0;
  let counted = true;
  let failed = 0;
  let participants = 0;
  let shares = 0;
  for (const r of records) {
    if (r.year !== year || (procedures & (1 << procedureIndex(r.procedure))) === 0) continue;
    const share = failedShare(r);
    if (share === null) continue;
    withData++;
    shares += share;
    if (r.participants !== null && r.participants > 0) {
      failed += r.failed ?? ((r.percent as number) * r.participants) / 100;
      participants += r.participants;
    } else counted = false;
  }
  if (withData === 0) return null;
  return counted ? { num: failed, den: participants } : { num: shares, den: withData };
}

/**
 * Positive dynamics of one school from `prev` to `year` (DESIGN §2.5), over the records of
 * the procedures whose bits are set in `procedures` (`procedureMask`; all by default):
 * - 'share': the failed share in `year` is strictly lower than in `prev`;
 * - 'mean': the mean score is strictly higher. Levels of one exam have different scales (ЕГЭ базовая
 *   in marks, профильная in points), so means are compared per procedure present in both years:
 *   positive when at least one is higher and none is lower.
 * A school without data in one of the years is 'missing' (left out of the denominator).
 */
export function schoolDynamics(records: ResultRecord[], year: string, prev: string, mode: DynamicsKind, procedures = ALL_PROCEDURES): DynamicsOutcome {
  if (mode === 'share') {
    const now = pooledShare(records, year, procedures);
    const before = pooledShare(records, prev, procedures);
    if (!now || !before) return { kind: 'missing', years: [...(before ? [] : [prev]), ...(now ? [] : [year])] };
    return now.num * before.den < before.num * now.den ? { kind: 'positive' } : { kind: 'not-positive' };
  }
  const means = (y: string) => new Map(records.filter((r) => r.year === y && r.mean !== null && (procedures & (1 << procedureIndex(r.procedure))) !== 0).map((r) => [r.procedure.name, r.mean as number]));
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
