import { Journal } from '../journal';
import { ObjectivityThresholds } from '../settings';
import { OBJECTIVITY_TEXT } from '../strings';
import { formatNumber, formatPercent } from '../text';
import { BoundaryCounts, OBJECTIVITY_GROUPS, ObjectivityCounts, ObjectivityGroup, emptyCounts, sameGroup } from './counts';

/** The school as the results reader knows it. */
export interface ObjectivitySchool {
  id: string;
  code: string;
  name: string;
}

/** One row of «Результаты ОП» that carries objectivity counts. */
export interface ObjectivityInput {
  school: ObjectivitySchool;
  /** Canonical procedure name. */
  procedure: string;
  /** Canonical school year. */
  year: string;
  /** 1-based sheet row. */
  row: number;
  /**
   * P of the result: written in the same row, or for a row holding only objectivity counts, in the
   * result row of the same school, procedure and year; null when the sheet has none.
   */
  participants: number | null;
  counts: ObjectivityCounts;
}

export interface BoundaryPeak extends BoundaryCounts {
  mark: 3 | 4;
  /** at / max(below, 1). */
  ratio: number;
}

export type SignKind = 'up' | 'boundary-3' | 'boundary-4';

export interface ObjectivitySign {
  kind: SignKind;
  /** Russian, with the numbers that make it («повысили 25,0 % (5 из 20) — …»). */
  text: string;
}

/** The objectivity of one school's result in one procedure and year. */
export interface ObjectivityEntry {
  school: ObjectivitySchool;
  procedure: string;
  year: string;
  rows: number[];
  participants: number | null;
  counts: ObjectivityCounts;
  /** Participants compared with the journal (down + same + up), null without the comparison. */
  compared: number | null;
  boundary: { three: BoundaryPeak | null; four: BoundaryPeak | null };
  /** The larger of the two peaks, null without boundary counts. */
  boundaryRatio: number | null;
  signs: ObjectivitySign[];
}

/** The municipality's totals of one procedure and year: the schools' counts added up. */
export interface MunicipalityObjectivity {
  procedure: string;
  year: string;
  schools: number;
  /** Participants of the schools whose P is known. */
  participants: number | null;
  comparison: { down: number; same: number; up: number; compared: number } | null;
  /** Boundary counts of the schools whose participants are known, with those participants. */
  three: (BoundaryCounts & { participants: number }) | null;
  four: (BoundaryCounts & { participants: number }) | null;
}

export interface ObjectivityResult {
  entries: ObjectivityEntry[];
  municipality: MunicipalityObjectivity[];
  thresholds: ObjectivityThresholds;
  minSample: number;
}

const key = (i: { school: ObjectivitySchool; procedure: string; year: string }): string => `${i.school.id}|${i.procedure}|${i.year}`;
const groupKey = (procedure: string, year: string): string => `${procedure}|${year}`;

/** Exact `numerator / denominator ≥ threshold` for thresholds written with up to 6 decimals. */
function atLeast(numerator: number, threshold: number, denominator: number): boolean {
  return numerator * 1e6 >= Math.round(threshold * 1e6) * denominator;
}

/**
 * Signs of biased marking (issue 16) for every school, procedure and year with objectivity counts:
 * «повысили» at least `upFactor` × the municipality's share and at least `upMinPercent` %, or a
 * boundary peak (exactly at the minimum for «3» or «4» against one point below) of at least
 * `boundaryRatio` in a school with at least `boundaryMinParticipants` participants. Several rows
 * of one school, procedure and year add up group by group; disagreeing rows leave that group out.
 */
export function judgeObjectivity(inputs: ObjectivityInput[], thresholds: ObjectivityThresholds, minSample: number, journal: Journal, sheet: string): ObjectivityResult {
  const groups = new Map<string, ObjectivityInput[]>();
  for (const i of inputs) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
  const entries: ObjectivityEntry[] = [];
  for (const list of groups.values()) {
    const entry = mergeRows(list, journal, sheet);
    if (entry) entries.push(entry);
  }
  const municipality = municipalTotals(entries);
  const byGroup = new Map(municipality.map((m) => [groupKey(m.procedure, m.year), m]));
  for (const e of entries) e.signs = signsOf(e, byGroup.get(groupKey(e.procedure, e.year)) as MunicipalityObjectivity, thresholds, minSample);
  return { entries, municipality, thresholds, minSample };
}

