import type { Analysis, SchoolOutcome } from '../analyze';
import { STABLE_CUTOFF_MIN, percentileInc } from '../isbsh/formula';
import { JournalEntry } from '../journal';
import { resultsOf } from '../shnor/results';
import { CONTEXT_SHEET, CONTEXT_TEXT } from '../strings';
import { compareNames, fold } from '../text';
import { nameList } from '../summary/nameList';
import { PairingCandidate, isbshKey, pairByIsbsh } from './pairing';
import { PooledShare, pooledShare } from './pooled';
import { Line, leastSquares } from './regression';

/** The fewest schools with both ИСБШ and p for which the expected share is computed (DESIGN §2.7). */
export const CONTEXT_MIN_SCHOOLS = 8;
/** Resilient schools and leaders: p at or below this percentile of p (PERCENTILE.INC). */
export const CONTEXT_QUARTILE_P = 0.25;
/**
 * A residual this close to the setting counts as reaching it: the residual is a difference of
 * floating-point numbers, and 0.1 exactly must not come out as 0.09999999999999998.
 */
const RESIDUAL_TOLERANCE = 1e-9;

/** One school in the context model; every field is null or false where the rule gives nothing. */
export interface SchoolContext {
  outcome: SchoolOutcome;
  pooled: PooledShare;
  /** p = ΣF / ΣP in Y. */
  share: number | null;
  /** p̂ = a + b·ИСБШ; null without a model, ИСБШ or p. */
  expected: number | null;
  /** p − p̂ (positive: more failures than the school's context predicts). */
  residual: number | null;
  belowExpected: boolean;
  resilient: boolean;
  leader: boolean;
  /** The leader proposed to a ШНОР school. */
  partner: SchoolOutcome | null;
  /** The ШНОР schools paired with a leader, in pairing order. */
  partners: SchoolOutcome[];
  /** Why a ШНОР school has no partner. */
  unpaired: 'no-isbsh' | 'no-leader' | null;
}

export interface ContextPair {
  shnor: SchoolContext;
  leader: SchoolContext;
  sameLocality: boolean;
}

export interface ContextAnalysis {
  year: string | null;
  /** The fitted line; null when it is not computed (`problem` says why). */
  model: Line | null;
  problem: string | null;
  /** PERCENTILE.INC(p; 0,25) over every school with p; null when none has one. */
  quartile: number | null;
  /** Residual from which a school is «результаты ниже ожидаемых», as a share (10 п.п. → 0.1). */
  deviation: number;
  capacity: number;
  /** «Минимум участников для надёжного вывода»: below it ΣP gives no p. */
  minSample: number;
  /** Aligned with `a.schools`. */
  schools: SchoolContext[];
  /** Schools with both ИСБШ and p (the model's schools when there is a model). */
  withBoth: number;
  withShare: number;
  pairs: ContextPair[];
  /** ШНОР schools that got no leader, in pairing order (those without ИСБШ last). */
  unpaired: SchoolContext[];
}

const computed = new WeakMap<Analysis, ContextAnalysis>();

/**
 * The context of an analysis (DESIGN §2.7), computed once per analysis. Its journal entries are
 * appended to `a.journal` when it is first computed: `buildReport` asks for it right after `analyze`,
 * before anything reads the journal.
 */
export function contextOf(a: Analysis): ContextAnalysis {
  let c = computed.get(a);
  if (!c) {
    const journal: JournalEntry[] = [];
    c = computeContext(a, journal);
    a.journal.push(...journal);
    computed.set(a, c);
  }
  return c;
}

const NO_RESULTS: PooledShare = { participants: 0, failed: 0, rows: 0, unweighted: 0, share: null, missing: 'no-results' };

