import { ResultRecord, SchoolResults } from '../shnor/results';
import { DynamicsKind } from '../settings';
import { failedShare } from '../shnor/judge';
import { PROCEDURES, procedureIndex } from '../shnor/procedures';

const ALL_PROCEDURES = -1;

export type DynamicsOutcome = { kind: 'positive' } | { kind: 'not-positive' } | { kind: 'missing'; years: readonly string[] };

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
function pooledShare(records: ResultRecord[], year: string, procedures: number, out: Fraction): boolean {
  let withData = 0;
  let counted = true;
  let failed = 0;
  let participants = 0;
  let shares = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
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
  if (withData === 0) return false;
  out.num = counted ? failed : shares;
  out.den = counted ? participants : withData;
  return true;
}

const POSITIVE: DynamicsOutcome = Object.freeze({ kind: 'positive' });
const NOT_POSITIVE: DynamicsOutcome = Object.freeze({ kind: 'not-positive' });
const nowShare: Fraction = { num: 0, den: 0 };
const beforeShare: Fraction = { num: 0, den: 0 };

/** «missing» outcomes of the last pair of years asked (one per case), so none is built per school. */
let missingFor = { year: '', prev: '', both: null as DynamicsOutcome | null, year1: null as DynamicsOutcome | null, prev1: null as DynamicsOutcome | null };
function missing(year: string, prev: string, nowMissing: boolean, beforeMissing: boolean): DynamicsOutcome {
  if (missingFor.year !== year || missingFor.prev !== prev) missingFor = { year, prev, both: null, year1: null, prev1: null };
  const m = missingFor;
  if (nowMissing && beforeMissing) return (m.both ??= Object.freeze({ kind: 'missing', years: [prev, year] }));
  if (nowMissing) return (m.year1 ??= Object.freeze({ kind: 'missing', years: [year] }));
  return (m.prev1 ??= Object.freeze({ kind: 'missing', years: [prev] }));
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
    const hasNow = pooledShare(records, year, procedures, nowShare);
    const hasBefore = pooledShare(records, prev, procedures, beforeShare);
    if (!hasNow || !hasBefore) return missing(year, prev, !hasNow, !hasBefore);
    return nowShare.num * beforeShare.den < beforeShare.num * nowShare.den ? POSITIVE : NOT_POSITIVE;
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
  return higher && !lower ? POSITIVE : NOT_POSITIVE;
}

const FIELDS = 5; // with data, without participants, Σ failed, Σ participants, Σ shares

/**
 * The failed shares of many schools in the two years, per procedure, from one pass over each school's
 * results: every dynamics indicator then combines the procedures it names (`schoolDynamics` with
 * mode 'share', without reading the records once per indicator).
 */
export class PooledShares {
  private readonly acc: Float64Array;
  private readonly procedures = PROCEDURES.length;

  constructor(schools: readonly SchoolResults[], private readonly year: string, private readonly prev: string) {
    this.acc = new Float64Array(schools.length * 2 * this.procedures * FIELDS);
    schools.forEach((results, k) => {
      const records = results.records;
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        const slot = r.year === year ? 1 : r.year === prev ? 0 : -1;
        if (slot < 0) continue;
        const share = failedShare(r);
        if (share === null) continue;
        const at = ((k * 2 + slot) * this.procedures + procedureIndex(r.procedure)) * FIELDS;
        this.acc[at]++;
        if (r.participants !== null && r.participants > 0) {
          this.acc[at + 2] += r.failed ?? ((r.percent as number) * r.participants) / 100;
          this.acc[at + 3] += r.participants;
        } else this.acc[at + 1]++;
        this.acc[at + 4] += share;
      }
    });
  }

  private pooled(k: number, slot: number, mask: number, out: Fraction): boolean {
    let withData = 0;
    let uncounted = 0;
    let failed = 0;
    let participants = 0;
    let shares = 0;
    for (let p = 0; p < this.procedures; p++) {
      if ((mask & (1 << p)) === 0) continue;
      const at = ((k * 2 + slot) * this.procedures + p) * FIELDS;
      withData += this.acc[at];
      uncounted += this.acc[at + 1];
      failed += this.acc[at + 2];
      participants += this.acc[at + 3];
      shares += this.acc[at + 4];
    }
    if (withData === 0) return false;
    out.num = uncounted === 0 ? failed : shares;
    out.den = uncounted === 0 ? participants : withData;
    return true;
  }

  /** The outcome of school `k` (its position in the constructor's list) for the procedures of `mask`. */
  outcome(k: number, mask: number): DynamicsOutcome {
    const hasNow = this.pooled(k, 1, mask, nowShare);
    const hasBefore = this.pooled(k, 0, mask, beforeShare);
    if (!hasNow || !hasBefore) return missing(this.year, this.prev, !hasNow, !hasBefore);
    return nowShare.num * beforeShare.den < beforeShare.num * nowShare.den ? POSITIVE : NOT_POSITIVE;
  }
}