function mergeRows(list: ObjectivityInput[], journal: Journal, sheet: string): ObjectivityEntry | null {
  const first = list[0];
  const rows = list.map((i) => i.row);
  const rowsText = rows.join(', ');
  const participantsList = [...new Set(list.map((i) => i.participants).filter((p): p is number => p !== null))];
  if (participantsList.length > 1) {
    journal.error(sheet, OBJECTIVITY_TEXT.participantsDiffer(first.procedure, first.year, rowsText), { row: rows[0], school: first.school.name, action: OBJECTIVITY_TEXT.leftOutAction });
    return null;
  }
  const participants = participantsList[0] ?? null;
  const counts = emptyCounts();
  for (const g of OBJECTIVITY_GROUPS) {
    const filled = list.filter((i) => i.counts[g] !== null);
    if (filled.length === 0) continue;
    if (filled.some((i) => !sameGroup(i.counts, filled[0].counts, g))) {
      journal.error(sheet, OBJECTIVITY_TEXT.duplicateDiffers(first.procedure, first.year, OBJECTIVITY_TEXT.groups[g], filled.map((i) => i.row).join(', ')), {
        row: filled[0].row,
        school: first.school.name,
        action: OBJECTIVITY_TEXT.duplicateDiffersAction,
      });
      continue;
    }
    setGroup(counts, g, filled[0].counts);
  }
  checkAgainstParticipants(counts, participants, first, journal, sheet);
  const compared = counts.comparison ? counts.comparison.down + counts.comparison.same + counts.comparison.up : null;
  const three = counts.three ? peak(3, counts.three) : null;
  const four = counts.four ? peak(4, counts.four) : null;
  const ratios = [three, four].filter((p): p is BoundaryPeak => p !== null).map((p) => p.ratio);
  return {
    school: first.school,
    procedure: first.procedure,
    year: first.year,
    rows,
    participants,
    counts,
    compared,
    boundary: { three, four },
    boundaryRatio: ratios.length ? Math.max(...ratios) : null,
    signs: [],
  };
}

function setGroup(counts: ObjectivityCounts, g: ObjectivityGroup, from: ObjectivityCounts): void {
  if (g === 'comparison') counts.comparison = from.comparison;
  else if (g === 'three') counts.three = from.three;
  else counts.four = from.four;
}

/** More participants compared or at a boundary than took part is impossible: that group is left out. */
function checkAgainstParticipants(counts: ObjectivityCounts, participants: number | null, at: ObjectivityInput, journal: Journal, sheet: string): void {
  if (participants === null) return;
  const where = { row: at.row, school: at.school.name, action: OBJECTIVITY_TEXT.leftOutAction };
  const c = counts.comparison;
  if (c && c.down + c.same + c.up > participants) {
    journal.error(sheet, OBJECTIVITY_TEXT.comparedOverParticipants(at.procedure, at.year, c.down + c.same + c.up, participants), where);
    counts.comparison = null;
  }
  for (const [g, mark] of [['three', 3], ['four', 4]] as const) {
    const b = counts[g];
    if (b && b.at + b.below > participants) {
      journal.error(sheet, OBJECTIVITY_TEXT.boundaryOverParticipants(at.procedure, at.year, mark, b.at + b.below, participants), where);
      counts[g] = null;
    }
  }
}

/** Nobody one point below is counted as one, so that a peak over an empty score is finite and not overstated. */
function peak(mark: 3 | 4, b: BoundaryCounts): BoundaryPeak {
  return { mark, at: b.at, below: b.below, ratio: b.at / Math.max(b.below, 1) };
}

function municipalTotals(entries: ObjectivityEntry[]): MunicipalityObjectivity[] {
  const out = new Map<string, MunicipalityObjectivity>();
  for (const e of entries) {
    const k = groupKey(e.procedure, e.year);
    const m = out.get(k) ?? { procedure: e.procedure, year: e.year, schools: 0, participants: null, comparison: null, three: null, four: null };
    m.schools++;
    if (e.participants !== null) m.participants = (m.participants ?? 0) + e.participants;
    const c = e.counts.comparison;
    if (c) {
      const t = m.comparison ?? { down: 0, same: 0, up: 0, compared: 0 };
      m.comparison = { down: t.down + c.down, same: t.same + c.same, up: t.up + c.up, compared: t.compared + c.down + c.same + c.up };
    }
    for (const g of ['three', 'four'] as const) {
      const b = e.counts[g];
      if (!b || e.participants === null) continue;
      const t = m[g] ?? { at: 0, below: 0, participants: 0 };
      m[g] = { at: t.at + b.at, below: t.below + b.below, participants: t.participants + e.participants };
    }
    out.set(k, m);
  }
  return [...out.values()];
}