function computeContext(a: Analysis, journal: JournalEntry[]): ContextAnalysis {
  const year = a.year;
  const settings = a.settings;
  const schools: SchoolContext[] = a.schools.map((outcome) => {
    const pooled = year && a.results ? pooledShare(resultsOf(a.results, outcome.school), year, settings) : NO_RESULTS;
    return { outcome, pooled, share: pooled.share, expected: null, residual: null, belowExpected: false, resilient: false, leader: false, partner: null, partners: [], unpaired: null };
  });
  const context: ContextAnalysis = {
    year,
    model: null,
    problem: null,
    quartile: null,
    deviation: settings.contextDeviation / 100,
    capacity: settings.leaderCapacity,
    minSample: settings.minSample,
    schools,
    withBoth: 0,
    withShare: 0,
    pairs: [],
    unpaired: [],
  };
  if (!year || !a.results) {
    context.problem = CONTEXT_TEXT.noResults;
    return context;
  }
  const sheet = a.results.sheet;
  reportMissingShares(schools, year, settings.minSample, sheet, journal);

  const withShare = schools.filter((s) => s.share !== null);
  const both = withShare.filter((s) => s.outcome.isbsh !== null);
  context.withShare = withShare.length;
  context.withBoth = both.length;

  // Expected share: least squares over the schools that have both values.
  if (both.length < CONTEXT_MIN_SCHOOLS) context.problem = CONTEXT_TEXT.tooFew(both.length, CONTEXT_MIN_SCHOOLS);
  else if (both.every((s) => isbshKey(s.outcome.isbsh as number) === isbshKey(both[0].outcome.isbsh as number))) context.problem = CONTEXT_TEXT.sameIsbsh(both.length);
  if (context.problem) {
    journal.push({ level: 'warning', sheet: CONTEXT_SHEET, message: CONTEXT_TEXT.notComputed(context.problem), action: CONTEXT_TEXT.notComputedAction });
  } else {
    const model = leastSquares(both.map((s) => s.outcome.isbsh as number), both.map((s) => s.share as number));
    context.model = model;
    for (const s of both) {
      s.expected = model.a + model.b * (s.outcome.isbsh as number);
      s.residual = (s.share as number) - s.expected;
      s.belowExpected = s.residual >= context.deviation - RESIDUAL_TOLERANCE;
    }
  }

  // Resilient schools and leader candidates: p at or below the quartile of every p (exact, as PERCENTILE.INC).
  if (withShare.length > 0) {
    const quartile = percentileInc(withShare.map((s) => s.share as number), CONTEXT_QUARTILE_P);
    context.quartile = quartile;
    for (const s of withShare) {
      const low = (s.share as number) <= quartile;
      s.resilient = low && s.outcome.shnsu;
      s.leader = low && s.outcome.shnor?.shnor !== true && s.outcome.shnor?.status === 'ok';
    }
    if (withShare.length < STABLE_CUTOFF_MIN) {
      journal.push({ level: 'warning', sheet: CONTEXT_SHEET, message: CONTEXT_TEXT.unstableQuartile(withShare.length, STABLE_CUTOFF_MIN), action: CONTEXT_TEXT.unstableQuartileAction });
    }
  }
  pair(context, journal);
  return context;
}

/** One message per reason (not per school): a region has hundreds of schools without results. */
function reportMissingShares(schools: SchoolContext[], year: string, minSample: number, sheet: string, journal: JournalEntry[]): void {
  const names = (list: SchoolContext[], detail?: (s: SchoolContext) => string) =>
    nameList(list.map((s) => (detail ? `${s.outcome.school.name} (${detail(s)})` : s.outcome.school.name)), '; ');
  const small = schools.filter((s) => s.pooled.missing === 'small-sample');
  if (small.length > 0) {
    journal.push({ level: 'info', sheet, message: CONTEXT_TEXT.smallSample(small.length, year, minSample, names(small, (s) => CONTEXT_TEXT.participants(s.pooled.participants))), action: CONTEXT_TEXT.noShareAction });
  }
  const none = schools.filter((s) => s.pooled.missing === 'no-results');
  if (none.length > 0) journal.push({ level: 'info', sheet, message: CONTEXT_TEXT.noRows(none.length, year, names(none)), action: CONTEXT_TEXT.noShareAction });
  const unweighted = schools.reduce((n, s) => n + s.pooled.unweighted, 0);
  if (unweighted > 0) journal.push({ level: 'info', sheet, message: CONTEXT_TEXT.unweighted(unweighted, year), action: CONTEXT_TEXT.unweightedAction });
}

