import { decimalAtLeast, decimalScale, previousSchoolYear } from '../parse';
import { procedureIndex } from './procedures';
import { Conflict, ResultRecord, SchoolResults } from './results';
import { School } from '../schools/registry';
import { Settings } from '../settings';
import { wilsonInterval } from './wilson';
import { formatNumber, formatPercent, plural } from '../text';

export type ShnorStatus = 'ok' | 'no-data' | 'needs-check';

export interface LowResult {
  year: string;
  procedure: string;
  participants: number | null;
  failed: number | null;
  share: number;
  smallSample: boolean;
  /** 95 % Wilson interval of the failed share, for small samples. */
  interval?: { low: number; high: number };
}

export interface ShnorVerdict {
  shnor: boolean;
  criterion1: boolean;
  criterion2: boolean;
  status: ShnorStatus;
  lowResults: LowResult[];
  justification: string;
}

/** Failed share of a record (null = «нет данных»). */
export function failedShare(r: Pick<ResultRecord, 'participants' | 'failed' | 'percent'>): number | null {
  if (r.failed !== null && r.participants !== null && r.participants > 0) return r.failed / r.participants;
  if (r.percent !== null) return r.percent / 100;
  return null;
}

/**
 * Low result (DESIGN §2.2) in exact arithmetic: F·100·d ≥ T·d·P where d makes the threshold whole.
 * With only a percentage: low when the percentage as given ≥ T. P = 0 or missing F: never low.
 */
export function isLow(r: Pick<ResultRecord, 'participants' | 'failed' | 'percent'>, threshold: number): boolean {
  if (r.failed !== null && r.participants !== null) {
    if (r.participants <= 0) return false;
    const d = decimalScale(threshold);
    return r.failed * 100 * d >= Math.round(threshold * d) * r.participants;
  }
  if (r.percent !== null && r.participants !== 0) return decimalAtLeast(r.percent, threshold);
  return false;
}

/** The flags of one school in one school year, without the justification (history reads many years). */
export interface ShnorFlags {
  shnor: boolean;
  criterion1: boolean;
  criterion2: boolean;
  status: ShnorStatus;
}

/** What one year of a school's results says: its low results and how many results have data. */
interface YearView {
  low: ResultRecord[];
  /** Bit i set: procedure i of the catalogue has a low result. */
  lowMask: number;
  withData: number;
  conflicts: number;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

function emptyView(): YearView {
  return { low: [], lowMask: 0, withData: 0, conflicts: 0 };
}

/** Views of school year `year` and of `prev` from one pass over the school's results. */
function viewsOf(results: SchoolResults, year: string, prev: string, settings: Settings, keepLow: boolean): { now: YearView; before: YearView } {
  const now = emptyView();
  const before = emptyView();
  const records = results.records;
  const threshold = settings.threshold;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const view = r.year === year ? now : r.year === prev ? before : null;
    if (view === null || settings.procedures[r.procedure.name] !== true) continue;
    if (failedShare(r) !== null) view.withData++;
    if (isLow(r, threshold)) {
      if (keepLow) view.low.push(r);
      view.lowMask |= 1 << procedureIndex(r.procedure);
    }
  }
  const conflicts = results.conflicts;
  for (let i = 0; i < conflicts.length; i++) {
    const c = conflicts[i];
    const view = c.year === year ? now : c.year === prev ? before : null;
    if (view !== null && settings.procedures[c.procedure.name] === true) view.conflicts++;
  }
  return { now, before };
}

function flagsOf(now: YearView, before: YearView, settings: Settings): ShnorFlags {
  const criterion1 = bitCount(now.lowMask) >= 2;
  const criterion2 = settings.sameProcedure ? (now.lowMask & before.lowMask) !== 0 : now.lowMask !== 0 && before.lowMask !== 0;
  const status: ShnorStatus = now.conflicts + before.conflicts > 0 ? 'needs-check' : now.withData + before.withData === 0 ? 'no-data' : 'ok';
  return { shnor: criterion1 || criterion2, criterion1, criterion2, status };
}

/** School years by position, and where the year before each one stands (−1 when absent). */
export interface YearIndex {
  years: readonly string[];
  at: ReadonlyMap<string, number>;
  previous: readonly number[];
}

export function yearIndex(years: readonly string[]): YearIndex {
  const at = new Map(years.map((y, i) => [y, i] as [string, number]));
  return { years, at, previous: years.map((y) => at.get(previousSchoolYear(y)) ?? -1) };
}

const scratch = { mask: [] as number[], withData: [] as number[], conflicts: [] as number[] };

/**
 * ШНОР of one school for each year of `index` (DESIGN §2.6: the rules of §2.3 with Y = X), from one
 * pass over its results: per year a mask of low procedures, the results with data and the conflicts.
 */
export function shnorFlagsByYear(results: SchoolResults, index: YearIndex, settings: Settings): ShnorFlags[] {
  const n = index.years.length;
  const { mask, withData, conflicts } = scratch;
  for (let i = 0; i < n; i++) mask[i] = withData[i] = conflicts[i] = 0;
  const records = results.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const y = index.at.get(r.year);
    if (y === undefined || settings.procedures[r.procedure.name] !== true) continue;
    if (failedShare(r) !== null) withData[y]++;
    if (isLow(r, settings.threshold)) mask[y] |= 1 << procedureIndex(r.procedure);
  }
  for (const c of results.conflicts) {
    const y = index.at.get(c.year);
    if (y !== undefined && settings.procedures[c.procedure.name] === true) conflicts[y]++;
  }
  const out: ShnorFlags[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = index.previous[i];
    const now: YearView = { low: NO_LOW, lowMask: mask[i], withData: withData[i], conflicts: conflicts[i] };
    out[i] = flagsOf(now, p < 0 ? NO_YEAR : { low: NO_LOW, lowMask: mask[p], withData: withData[p], conflicts: conflicts[p] }, settings);
  }
  return out;
}

