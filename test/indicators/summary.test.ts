import { analyze } from '../../src/engine/analyze';
import { prepareMonitoring } from '../../src/engine/indicators/prepareMonitoring';
import { buildReport } from '../../src/engine/report';
import { GeneratedSheet } from '../../src/engine/sheets/generated';
import { compareLists } from '../../src/engine/summary/listChanges';
import { cellText } from '../../src/engine/table';
import { PREV, Y, questionnaire, workbook } from './municipality';
import { edit } from './sheetEdit';

const texts = (g: GeneratedSheet) => g.values.map((r) => r.map((c) => cellText(c)).filter(Boolean).join(' | '));

function monitoring() {
  return edit(prepareMonitoring(workbook(), 'сегодня').sheet.values, {
    s01: { '1.1.1.1': true, 'Педагогов всего': 20, 'Прошли диагностику': 12 },
    s02: { '1.1.1.1': true, 'Педагогов всего': 10, 'Прошли диагностику': 6 },
    s03: { '1.1.1.1': true, 'Педагогов всего': 10, 'Прошли диагностику': 2 },
    s04: { 'Педагогов всего': 10, 'Прошли диагностику': 5 },
  });
}

describe('«Сводка» for the working group', () => {
  const report = buildReport(workbook({ Мониторинг: monitoring() }), '15.01.2024 10:00');
  const summary = report.sheets.find((s) => s.name === 'Сводка') as GeneratedSheet;
  const lines = texts(summary);

  it('counts ШНОР, ШНСУ and both', () => {
    expect(lines).toEqual(expect.arrayContaining(['ШНОР | 2', 'ШНСУ | 3', 'Одновременно ШНОР и ШНСУ | 1', 'Всего в перечне | 4', 'Школ в муниципалитете | 10']));
  });

  it('compares the list with Y−1 recomputed by the same rules (ШНОР from results, ШНСУ from the questionnaire years)', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        `Изменения перечня по сравнению с предыдущим годом (${PREV})`,
        'ШНОР — вошли в перечень: Школа 2, Школа 4 | 2',
        'ШНОР — вышли из перечня: Школа 5 | 1',
        'ШНОР — остались в перечне | 0',
        'ШНСУ — вошли в перечень: Школа 3 | 1',
        'ШНСУ — вышли из перечня: Школа 5 | 1',
        'ШНСУ — остались в перечне: Школа 1, Школа 2 | 2',
        'Результатов за 2020/2021 нет: перечень ШНОР 2021/2022 восстановлен только по критерию 1.',
      ]),
    );
  });

  it('says the ШНСУ history is unknown when the questionnaire has one year only', () => {
    const current = analyze(workbook({}, { questionnaire: questionnaire(false) }));
    const changes = compareLists(current);
    expect(changes?.shnsu).toEqual({ available: false, reason: 'в анкете нет ответов за предыдущий учебный год' });
    expect(changes?.shnor).toMatchObject({ available: true, entered: ['Школа 2', 'Школа 4'], left: ['Школа 5'] });
  });

  it('lists the indicators not reached with value and target', () => {
    const at = lines.indexOf('Показатели, которые не достигнуты');
    expect(at).toBeGreaterThan(0);
    // 1.1.1.1: 3 of 4 = 75 % (target 100); 1.1.3.3: 25 of 50 = 50 % is reached.
    expect(lines.slice(at)).toEqual(expect.arrayContaining(['1.1.1.1 Программа ПКО/развития на сайте | 0.75 | 1']));
    expect(lines.some((l) => l.startsWith('1.1.3.3'))).toBe(false);
    // Unticked boxes of schools that have a row are «not done», not «no data».
    expect(lines.slice(at)).toEqual(expect.arrayContaining(['1.1.1.2 Приказ о программе на сайте | 0 | 1']));
    expect(lines.find((l) => l.startsWith('Показатели без данных'))).toContain('1.1.4.3');
  });

  it('writes an analytic note in plain Russian: what was found, targets not reached, schools needing attention', () => {
    const at = lines.indexOf('Аналитическая записка');
    const note = lines.slice(at + 1, lines.indexOf('ИСБШ по школам и граница ШНСУ')).filter(Boolean);
    expect(note[0]).toBe(
      `По итогам ${Y} учебного года в перечень для адресной поддержки включены 4 школы из 10: ШНОР — 2, ШНСУ — 3, из них одновременно ШНОР и ШНСУ — 1. ШНОР: Школа 2, Школа 4. ШНСУ: Школа 1, Школа 2, Школа 3.`,
    );
    expect(note[1]).toContain(`По сравнению с ${PREV} учебным годом`);
    expect(note[2]).toMatch(/^Из 29 плановых показателей программы достигнуто \d+, не достигнуто \d+, нет данных по \d+\. Не достигнуты: 1\.1\.1\.1 «Программа ПКО\/развития на сайте» — 75,0 % при целевом значении 100 %/);
    expect(note[3]).toBe('Особого внимания требуют школы: одновременно ШНОР и ШНСУ (низкие результаты в неблагоприятных социальных условиях) — Школа 2; низкие результаты два года подряд (критерий 2) — Школа 2, Школа 4; нет результатов оценочных процедур за два года — Школа 6, Школа 7, Школа 8, Школа 9, Школа 10.');
    expect(note[4]).toMatch(/^Социальный контекст \(лист «Контекст»\): /);
    expect(note[5]).toBe('Перечень является списком школ для адресной методической поддержки, а не рейтингом школ.');
  });

  it('holds the ИСБШ data block and a chart spec over it: columns per school, the cut-off as a line', () => {
    const chart = summary.chart;
    expect(chart).toBeDefined();
    const c = chart!;
    expect(summary.values[c.headerRow].slice(0, 3)).toEqual(['Наименование ОО', 'ИСБШ', 'Граница ШНСУ']);
    expect(c).toMatchObject({ column: 0, rows: 10, columns: 3, lineSeries: [1] });
    const block = summary.values.slice(c.headerRow + 1, c.headerRow + 1 + c.rows);
    expect(block.map((r) => r[0])).toEqual(['Школа 1', 'Школа 2', 'Школа 3', 'Школа 10', 'Школа 9', 'Школа 8', 'Школа 7', 'Школа 6', 'Школа 5', 'Школа 4']);
    expect(block.every((r) => r[2] === report.analysis.cutoff)).toBe(true);
    expect(c.anchorRow).toBeLessThan(c.headerRow);
  });
});

describe('JSON `indicators` (DESIGN §3.3)', () => {
  it('gives id, value, target and status, plus group, text, numerator and denominator', () => {
    const json = buildReport(workbook({ Мониторинг: monitoring() }), 'сейчас').json;
    expect(json.indicators).toHaveLength(29);
    expect(json.indicators?.find((i) => i.id === '1.1.2.1')).toEqual({
      id: '1.1.2.1',
      group: '1.1.2',
      text: 'Доля школ, от общего числа школ ШНОР и ШНСУ в МСО, достигших положительной динамики в результатах ОГЭ по математике',
      numerator: 2,
      denominator: 3,
      value: 2 / 3,
      target: 0.2,
      status: 'достигнуто',
    });
    expect(json.indicators?.find((i) => i.id === '1.1.1.1')).toMatchObject({ value: 0.75, target: 1, status: 'не достигнуто' });
    expect(json.indicators?.find((i) => i.id === '1.1.4.3')).toMatchObject({ value: null, denominator: 0, status: 'нет данных' });
    expect(JSON.parse(JSON.stringify(json)).indicators[0]).toMatchObject({ id: '1.1.1.1' });
  });
});
