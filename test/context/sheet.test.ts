import { HyperFormula } from 'hyperformula';
import { buildReport } from '../../src/engine/report';
import { GeneratedSheet } from '../../src/engine/sheets/generated';
import { contextOf } from '../../src/engine/context';
import { HAND, nameOf, workbook } from './fixture';

function report(input = workbook(HAND)) {
  const r = buildReport(input, '15.01.2026 10:00');
  const sheet = r.sheets.find((s) => s.name === 'Контекст') as GeneratedSheet;
  return { r, sheet, c: contextOf(r.analysis) };
}

const rowOf = (sheet: GeneratedSheet, first: string) => sheet.values.findIndex((r) => r[0] === first);

/**
 * Evaluates a recheck formula as the sheet shows it over the sheet's own values, in a spreadsheet
 * engine (Russian separators: «;» between arguments, decimal comma). HyperFormula has no INTERCEPT:
 * it is evaluated by its definition, AVERAGE(y) − SLOPE(y; x)·AVERAGE(x), over the same ranges.
 */
function evaluate(sheet: GeneratedSheet, formula: string): number {
  const data = sheet.values.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith('=') ? null : v === '' ? null : v)));
  const hf = HyperFormula.buildFromArray(data as (string | number | boolean | null)[][], {
    licenseKey: 'gpl-v3',
    functionArgSeparator: ';',
    decimalSeparator: ',',
    thousandSeparator: ' ',
    precisionRounding: 15,
    smartRounding: false,
  });
  const intercept = formula.match(/^=INTERCEPT\(([^;]+); ([^)]+)\)$/);
  const text = intercept ? `=AVERAGE(${intercept[1]})-SLOPE(${intercept[1]}; ${intercept[2]})*AVERAGE(${intercept[2]})` : formula;
  const value = hf.calculateFormula(text, 0);
  hf.destroy();
  if (typeof value !== 'number') throw new Error(`${formula}: ${JSON.stringify(value)}`);
  return value;
}

