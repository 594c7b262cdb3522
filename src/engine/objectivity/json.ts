import { BoundaryPeak, ObjectivityResult, SignKind } from './judge';

/** One entry of `objectivity` in the JSON result (DESIGN §3.3, issue 16). Field names are stable. */
export interface ObjectivityJson {
  code: string;
  name: string;
  procedure: string;
  year: string;
  /** Participants compared with the journal (down + same + up); null without the comparison. */
  n: number | null;
  /** Participants with a total (P of the results row), when known. */
  participants: number | null;
  /** Counts: ВПР mark below / equal to / above the journal mark. */
  down: number | null;
  same: number | null;
  up: number | null;
  /** The same as shares of n, and the municipality's shares for this procedure and year. */
  shares: { down: number; same: number; up: number } | null;
  municipality: { down: number; same: number; up: number } | null;
  /** Totals exactly at the minimum for the mark and one point below; ratio = at / max(below, 1). */
  boundary: { '3': BoundaryJson | null; '4': BoundaryJson | null };
  /** The larger of the two ratios. */
  boundaryRatio: number | null;
  signs: { kind: SignKind; text: string }[];
}

export interface BoundaryJson {
  at: number;
  below: number;
  ratio: number;
}

const boundary = (p: BoundaryPeak | null): BoundaryJson | null => (p ? { at: p.at, below: p.below, ratio: p.ratio } : null);

/** The entries of `years` (all when omitted), by procedure, year and school code. */
export function objectivityJson(result: ObjectivityResult, years?: string[]): ObjectivityJson[] {
  const municipal = new Map(result.municipality.map((m) => [`${m.procedure}|${m.year}`, m]));
  return result.entries
    .filter((e) => !years || years.includes(e.year))
    .map((e): ObjectivityJson => {
      const c = e.counts.comparison;
      const m = municipal.get(`${e.procedure}|${e.year}`)?.comparison;
      return {
        code: e.school.code,
        name: e.school.name,
        procedure: e.procedure,
        year: e.year,
        n: e.compared,
        participants: e.participants,
        down: c?.down ?? null,
        same: c?.same ?? null,
        up: c?.up ?? null,
        shares: c && e.compared ? { down: c.down / e.compared, same: c.same / e.compared, up: c.up / e.compared } : null,
        municipality: m && m.compared ? { down: m.down / m.compared, same: m.same / m.compared, up: m.up / m.compared } : null,
        boundary: { '3': boundary(e.boundary.three), '4': boundary(e.boundary.four) },
        boundaryRatio: e.boundaryRatio,
        signs: e.signs.map((s) => ({ kind: s.kind, text: s.text })),
      };
    })
    .sort((a, b) => a.year.localeCompare(b.year) || a.procedure.localeCompare(b.procedure, 'ru') || a.code.localeCompare(b.code, 'ru'));
}