const NO_LOW: ResultRecord[] = [];
const NO_YEAR: YearView = { low: [], lowMask: 0, withData: 0, conflicts: 0 };

/** ШНОР of one school for school year `year` (DESIGN §2.3): results of `year` and the year before. */
export function shnorFlags(results: SchoolResults, year: string, settings: Settings): ShnorFlags {
  const { now, before } = viewsOf(results, year, previousSchoolYear(year), settings, false);
  return flagsOf(now, before, settings);
}

/**
 * ШНОР for one school (DESIGN §2.3) with its justification. `results` are all the school's results;
 * only the procedures switched on and the years Y and Y−1 count.
 */
export function judgeShnor(results: SchoolResults, year: string, settings: Settings): ShnorVerdict {
  const prev = previousSchoolYear(year);
  const { now, before } = viewsOf(results, year, prev, settings, true);
  const flags = flagsOf(now, before, settings);
  const lowResults: LowResult[] = [];
  for (let i = 0; i < before.low.length; i++) lowResults.push(toLowResult(before.low[i], settings));
  for (let i = 0; i < now.low.length; i++) lowResults.push(toLowResult(now.low[i], settings));
  const verdict: ShnorVerdict = { shnor: flags.shnor, criterion1: flags.criterion1, criterion2: flags.criterion2, status: flags.status, lowResults, justification: '' };
  const conflicts = now.conflicts + before.conflicts > 0 ? results.conflicts.filter((c) => (c.year === year || c.year === prev) && settings.procedures[c.procedure.name] === true) : [];
  verdict.justification = justify(verdict, year, prev, conflicts, now.withData + before.withData, settings);
  return verdict;
}

function toLowResult(r: ResultRecord, settings: Settings): LowResult {
  const share = failedShare(r) as number;
  const smallSample = r.participants !== null && r.participants < settings.minSample;
  const out: LowResult = { year: r.year, procedure: r.procedure.name, participants: r.participants, failed: r.failed, share, smallSample };
  if (smallSample && r.participants !== null && r.participants > 0) {
    out.interval = wilsonInterval(r.failed ?? Math.round(share * r.participants), r.participants);
  }
  return out;
}

/** «ВПР математика 5 кл. — 14 из 40 (35,0 %)», with the small-sample mark when it applies. */
export function describeLow(l: LowResult): string {
  const numbers = l.failed !== null && l.participants !== null ? `${l.failed} из ${l.participants}, ${formatPercent(l.share)}` : `${formatPercent(l.share)} не справились${l.participants !== null ? ` из ${l.participants}` : ''}`;
  const small = l.smallSample && l.interval ? `; малая выборка, 95 % интервал ${formatNumber(l.interval.low * 100, 0)}–${formatNumber(l.interval.high * 100, 0)} %` : l.smallSample ? '; малая выборка' : '';
  return `${l.procedure} (${numbers}${small})`;
}

let lastThreshold = NaN;
let lastThresholdText = '';
/** «30 %»: said in every justification, formatted once. */
function thresholdText(t: number): string {
  if (t !== lastThreshold) {
    lastThreshold = t;
    lastThresholdText = `${formatNumber(t, Number.isInteger(t) ? 0 : 1)} %`;
  }
  return lastThresholdText;
}

function justify(v: ShnorVerdict, year: string, prev: string, conflicts: Conflict[], dataCount: number, settings: Settings): string {
  const parts: string[] = [];
  if (v.status === 'no-data') return `Нет результатов оценочных процедур за ${prev} и ${year}: школа не может быть отнесена к ШНОР, нужны данные.`;
  // Each low result is described once, though both criteria may name it.
  const lowY: string[] = [];
  const lowPrev: string[] = [];
  for (const l of v.lowResults) (l.year === year ? lowY : lowPrev).push(describeLow(l));
  const threshold = thresholdText(settings.threshold);
  if (v.criterion1) {
    parts.push(`Критерий 1: низкие результаты (не справились не менее ${threshold}) в ${year} по ${lowY.length} ${plural(lowY.length, 'процедуре', 'процедурам', 'процедурам')}: ${lowY.join('; ')}.`);
  }
  if (v.criterion2) {
    const same = settings.sameProcedure ? ' по той же процедуре' : '';
    parts.push(`Критерий 2: низкие результаты${same} в обоих годах — в ${prev}: ${lowPrev.join('; ')}; в ${year}: ${lowY.join('; ')}.`);
  }
  if (!v.shnor) {
    if (lowY.length === 0 && lowPrev.length === 0) parts.push(`Низких результатов в ${prev} и ${year} нет (проверено результатов: ${dataCount}).`);
    else if (lowY.length === 0) parts.push(`В ${year} низких результатов нет; в ${prev}: ${lowPrev.join('; ')} — критерии не выполнены.`);
    else parts.push(`В ${year} низкий результат только по одной процедуре: ${lowY.join('; ')}; в ${prev} ${settings.sameProcedure && lowPrev.length > 0 ? 'низкие результаты по другим процедурам' : 'низких результатов нет'} — критерии не выполнены.`);
  }
  if (conflicts.length > 0) {
    parts.push(`Требует проверки: противоречивые строки по ${conflicts.map((c) => `${c.procedure.name}, ${c.year} (строки ${c.rows.join(', ')})`).join('; ')} не учтены.`);
  }
  return parts.join(' ');
}

export type { School };
