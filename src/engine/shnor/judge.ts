import { decimalAtLeast, decimalScale, previousSchoolYear } from '../parse';
import { Conflict, ResultRecord, ResultsData } from './results';
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

function hasData(r: ResultRecord): boolean {
  return failedShare(r) !== null;
}

/**
 * ШНОР for one school (DESIGN §2.3). `records` are the school's results for the selected procedures
 * in years Y and Y−1; `conflicts` are its left-out groups in those years.
 */
export function judgeShnor(records: ResultRecord[], conflicts: Conflict[], year: string, settings: Settings): ShnorVerdict {
  const prev = previousSchoolYear(year);
  const low = (y: string) => records.filter((r) => r.year === y && isLow(r, settings.threshold));
  const lowY = low(year);
  const lowPrev = low(prev);
  const procY = new Set(lowY.map((r) => r.procedure.name));
  const procPrev = new Set(lowPrev.map((r) => r.procedure.name));
  const criterion1 = procY.size >= 2;
  const criterion2 = settings.sameProcedure ? [...procY].some((p) => procPrev.has(p)) : procY.size >= 1 && procPrev.size >= 1;
  const withData = records.filter(hasData);
  const status: ShnorStatus = conflicts.length > 0 ? 'needs-check' : withData.length === 0 ? 'no-data' : 'ok';
  const lowResults = [...lowPrev, ...lowY].map((r) => toLowResult(r, settings));
  const verdict: ShnorVerdict = { shnor: criterion1 || criterion2, criterion1, criterion2, status, lowResults, justification: '' };
  verdict.justification = justify(verdict, year, prev, conflicts, withData.length, settings);
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

function justify(v: ShnorVerdict, year: string, prev: string, conflicts: Conflict[], dataCount: number, settings: Settings): string {
  const inYear = (y: string) => v.lowResults.filter((l) => l.year === y);
  const parts: string[] = [];
  if (v.status === 'no-data') return `Нет результатов оценочных процедур за ${prev} и ${year}: школа не может быть отнесена к ШНОР, нужны данные.`;
  const lowY = inYear(year);
  const lowPrev = inYear(prev);
  const threshold = `${formatNumber(settings.threshold, Number.isInteger(settings.threshold) ? 0 : 1)} %`;
  if (v.criterion1) {
    parts.push(`Критерий 1: низкие результаты (не справились не менее ${threshold}) в ${year} по ${lowY.length} ${plural(lowY.length, 'процедуре', 'процедурам', 'процедурам')}: ${lowY.map(describeLow).join('; ')}.`);
  }
  if (v.criterion2) {
    const same = settings.sameProcedure ? ' по той же процедуре' : '';
    parts.push(`Критерий 2: низкие результаты${same} в обоих годах — в ${prev}: ${lowPrev.map(describeLow).join('; ')}; в ${year}: ${lowY.map(describeLow).join('; ')}.`);
  }
  if (!v.shnor) {
    if (lowY.length === 0 && lowPrev.length === 0) parts.push(`Низких результатов в ${prev} и ${year} нет (проверено результатов: ${dataCount}).`);
    else if (lowY.length === 0) parts.push(`В ${year} низких результатов нет; в ${prev}: ${lowPrev.map(describeLow).join('; ')} — критерии не выполнены.`);
    else parts.push(`В ${year} низкий результат только по одной процедуре: ${lowY.map(describeLow).join('; ')}; в ${prev} ${settings.sameProcedure && lowPrev.length > 0 ? 'низкие результаты по другим процедурам' : 'низких результатов нет'} — критерии не выполнены.`);
  }
  if (conflicts.length > 0) {
    parts.push(`Требует проверки: противоречивые строки по ${conflicts.map((c) => `${c.procedure.name}, ${c.year} (строки ${c.rows.join(', ')})`).join('; ')} не учтены.`);
  }
  return parts.join(' ');
}

/** Years Y and Y−1 results for selected procedures, grouped by school id. */
export function groupForShnor(results: ResultsData | null, year: string, settings: Settings): { records: Map<string, ResultRecord[]>; conflicts: Map<string, Conflict[]> } {
  const prev = previousSchoolYear(year);
  const records = new Map<string, ResultRecord[]>();
  const conflicts = new Map<string, Conflict[]>();
  if (!results) return { records, conflicts };
  const selected = (name: string, y: string) => settings.procedures[name] === true && (y === year || y === prev);
  for (const r of results.records) {
    if (!selected(r.procedure.name, r.year)) continue;
    const list = records.get(r.school.id) ?? [];
    list.push(r);
    records.set(r.school.id, list);
  }
  for (const c of results.conflicts) {
    if (!selected(c.procedure.name, c.year)) continue;
    const list = conflicts.get(c.school.id) ?? [];
    list.push(c);
    conflicts.set(c.school.id, list);
  }
  return { records, conflicts };
}

export type { School };
