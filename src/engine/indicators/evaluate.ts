import type { SchoolOutcome } from '../analyze';
import { Journal } from '../journal';
import { decimalScale, parseNumber, previousSchoolYear } from '../parse';
import { procedureMask } from '../shnor/procedures';
import { ResultsData, resultsOf } from '../shnor/results';
import { SchoolRegistry } from '../schools/registry';
import { Settings, parseYesNo } from '../settings';
import { INDICATOR_STATUS, MENU, SHEETS } from '../strings';
import { Cell, Table, cellText } from '../table';
import { inParts } from '../summary/nameList';
import { plural, quote } from '../text';
import { INDICATORS, Indicator, NUMBER_COLUMNS, NumberColumnKey } from './catalogue';
import { PooledShares, schoolDynamics } from './dynamics';
import { MONITORING_COLUMNS } from './monitoringColumns';
import { MonitoringEntry, entriesBySchool, readMonitoringLayout } from './readMonitoring';
import { targetPercent } from './targets';

export type IndicatorStatus = 'reached' | 'not-reached' | 'no-data';

export interface IndicatorResult {
  indicator: Indicator;
  /** Target in percent. */
  target: number;
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0. */
  value: number | null;
  status: IndicatorStatus;
  /** Schools of the population left out of the denominator, and why. */
  leftOut: { school: string; reason: string }[];
}

export const STATUS_TEXT: Record<IndicatorStatus, string> = {
  reached: INDICATOR_STATUS.reached,
  'not-reached': INDICATOR_STATUS.notReached,
  'no-data': INDICATOR_STATUS.noData,
};

/** What the evaluation needs from the analysis (its ШНОР/ШНСУ list, results and registry). */
export interface IndicatorContext {
  settings: Settings;
  year: string | null;
  schools: SchoolOutcome[];
  results: ResultsData | null;
  registry: SchoolRegistry;
}

export function isListed(o: SchoolOutcome): boolean {
  return o.shnsu || o.shnor?.shnor === true;
}

/** value ≥ target in exact arithmetic: numerator·100·d ≥ T·d·denominator. */
export function reachesTarget(numerator: number, denominator: number, targetPct: number): boolean {
  const d = decimalScale(targetPct);
  return numerator * 100 * d >= Math.round(targetPct * d) * denominator;
}

function result(indicator: Indicator, settings: Settings, numerator: number, denominator: number, leftOut: IndicatorResult['leftOut']): IndicatorResult {
  const target = targetPercent(settings, indicator);
  const status: IndicatorStatus = denominator === 0 ? 'no-data' : reachesTarget(numerator, denominator, target) ? 'reached' : 'not-reached';
  return { indicator, target, numerator, denominator, value: denominator === 0 ? null : numerator / denominator, status, leftOut };
}

const withReasons = (list: { school: string; reason: string }[]) => list.map((l) => `${l.school} (${l.reason})`);

/** Journal entries naming every school, in parts small enough for one cell each. */
function nameAll(add: (message: string) => void, lead: string, names: string[]): void {
  const parts = inParts(names);
  parts.forEach((part, i) => add(`${lead}${parts.length > 1 ? ` (часть ${i + 1} из ${parts.length})` : ''}: ${part.join('; ')}.`));
}
const schools = (n: number) => `${n} ${plural(n, 'школы', 'школ', 'школ')}`;

/**
 * Every indicator of the catalogue (DESIGN §2.5). «Мониторинг» is read, never written. Schools
 * without data are left out of the denominator and named in the journal; an empty denominator
 * gives «нет данных».
 */