function pair(context: ContextAnalysis, journal: JournalEntry[]): void {
  const byCode = context.schools.map((_, i) => i).sort((i, j) => codeOrder(context.schools[i].outcome, context.schools[j].outcome) || i - j);
  const rank = new Array<number>(byCode.length);
  byCode.forEach((school, position) => (rank[school] = position));
  const candidate = (i: number): PairingCandidate => {
    const s = context.schools[i];
    return { key: isbshKey(s.outcome.isbsh as number), share: s.share ?? 0, locality: fold(s.outcome.school.locality ?? ''), rank: rank[i] };
  };
  const shnor: number[] = [];
  const shnorWithoutIsbsh: number[] = [];
  const leaders: number[] = [];
  const leadersWithoutIsbsh: number[] = [];
  context.schools.forEach((s, i) => {
    if (s.outcome.shnor?.shnor === true) (s.outcome.isbsh === null ? shnorWithoutIsbsh : shnor).push(i);
    if (s.leader) (s.outcome.isbsh === null ? leadersWithoutIsbsh : leaders).push(i);
  });
  if (shnor.length + shnorWithoutIsbsh.length === 0) return;

  const seekers = shnor.map(candidate);
  const matched = pairByIsbsh(seekers, leaders.map(candidate), context.capacity);
  const order = shnor.map((_, k) => k).sort((x, y) => seekers[x].key - seekers[y].key || seekers[x].rank - seekers[y].rank);
  const noLeader: SchoolContext[] = [];
  for (const k of order) {
    const s = context.schools[shnor[k]];
    const m = matched[k];
    if (m === null) {
      s.unpaired = 'no-leader';
      noLeader.push(s);
      continue;
    }
    const leader = context.schools[leaders[m]];
    s.partner = leader.outcome;
    leader.partners.push(s.outcome);
    const loc = candidate(shnor[k]).locality;
    context.pairs.push({ shnor: s, leader, sameLocality: loc !== '' && loc === candidate(leaders[m]).locality });
  }
  const withoutIsbsh = shnorWithoutIsbsh.map((i) => context.schools[i]).sort((x, y) => codeOrder(x.outcome, y.outcome));
  for (const s of withoutIsbsh) s.unpaired = 'no-isbsh';
  context.unpaired = [...noLeader, ...withoutIsbsh];

  const names = (list: SchoolContext[]) => nameList(list.map((s) => s.outcome.school.name), '; ');
  if (withoutIsbsh.length > 0) journal.push({ level: 'warning', sheet: CONTEXT_SHEET, message: CONTEXT_TEXT.shnorWithoutIsbsh(withoutIsbsh.length, names(withoutIsbsh)), action: CONTEXT_TEXT.noIsbshAction });
  if (noLeader.length > 0) {
    const why = leaders.length === 0 ? CONTEXT_TEXT.noLeaders : CONTEXT_TEXT.leadersFull(leaders.length, context.capacity);
    journal.push({ level: 'warning', sheet: CONTEXT_SHEET, message: CONTEXT_TEXT.shnorWithoutLeader(noLeader.length, why, names(noLeader)), action: CONTEXT_TEXT.unpairedAction });
  }
  if (leadersWithoutIsbsh.length > 0) {
    const list = leadersWithoutIsbsh.map((i) => context.schools[i]);
    journal.push({ level: 'info', sheet: CONTEXT_SHEET, message: CONTEXT_TEXT.leadersWithoutIsbsh(list.length, names(list)), action: CONTEXT_TEXT.leadersWithoutIsbshAction });
  }
}

/** Schools by code as a Russian reader orders them («2» before «10»); without a code, by name. */
export function codeOrder(x: SchoolOutcome, y: SchoolOutcome): number {
  return compareNames(x.school.code, y.school.code) || compareNames(x.school.name, y.school.name);
}
