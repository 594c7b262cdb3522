import { Analysis, analyze } from '../../src/engine/analyze';
import { IndicatorResult, reachesTarget } from '../../src/engine/indicators/evaluate';
import { prepareMonitoring } from '../../src/engine/indicators/prepareMonitoring';
import { targetLabel } from '../../src/engine/indicators/targets';
import { INDICATORS } from '../../src/engine/indicators/catalogue';
import { defaultSettings, settingsTable } from '../../src/engine/settings';
import { Table } from '../../src/engine/table';
import { workbook } from './municipality';
import { edit } from './sheetEdit';

const find = (a: Analysis, id: string): IndicatorResult => a.indicators.find((r) => r.indicator.id === id) as IndicatorResult;
const numbers = (r: IndicatorResult) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value, status: r.status });

/** «Мониторинг» as prepared for the test municipality, then filled in. */
function filled(changes: Parameters<typeof edit>[1]): Table {
  return edit(prepareMonitoring(workbook(), 'сегодня').sheet.values, changes);
}

describe('checklist and ratio indicators from «Мониторинг»', () => {
  const monitoring = filled({
    s01: { '1.1.1.1': true, 'Педагогов всего': 20, 'Прошли диагностику': 10, '1.1.5.1': true },
    s02: { '1.1.1.1': false, 'Педагогов всего': 10, 'Прошли диагностику': 5, '1.1.5.1': true },
    s03: { '1.1.1.1': 'да', 'Прошли диагностику': 4 },
    s04: { 'Педагогов всего': 10, 'Прошли диагностику': 3 },
    // Outside the list: counts for 1.1.5 (all schools), never for the ШНОР/ШНСУ indicators.
    s05: { '1.1.1.1': true, 'Педагогов всего': 100, 'Прошли диагностику': 100, '1.1.5.1': true },
    s06: { '1.1.5.1': 'ИСТИНА' },
  });
  const a = analyze(workbook({ Мониторинг: monitoring }));

  it('the list is s01–s04', () => {
    expect(a.schools.filter((o) => o.shnsu || o.shnor?.shnor).map((o) => o.school.code)).toEqual(['s01', 's02', 's03', 's04']);
  });

  it('checklist over ШНОР∪ШНСУ: ticks (TRUE, «да») of the listed schools only', () => {
    expect(numbers(find(a, '1.1.1.1'))).toEqual({ numerator: 2, denominator: 4, value: 0.5, status: 'not-reached' });
  });

  it('checklist over all schools of the municipality (1.1.5)', () => {
    expect(numbers(find(a, '1.1.5.1'))).toEqual({ numerator: 4, denominator: 10, value: 0.4, status: 'not-reached' });
  });

  it('ratio of summed columns over the listed schools; a school with a blank count is left out and named', () => {
    const r = find(a, '1.1.3.3');
    expect(numbers(r)).toEqual({ numerator: 18, denominator: 40, value: 0.45, status: 'not-reached' });
    expect(r.leftOut).toEqual([{ school: 'Школа 3', reason: 'не заполнено «Педагогов всего»' }]);
    expect(a.journal.some((e) => e.level === 'warning' && e.message.includes('1.1.3.3') && e.message.includes('Школа 3'))).toBe(true);
  });

  it('exactly at the target is reached (20 of 40 = 50 %)', () => {
    const b = analyze(workbook({ Мониторинг: edit(monitoring, { s04: { 'Прошли диагностику': 5 } }) }));
    expect(numbers(find(b, '1.1.3.3'))).toEqual({ numerator: 20, denominator: 40, value: 0.5, status: 'reached' });
    expect(reachesTarget(1, 3, 33.3)).toBe(true);
    expect(reachesTarget(1, 3, 33.4)).toBe(false);
  });

  it('«нет данных» when the denominator is 0 (nothing entered in the columns)', () => {
    const r = find(a, '1.1.4.3');
    expect(numbers(r)).toEqual({ numerator: 0, denominator: 0, value: null, status: 'no-data' });
    expect(r.leftOut.map((l) => l.reason)).toEqual(Array(4).fill('не заполнено «Учителей математики»'));
  });

  it('uses the targets of «Настройки»', () => {
    const settings = settingsTable(defaultSettings());
    settings.find((r) => r[0] === targetLabel(INDICATORS.find((i) => i.id === '1.1.1.1')!))![1] = 50;
    const b = analyze(workbook({ Мониторинг: monitoring, Настройки: settings }));
    expect(find(b, '1.1.1.1')).toMatchObject({ target: 50, status: 'reached' });
  });

  it('reports bad cells: text in a checkbox, a non-number, more who passed than teachers', () => {
    const b = analyze(
      workbook({ Мониторинг: edit(monitoring, { s01: { '1.1.1.2': 'частично' }, s02: { 'Педагогов всего': 'десять' }, s04: { 'Прошли диагностику': 11 } }) }),
    );
    const problems = b.journal.filter((e) => e.sheet === 'Мониторинг' && e.level !== 'info').map((e) => `${e.level}: ${e.school}: ${e.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: Школа 1: «1\.1\.1\.2»: значение «частично»/),
        expect.stringMatching(/^error: Школа 2: «Педагогов всего» = «десять»/),
        expect.stringMatching(/^error: Школа 4: «Прошли диагностику» \(11\) больше/),
      ]),
    );
    expect(find(b, '1.1.3.3')).toMatchObject({ numerator: 10, denominator: 20 });
  });
});

describe('a hand-made «Мониторинг»', () => {
  it('is read by header words: the header row below notes, a checklist column renamed after its id, unknown rows and repeats reported', () => {
    const table: Table = [
      ['Мониторинг сайтов, январь'],
      [],
      ['Код ОО', 'Школа', '1.1.1.1 Программа (сайт)', 'Педагогов всего', 'Прошли диагностику', 'Комментарий МРГ'],
      ['s01', 'Школа 1', true, 20, 10, 'ок'],
      ['s02', 'Школа 2', 'нет', 10, 5, ''],
      ['s02', 'Школа 2', true, 10, 10, 'повтор'],
      ['zz', 'Школа 99', true, 5, 5, ''],
    ];
    const a = analyze(workbook({ Мониторинг: table }));
    expect(numbers(find(a, '1.1.1.1'))).toMatchObject({ numerator: 1, denominator: 2 });
    expect(numbers(find(a, '1.1.3.3'))).toMatchObject({ numerator: 15, denominator: 30 });
    expect(find(a, '1.1.1.2')).toMatchObject({ denominator: 0, status: 'no-data' });
    const messages = a.journal.filter((e) => e.sheet === 'Мониторинг').map((e) => `${e.level} ${e.row ?? ''} ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning {2}Нет столбцов: «1\.1\.1\.2/),
        expect.stringMatching(/^warning 7 Школа «Школа 99» \(код «zz»\) не найдена/),
        expect.stringMatching(/^error 6 Повторная строка школы \(первая — строка 5\)/),
        expect.stringMatching(/^warning {2}Нет строк для 2 школ из перечня ШНОР и ШНСУ: Школа 3; Школа 4/),
      ]),
    );
    expect(a.sources.find((s) => s.role === 'monitoring')).toMatchObject({ sheet: 'Мониторинг', rows: 4 });
  });

  it('without the sheet: the journal says how to create it and the checklist indicators have no data', () => {
    const a = analyze(workbook());
    expect(a.journal.some((e) => e.message === 'Лист «Мониторинг» не найден.' && e.action?.includes('Подготовить лист мониторинга'))).toBe(true);
    for (const r of a.indicators.filter((x) => x.indicator.source.kind !== 'dynamics')) expect(r.status).toBe('no-data');
  });
});