describe('«Контекст»', () => {
  it('=INTERCEPT, =SLOPE, =RSQ, =COUNT and =PERCENTILE over the sheet’s columns give the engine’s a, b, R², n and quartile', () => {
    const { sheet, c } = report();
    const formula = (label: string) => {
      const row = sheet.values.find((r) => typeof r[0] === 'string' && r[0].startsWith(label)) as unknown[];
      return { value: row[1] as number, formula: row[2] as string };
    };
    const a = formula('a — ');
    const b = formula('b — ');
    const r2 = formula('R² — ');
    const n = formula('n — ');
    const q = formula('Квартиль p');
    expect(a.formula).toMatch(/^=INTERCEPT\(D\d+:D\d+; C\d+:C\d+\)$/);
    expect(a.value).toBe(c.model!.a);
    expect(evaluate(sheet, a.formula)).toBeCloseTo(c.model!.a, 13);
    expect(evaluate(sheet, b.formula)).toBeCloseTo(c.model!.b, 14);
    expect(evaluate(sheet, r2.formula)).toBeCloseTo(c.model!.r2 as number, 13);
    expect(evaluate(sheet, n.formula)).toBe(8);
    expect(evaluate(sheet, q.formula)).toBeCloseTo(c.quartile as number, 15);
    // And the hand-worked numbers (fixture.ts).
    expect(a.value).toBeCloseTo(0.245, 12);
    expect(b.value).toBeCloseTo(-0.001, 14);
    expect(r2.value).toBeCloseTo(0.49 / 28.14, 12);
    expect(q.value).toBeCloseTo(0.0875, 15);
  });

  it('the formulas’ rows are exactly the model’s schools (by residual, largest first), then p without ИСБШ, then no p', () => {
    const { sheet } = report();
    const head = rowOf(sheet, 'Код ОО');
    const header = sheet.values[head] as string[];
    expect(header.slice(2, 6)).toEqual(['ИСБШ', 'p — доля не справившихся', 'p̂ — ожидаемая доля', 'Отклонение p − p̂']);
    const codes = sheet.values.slice(head + 1).map((r) => r[0]);
    expect(codes).toEqual(['s01', 's05', 's08', 's04', 's03', 's07', 's06', 's02', 's11', 's09', 's10']);
    const range = (sheet.values.find((r) => typeof r[2] === 'string' && r[2].startsWith('=SLOPE')) as string[])[2];
    const [, from, to] = range.match(/D(\d+):D(\d+)/) as string[];
    expect([Number(from) - 1, Number(to) - 1]).toEqual([head + 1, head + 8]);
    const pct = (sheet.values.find((r) => typeof r[2] === 'string' && r[2].startsWith('=PERCENTILE')) as string[])[2];
    expect(pct).toBe(`=PERCENTILE(D${head + 2}:D${head + 11}; 0,25)`);
    // p and ИСБШ are plain numbers in those rows; p̂ and the residual beside them.
    for (let r = head + 1; r <= head + 8; r++) for (const col of [2, 3, 4, 5]) expect(typeof sheet.values[r][col]).toBe('number');
  });

  it('marks «ниже ожидаемых», resilient and leader schools, and shows each school’s pair', () => {
    const { sheet } = report();
    const head = rowOf(sheet, 'Код ОО');
    const header = sheet.values[head] as string[];
    const row = (code: string) => sheet.values.find((r, i) => i > head && r[0] === code) as unknown[];
    const col = (name: string) => header.indexOf(name);
    expect(row('s01')[col('Результаты ниже ожидаемых')]).toBe('да');
    expect(sheet.backgrounds[sheet.values.indexOf(row('s01') as never)][col('Отклонение p − p̂')]).not.toBeNull();
    expect(row('s02')[col('Резильентная')]).toBe('да');
    expect(['s02', 's06', 's09'].map((c) => row(c)[col('Школа-лидер')])).toEqual(['да', 'да', 'да']);
    expect(row('s01')[col('Пара для сетевой поддержки')]).toBe(`→ ${nameOf('s02')} (s02)`);
    expect(row('s06')[col('Пара для сетевой поддержки')]).toBe(`← ${nameOf('s05')}; ${nameOf('s08')}`);
    expect(row('s11')[col('Пара для сетевой поддержки')]).toContain('нет ИСБШ');
    expect(row('s10')[col('Примечание')]).toBe('нет результатов процедур ШНОР за 2022/2023');
    // ΣP and ΣF, from which p is rechecked.
    expect([row('s08')[col('Участников (ΣP)')], row('s08')[col('Не справились (ΣF)')]]).toEqual([100, 21]);
  });

  it('lists the pairs «ШНОР → школа-лидер» with both schools’ ИСБШ and p, and the statement about the model', () => {
    const { sheet } = report();
    const text = sheet.values.map((r) => r.join(' | '));
    expect(text.some((t) => t.includes('статистическая модель для планирования поддержки, а не оценка школы'))).toBe(true);
    const head = rowOf(sheet, 'Код ОО (ШНОР)');
    expect(sheet.values[head].slice(0, 9)).toEqual(['Код ОО (ШНОР)', 'ШНОР → школа-лидер', 'ИСБШ ШНОР', 'p ШНОР', 'Код ОО лидера', 'ИСБШ лидера', 'p лидера', 'Разница ИСБШ', 'Местность']);
    const pairs = sheet.values.slice(head + 1, head + 5);
    expect(pairs.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['s01', `${nameOf('s01')} → ${nameOf('s02')}`, 's02'],
      ['s05', `${nameOf('s05')} → ${nameOf('s06')}`, 's06'],
      ['s08', `${nameOf('s08')} → ${nameOf('s06')}`, 's06'],
      ['s11', `${nameOf('s11')} → пара не подобрана: нет ИСБШ (анкета не заполнена / содержит ошибки)`, ''],
    ]);
    expect(pairs[0][2]).toBe(65);
    expect(pairs[0][3]).toBeCloseTo(0.28, 15);
    expect(pairs[0][5]).toBe(70);
    expect(pairs[0][6]).toBeCloseTo(0.06, 15);
    expect(pairs[0][7]).toBeCloseTo(5, 12);
    expect(pairs[0][8]).toBe('одна: село');
  });

  it('the chart covers the model’s rows: ИСБШ, p, p̂ and the ШНОР / resilient columns', () => {
    const { sheet } = report();
    const head = rowOf(sheet, 'Код ОО');
    const chart = sheet.chart!;
    expect(chart).toMatchObject({ headerRow: head, rows: 8, anchorColumn: 0 });
    expect(chart.scatter!.ranges).toEqual([
      { column: 2, columns: 3 },
      { column: 14, columns: 2 },
    ]);
    expect(chart.scatter!.series.map((s) => !!s.line)).toEqual([false, true, false, false]);
    // The reserved rows under the anchor are blank, so the chart covers nothing.
    const rowsCovered = Math.ceil(chart.height / 21);
    for (let r = chart.anchorRow + 1; r < chart.anchorRow + rowsCovered; r++) expect(sheet.values[r].every((v) => v === '')).toBe(true);
    const rows = sheet.values.slice(head + 1, head + 9);
    const shnor = rows.filter((r) => r[14] !== '').map((r) => r[0]);
    const resilient = rows.filter((r) => r[15] !== '').map((r) => r[0]);
    expect(shnor.sort()).toEqual(['s01', 's05', 's08']);
    expect(resilient).toEqual(['s02']);
  });

  it('«Сводка» and the analytic note name the schools below expectations, the resilient ones and the pairs', () => {
    const { r } = report();
    const summary = r.sheets.find((s) => s.name === 'Сводка')!;
    const text = summary.values.map((row) => row.join(' | ')).join('\n');
    expect(text).toContain('Контекст: результаты с учётом социальных условий');
    expect(text).toContain('Результаты ниже ожидаемых (на 10 п.п. и более) | 1');
    expect(text).toContain(`Резильентные школы (ШНСУ с долей не справившихся в нижнем квартиле) | 1`);
    expect(text).toContain(`${nameOf('s05')} → ${nameOf('s06')}`);
    const note = summary.values.map((row) => row[0]).find((v) => typeof v === 'string' && v.startsWith('Социальный контекст')) as string;
    expect(note).toContain('p̂ = 0,245 − 0,0010 × ИСБШ');
    expect(note).toContain(`Результаты ниже ожидаемых (на 10 п.п. и более) — у 1 школы: ${nameOf('s01')}.`);
    expect(note).toContain(`Резильентные школы — ШНСУ с результатами в лучшей четверти: ${nameOf('s02')}.`);
    expect(note).toContain(`Без пары — 1 школа: ${nameOf('s11')}.`);
  });

  it('without results the sheet says so and writes nothing else', () => {
    const input = workbook(HAND);
    delete input.tables['Результаты ОП'];
    input.sheetNames = input.sheetNames.filter((n) => n !== 'Результаты ОП');
    const { sheet } = report(input);
    expect(sheet.values.map((r) => r[0])).toContain('Нет результатов оценочных процедур за год анализа: доли не справившихся, модель и пары не рассчитаны. Заполните лист «Результаты ОП».');
    expect(sheet.chart).toBeUndefined();
  });
});