export function evaluateIndicators(ctx: IndicatorContext, monitoring: { sheet: string; table: Table } | null, journal: Journal): { results: IndicatorResult[]; monitoringRows: number } {
  const sheet = monitoring?.sheet ?? SHEETS.monitoring;
  const read = monitoring ? readMonitoringRows(ctx, monitoring, journal) : null;
  const rows = read?.bySchool ?? null;
  if (!monitoring) {
    journal.warning('', `Лист «${SHEETS.monitoring}» не найден.`, { action: `показатели по чек-листу и численности педагогов — «${INDICATOR_STATUS.noData}»: выберите «${MENU.prepareMonitoring}» и заполните лист` });
  }
  const listed = ctx.schools.filter(isListed);
  const noRow = rows ? `нет строки в листе «${sheet}»` : `нет листа «${sheet}»`;
  const badCells = new Set<string>();
  // Without the sheet every school is left out for the same reason: one list per population, shared.
  const noSheet = new Map<SchoolOutcome[], IndicatorResult['leftOut']>();
  const allLeftOut = (population: SchoolOutcome[]) => {
    let list = noSheet.get(population);
    if (!list) noSheet.set(population, (list = population.map((o) => ({ school: o.school.name, reason: noRow }))));
    return list;
  };

  const checklist = (ind: Indicator): IndicatorResult => {
    const population = ind.population === 'all' ? ctx.schools : listed;
    if (!rows) return result(ind, ctx.settings, 0, 0, allLeftOut(population));
    let numerator = 0;
    let denominator = 0;
    const leftOut: IndicatorResult['leftOut'] = [];
    for (const o of population) {
      const entry = rows?.get(o.school.id);
      if (!entry || !entry.values.has(ind.id)) {
        leftOut.push({ school: o.school.name, reason: entry ? 'нет столбца' : noRow });
        continue;
      }
      denominator++;
      const cell = entry.values.get(ind.id) ?? null;
      const ticked = parseYesNo(cell);
      if (ticked === true) numerator++;
      if (ticked === null && cellText(cell) !== '') {
        journal.warning(sheet, `«${ind.id}»: значение «${quote(cellText(cell))}» — ожидается флажок (да/нет).`, { row: entry.row, school: o.school.name, action: 'считается, что пункт не выполнен' });
      }
    }
    return result(ind, ctx.settings, numerator, denominator, leftOut);
  };

  const count = (entry: MonitoringEntry, key: NumberColumnKey, school: string): number | null | 'invalid' => {
    const cell: Cell = entry.values.get(key) ?? null;
    if (cellText(cell) === '') return null;
    const n = parseNumber(cell);
    if (n && !n.percent && Number.isInteger(n.value) && n.value >= 0) return n.value;
    if (!badCells.has(`${entry.row}|${key}`)) {
      badCells.add(`${entry.row}|${key}`);
      journal.error(sheet, `«${NUMBER_COLUMNS[key]}» = «${quote(cellText(cell))}»: ожидается целое неотрицательное число.`, { row: entry.row, school, action: 'школа не учитывается в показателях с этим столбцом' });
    }
    return 'invalid';
  };

  const ratio = (ind: Indicator, num: NumberColumnKey, den: NumberColumnKey): IndicatorResult => {
    if (!rows) return result(ind, ctx.settings, 0, 0, allLeftOut(listed));
    let numerator = 0;
    let denominator = 0;
    const leftOut: IndicatorResult['leftOut'] = [];
    for (const o of listed) {
      const entry = rows?.get(o.school.id);
      if (!entry) {
        leftOut.push({ school: o.school.name, reason: noRow });
        continue;
      }
      if (!entry.values.has(num) || !entry.values.has(den)) {
        leftOut.push({ school: o.school.name, reason: 'нет столбца' });
        continue;
      }
      const d = count(entry, den, o.school.name);
      const n = count(entry, num, o.school.name);
      if (d === 'invalid' || n === 'invalid') leftOut.push({ school: o.school.name, reason: 'неверное число' });
      else if (d === null || n === null) leftOut.push({ school: o.school.name, reason: `не заполнено «${NUMBER_COLUMNS[d === null ? den : num]}»` });
      else if (n > d) {
        leftOut.push({ school: o.school.name, reason: `«${NUMBER_COLUMNS[num]}» больше, чем «${NUMBER_COLUMNS[den]}»` });
        journal.error(sheet, `«${NUMBER_COLUMNS[num]}» (${n}) больше, чем «${NUMBER_COLUMNS[den]}» (${d}).`, { row: entry.row, school: o.school.name, action: `не учитывается в показателе ${ind.id}` });
      } else {
        numerator += n;
        denominator += d;
      }
    }
    const blanks = leftOut.filter((l) => l.reason.startsWith('не заполнено'));
    if (rows && blanks.length > 0) {
      nameAll((m) => journal.warning(sheet, m, { action: 'не учтены в знаменателе' }), `Показатель ${ind.id}: нет данных у ${schools(blanks.length)}`, withReasons(blanks));
    }
    return result(ind, ctx.settings, numerator, denominator, leftOut);
  };

  let pooledShares: PooledShares | undefined;
  const dynamics = (ind: Indicator, procedures: string[]): IndicatorResult => {
    const leftOut: IndicatorResult['leftOut'] = [];
    if (!ctx.year) return result(ind, ctx.settings, 0, 0, listed.map((o) => ({ school: o.school.name, reason: 'не определён учебный год анализа' })));
    const year = ctx.year;
    const prev = previousSchoolYear(year);
    let numerator = 0;
    let denominator = 0;
    const neither: IndicatorResult['leftOut'] = [];
    const counted = procedureMask(procedures);
    const shares = ctx.settings.dynamics === 'share' ? (pooledShares ??= new PooledShares(listed.map((o) => resultsOf(ctx.results, o.school)), year, prev)) : null;
    for (let k = 0; k < listed.length; k++) {
      const o = listed[k];
      const outcome = shares ? shares.outcome(k, counted) : schoolDynamics(resultsOf(ctx.results, o.school).records, year, prev, ctx.settings.dynamics, counted);
      if (outcome.kind === 'missing') {
        const what = ctx.settings.dynamics === 'mean' ? 'среднего балла' : 'результатов';
        const reason = outcome.years.length === 0 ? 'нет сопоставимых результатов за два года' : `нет ${what} за ${outcome.years.join(' и ')}`;
        (outcome.years.length === 2 ? neither : leftOut).push({ school: o.school.name, reason });
        continue;
      }
      denominator++;
      if (outcome.kind === 'positive') numerator++;
    }
    const sheetName = ctx.results?.sheet ?? ctx.settings.resultsSheet;
    const action = 'не учтены в знаменателе (не считаются школами без положительной динамики)';
    // One year missing is a gap in the data; both missing usually means the school has no such class.
    const lead = `Показатель ${ind.id} (${procedures.join(' + ')})`;
    if (leftOut.length > 0) nameAll((m) => journal.warning(sheetName, m, { action }), `${lead}: динамику нельзя оценить у ${schools(leftOut.length)}`, withReasons(leftOut));
    if (neither.length > 0) nameAll((m) => journal.info(sheetName, m, { action }), `${lead}: нет результатов ни за один из двух лет у ${schools(neither.length)}`, neither.map((l) => l.school));
    return result(ind, ctx.settings, numerator, denominator, [...leftOut, ...neither]);
  };

  const results = INDICATORS.map((ind) => {
    const s = ind.source;
    if (s.kind === 'checklist') return checklist(ind);
    if (s.kind === 'ratio') return ratio(ind, s.numerator, s.denominator);
    return dynamics(ind, s.procedures);
  });
  return { results, monitoringRows: read?.rowCount ?? 0 };
}

