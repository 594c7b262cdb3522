import { SchoolResults } from '../shnor/results';
import { Settings } from '../settings';

/** What one school's results of the analysis year give for the context model (DESIGN §2.7). */
export interface PooledShare {
  /** ΣP over the rows that count. */
  participants: number;
  /** ΣF over the same rows; a row with only a percentage gives F = share·P, so ΣF need not be whole. */
  failed: number;
  /** Rows that count. */
  rows: number;
  /** Rows of the year with a percentage and no number of participants: they cannot be weighted. */
  unweighted: number;
  /** p = ΣF / ΣP; null without rows or with ΣP below «Минимум участников для надёжного вывода». */
  share: number | null;
  /** Why there is no p. */
  missing: 'no-results' | 'small-sample' | null;
}

/**
 * Pooled failed share of one school in year Y: ΣF / ΣP over its main-period rows of the procedures
 * switched on for ШНОР with P > 0. Re-takes, graduates of previous years and disagreeing duplicates
 * never reach `results.records` (the reader leaves them out), so every record here is of the main period.
 */
export function pooledShare(results: SchoolResults, year: string, settings: Settings): PooledShare {
  let participants = 0;
  let failed = 0;
  let rows = 0;
  let unweighted = 0;
  const records = results.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.year !== year || settings.procedures[r.procedure.name] !== true) continue;
    const p = r.participants;
    if (p === null || p <= 0) {
      if (p === null && r.percent !== null) unweighted++;
      continue;
    }
    let f: number;
    if (r.failed !== null) f = r.failed;
    else if (r.percent !== null) f = (r.percent * p) / 100;
    else continue;
    participants += p;
    failed += f;
    rows++;
  }
  const missing = rows === 0 ? 'no-results' : participants < settings.minSample ? 'small-sample' : null;
  return { participants, failed, rows, unweighted, share: missing === null ? failed / participants : null, missing };
}
