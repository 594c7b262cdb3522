import { analyze } from '../../src/engine/analyze';
import { schoolDynamics } from '../../src/engine/indicators/dynamics';
import { IndicatorResult } from '../../src/engine/indicators/evaluate';
import { procedureByName } from '../../src/engine/shnor/procedures';
import { ResultRecord } from '../../src/engine/shnor/results';
import { defaultSettings, settingsTable } from '../../src/engine/settings';
import { PREV, RESULTS, Y, results, workbook } from './municipality';

const find = (a: ReturnType<typeof analyze>, id: string) => a.indicators.find((r) => r.indicator.id === id) as IndicatorResult;

function record(procedure: string, year: string, participants: number | null, failed: number | null, extra: Partial<ResultRecord> = {}): ResultRecord {
  return { school: { id: 'code:x', index: 0, code: 'x', name: 'X' }, procedure: procedureByName(procedure)!, year, row: 1, merged: null, participants, failed, percent: null, mean: null, ...extra };
}

describe('positive dynamics (DESIGN §2.5)', () => {
  it('ОГЭ математика over the list: s01 and s04 lower failed share, s02 the same; s03 without Y−1 is left out, not a failure', () => {
    const a = analyze(workbook());
    const r = find(a, '1.1.2.1');
    expect({ n: r.numerator, d: r.denominator, value: r.value, status: r.status }).toEqual({ n: 2, d: 3, value: 2 / 3, status: 'reached' });
    expect(r.leftOut).toEqual([{ school: 'Школа 3', reason: `нет результатов за ${PREV}` }]);
    const named = a.journal.filter((e) => e.message.startsWith('Показатель 1.1.2.1'));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ level: 'warning', sheet: 'Результаты ОП', action: expect.stringContaining('не учтены в знаменателе') });
    expect(named[0].message).toContain(`Школа 3 (нет результатов за ${PREV})`);
  });

  it('a school without results in either year is named as information; no school with data gives «нет данных»', () => {
    const a = analyze(workbook());
    const r = find(a, '1.1.2.5');
    expect(r).toMatchObject({ numerator: 0, denominator: 0, value: null, status: 'no-data' });
    const info = a.journal.find((e) => e.message.startsWith('Показатель 1.1.2.5'));
    expect(info).toMatchObject({ level: 'info' });
    expect(info?.message).toContain('Школа 1; Школа 2; Школа 3; Школа 4');
  });

  it('setting «по среднему баллу»: mean strictly higher (s02 3,5 → 3,6 now counts)', () => {
    const settings = settingsTable(defaultSettings());
    settings.find((row) => row[0] === 'Положительная динамика')![1] = 'по среднему баллу';
    const a = analyze(workbook({ Настройки: settings }));
    expect(find(a, '1.1.2.1')).toMatchObject({ numerator: 3, denominator: 3, status: 'reached' });
  });

  it('equal shares are not positive; the comparison is exact (1/3 vs 2/6)', () => {
    expect(schoolDynamics([record('ОГЭ математика', PREV, 3, 1), record('ОГЭ математика', Y, 6, 2)], Y, PREV, 'share')).toEqual({ kind: 'not-positive' });
    expect(schoolDynamics([record('ОГЭ математика', PREV, 3, 1), record('ОГЭ математика', Y, 7, 2)], Y, PREV, 'share')).toEqual({ kind: 'positive' });
    expect(schoolDynamics([record('ОГЭ математика', PREV, 0, 0), record('ОГЭ математика', Y, 7, 2)], Y, PREV, 'share')).toEqual({ kind: 'missing', years: [PREV] });
  });

  it('ЕГЭ математика: базовая and профильная pooled per year (Σ failed / Σ participants)', () => {
    const base = 'ЕГЭ математика (базовая)';
    const prof = 'ЕГЭ математика (профильная)';
    // Y−1: 2/10 + 6/10 = 8/20 = 40 %; Y: 1/10 + 5/10 = 6/20 = 30 % → positive, though профильная alone is 60 % → 50 %.
    const rows = [record(base, PREV, 10, 2), record(prof, PREV, 10, 6), record(base, Y, 10, 1), record(prof, Y, 10, 5)];
    expect(schoolDynamics(rows, Y, PREV, 'share')).toEqual({ kind: 'positive' });
    // Only профильная in Y−1, only базовая in Y: both years have an ЕГЭ математика result, so they compare.
    expect(schoolDynamics([record(prof, PREV, 10, 3), record(base, Y, 10, 1)], Y, PREV, 'share')).toEqual({ kind: 'positive' });
    // Means are on different scales (marks vs points): compared per level present in both years.
    const means = [record(base, PREV, 10, 0, { mean: 4.1 }), record(prof, PREV, 10, 0, { mean: 50 }), record(base, Y, 10, 0, { mean: 4.2 }), record(prof, Y, 10, 0, { mean: 48 })];
    expect(schoolDynamics(means, Y, PREV, 'mean')).toEqual({ kind: 'not-positive' });
    expect(schoolDynamics([record(prof, PREV, 10, 0, { mean: 50 }), record(base, Y, 10, 0, { mean: 4.2 })], Y, PREV, 'mean')).toEqual({ kind: 'missing', years: [] });
  });

  it('КДР counts for the indicators even though it is switched off for ШНОР', () => {
    const rows = [...RESULTS, [PREV, 's01', 'КДР читательская грамотность 4 кл.', 30, 12] as const, [Y, 's01', 'КДР читательская грамотность 4 кл.', 30, 6] as const];
    const a = analyze(workbook({}, { results: results(rows.map((r) => [...r]) as typeof RESULTS) }));
    expect(find(a, '1.1.2.5')).toMatchObject({ numerator: 1, denominator: 1, status: 'reached' });
  });
});