/** Reads «Мониторинг» and reports what cannot be used: unknown schools, repeated rows, missing columns and rows. */
function readMonitoringRows(ctx: IndicatorContext, monitoring: { sheet: string; table: Table }, journal: Journal): { bySchool: Map<string, MonitoringEntry>; rowCount: number } {
  const { sheet, table } = monitoring;
  const layout = readMonitoringLayout(table, ctx.registry);
  if (layout.headerRow < 0) {
    journal.error(sheet, 'Не найдена строка заголовков со столбцом «Код ОО» или «Наименование ОО».', { action: `лист не учитывается; выберите «${MENU.prepareMonitoring}»` });
    return { bySchool: new Map(), rowCount: 0 };
  }
  const absent = MONITORING_COLUMNS.filter((c) => !layout.columns.has(c.key));
  if (absent.length > 0) {
    journal.warning(sheet, `Нет столбцов: ${absent.map((c) => `«${c.header}»`).join(', ')}.`, { action: `показатели по ним — «${INDICATOR_STATUS.noData}»; «${MENU.prepareMonitoring}» добавит столбцы, сохранив внесённое` });
  }
  const { bySchool, duplicates, unmatched } = entriesBySchool(layout);
  for (const e of unmatched) {
    journal.warning(sheet, `Школа «${quote(e.name || e.code)}»${e.code ? ` (код «${quote(e.code)}»)` : ''} не найдена среди школ муниципалитета.`, { row: e.row, school: quote(e.name || e.code), action: 'строка не учитывается' });
  }
  for (const e of duplicates) {
    const first = bySchool.get(e.school?.id ?? '');
    journal.error(sheet, `Повторная строка школы (первая — строка ${first?.row}).`, { row: e.row, school: e.school?.name, action: 'учитывается первая строка' });
  }
  const missing = ctx.schools.filter((o) => !bySchool.has(o.school.id));
  const missingListed = missing.filter(isListed);
  if (missingListed.length > 0) {
    const action = `не учтены в показателях; выберите «${MENU.prepareMonitoring}»`;
    nameAll((m) => journal.warning(sheet, m, { action }), `Нет строк для ${schools(missingListed.length)} из перечня ШНОР и ШНСУ`, missingListed.map((o) => o.school.name));
  }
  const missingOther = missing.filter((o) => !isListed(o));
  if (missingOther.length > 0) {
    const action = 'не учтены в показателях по всем ОО муниципалитета (1.1.5)';
    nameAll((m) => journal.info(sheet, m, { action }), `Нет строк для ${schools(missingOther.length)} вне перечня`, missingOther.map((o) => o.school.name));
  }
  return { bySchool, rowCount: layout.entries.length };
}

/** How many indicators are reached, not reached, without data (the sidebar and the summary show these). */
export function indicatorCounts(results: IndicatorResult[]): { reached: number; notReached: number; noData: number } {
  return {
    reached: results.filter((r) => r.status === 'reached').length,
    notReached: results.filter((r) => r.status === 'not-reached').length,
    noData: results.filter((r) => r.status === 'no-data').length,
  };
}
