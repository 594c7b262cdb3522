// The reference line of the benchmark (issue 10): the fewest operations that compute the same flags
// from the same arrays — no validation, no messages, no justification, no sheets. It knows the shape
// of the synthetic workbooks (scripts/synthetic.ts) and nothing else; the engine must stay within a
// small factor of it.
import { Table } from '../../src/engine';
import { PROCEDURES } from '../../src/engine/shnor/procedures';

export interface MinimalFlags {
  year: string;
  cutoff: number;
  /** By registry order: ШНОР, К1, К2, ШНСУ. */
  shnor: boolean[];
  criterion1: boolean[];
  criterion2: boolean[];
  shnsu: boolean[];
}

export function minimalLoop(registry: Table, form: Table, results: Table, threshold = 30): MinimalFlags {
  const n = registry.length - 1;
  const byCode = new Map<unknown, number>();
  const byAlias = new Map<unknown, number>();
  for (let i = 1; i <= n; i++) {
    byCode.set(registry[i][0], i - 1);
    byAlias.set(registry[i][2], i - 1);
  }
  // ИСБШ from the last answer of each school (answers stand in time order).
  const index = new Float64Array(n).fill(NaN);
  for (let i = 1; i < form.length; i++) {
    const r = form[i];
    const s = byCode.get(r[1]) as number;
    const total = r[3] as number;
    index[s] = 85 + (15 * (r[4] as number)) / total - (20 * (r[5] as number)) / total - (65 * (r[6] as number)) / total;
  }
  const sorted = Array.from(index).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const rank = 0.25 * (sorted.length - 1);
  const k = Math.floor(rank);
  const cutoff = k + 1 < sorted.length ? sorted[k] + (rank - k) * (sorted[k + 1] - sorted[k]) : sorted[k];

  // Low results as bit masks per school and year.
  const procedure = new Map(PROCEDURES.map((p, i) => [p.name, p.shnor ? i : -1]));
  const years: string[] = [];
  const yearOf = new Map<unknown, number>();
  const masks: Int32Array[] = [];
  for (let i = 1; i < results.length; i++) {
    const r = results[i];
    if (r[8] !== '' || r[9] !== '') continue;
    let y = yearOf.get(r[0]);
    if (y === undefined) {
      y = years.length;
      years.push(r[0] as string);
      yearOf.set(r[0], y);
      masks.push(new Int32Array(n));
    }
    const p = procedure.get(r[3] as string) as number;
    if (p < 0) continue;
    const s = r[1] !== '' ? (byCode.get(r[1]) as number) : (byAlias.get(r[2]) as number);
    const participants = r[4] as number;
    const failed = r[5];
    const low = failed === '' ? Number(String(r[6]).replace(' %', '').replace(',', '.')) >= threshold : (failed as number) * 100 >= threshold * participants;
    if (low && participants > 0) masks[y][s] |= 1 << p;
  }
  const last = years.length - 1;
  const ordered = years.map((y, i) => ({ y, i })).sort((a, b) => (a.y < b.y ? -1 : 1));
  const now = masks[ordered[last].i];
  const before = masks[ordered[last - 1].i];
  const popcount = (m: number) => {
    let c = 0;
    for (; m; m &= m - 1) c++;
    return c;
  };
  const out: MinimalFlags = { year: ordered[last].y, cutoff, shnor: [], criterion1: [], criterion2: [], shnsu: [] };
  for (let s = 0; s < n; s++) {
    const k1 = popcount(now[s]) >= 2;
    const k2 = now[s] !== 0 && before[s] !== 0;
    out.criterion1.push(k1);
    out.criterion2.push(k2);
    out.shnor.push(k1 || k2);
    out.shnsu.push(index[s] <= cutoff);
  }
  return out;
}