/** A threshold as it was set: 2 → «2», 1.5 → «1,5». */
const number = (v: number): string => String(v).replace('.', ',');

function signsOf(e: ObjectivityEntry, m: MunicipalityObjectivity, t: ObjectivityThresholds, minSample: number): ObjectivitySign[] {
  const signs: ObjectivitySign[] = [];
  const c = e.counts.comparison;
  const total = m.comparison;
  if (c && total && e.compared && e.compared > 0 && total.compared > 0) {
    // up / compared ≥ factor × U / N, in integers: up · N ≥ factor · U · compared.
    const aboveMunicipality = atLeast(c.up * total.compared, t.upFactor, total.up * e.compared);
    const aboveMinimum = atLeast(c.up * 100, t.upMinPercent, e.compared);
    if (aboveMunicipality && aboveMinimum) {
      const text = OBJECTIVITY_TEXT.signUp(formatPercent(c.up / e.compared), c.up, e.compared, number(t.upFactor), formatPercent(total.up / total.compared), number(t.upMinPercent));
      signs.push({ kind: 'up', text: e.compared < minSample ? `${text}; ${OBJECTIVITY_TEXT.smallSample(e.compared)}` : text });
    }
  }
  for (const p of [e.boundary.three, e.boundary.four]) {
    if (!p || e.participants === null || e.participants < t.boundaryMinParticipants || p.at === 0) continue;
    if (!atLeast(p.at, t.boundaryRatio, Math.max(p.below, 1))) continue;
    signs.push({ kind: p.mark === 3 ? 'boundary-3' : 'boundary-4', text: OBJECTIVITY_TEXT.signBoundary(p.mark, p.at, p.below, formatNumber(p.ratio, 2), number(t.boundaryRatio), e.participants) });
  }
  return signs;
}

/** «ВПР математика 5 кл., 2020/2021: результат с признаками необъективности — рекомендуется проверка (…)», or null without a sign. */
export function objectivityRemark(e: ObjectivityEntry): string | null {
  if (e.signs.length === 0) return null;
  return OBJECTIVITY_TEXT.remark(e.procedure, e.year, e.signs.map((s) => s.text).join('; '));
}

/**
 * The remarks of one school for the given years (the years «ШНОР» looks at: Y and Y−1), in the
 * order of `years`, then of the procedures in `procedureOrder`.
 */
export function objectivityRemarksFor(result: ObjectivityResult, schoolId: string, years: string[], procedureOrder: string[] = []): string[] {
  const rank = (p: string) => (procedureOrder.includes(p) ? procedureOrder.indexOf(p) : procedureOrder.length);
  return result.entries
    .filter((e) => e.school.id === schoolId && years.includes(e.year) && e.signs.length > 0)
    .sort((a, b) => years.indexOf(a.year) - years.indexOf(b.year) || rank(a.procedure) - rank(b.procedure) || a.procedure.localeCompare(b.procedure, 'ru'))
    .map((e) => objectivityRemark(e) as string);
}

/** The remarks of every school with a sign (one pass, for «Рассчитать»), as `objectivityRemarksFor` orders them. */
export function objectivityRemarksBySchool(result: ObjectivityResult, years: string[], procedureOrder: string[] = []): Map<string, string[]> {
  const bySchool = new Map<string, ObjectivityEntry[]>();
  for (const e of result.entries) {
    if (!years.includes(e.year) || e.signs.length === 0) continue;
    const list = bySchool.get(e.school.id);
    if (list) list.push(e);
    else bySchool.set(e.school.id, [e]);
  }
  const rank = (p: string) => (procedureOrder.includes(p) ? procedureOrder.indexOf(p) : procedureOrder.length);
  const out = new Map<string, string[]>();
  for (const [id, list] of bySchool) {
    list.sort((a, b) => years.indexOf(a.year) - years.indexOf(b.year) || rank(a.procedure) - rank(b.procedure) || a.procedure.localeCompare(b.procedure, 'ru'));
    out.set(id, list.map((e) => objectivityRemark(e) as string));
  }
  return out;
}

/** Lookup by school id, procedure and year. */
export function objectivityIndex(result: ObjectivityResult): Map<string, ObjectivityEntry> {
  return new Map(result.entries.map((e) => [key(e), e]));
}

export function objectivityKey(schoolId: string, procedure: string, year: string): string {
  return `${schoolId}|${procedure}|${year}`;
}
