import { buildReport } from '../../src/engine/report';
import { INDICATORS } from '../../src/engine/indicators/catalogue';
import { MONITORING_COLUMNS } from '../../src/engine/indicators/monitoringColumns';
import { prepareMonitoring } from '../../src/engine/indicators/prepareMonitoring';
import { COLORS } from '../../src/engine/sheets/generated';
import { Table, cellText } from '../../src/engine/table';
import { RESULTS, SCHOOLS, registry, results, workbook } from './municipality';
import { addColumn, cell, columnOf, edit, headerRowOf, rowOf } from './sheetEdit';

describe('«Мониторинг» prepared for the first time', () => {
  const prep = prepareMonitoring(workbook(), '15.01.2024 10:00');
  const v = prep.sheet.values;
  const head = headerRowOf(v);
  const codes = v.slice(head + 1).map((r) => r[0]);

  it('has one row per school, ШНОР/ШНСУ first (ШНОР и ШНСУ, ШНОР, ШНСУ), marked with category and status', () => {
    expect(prep.created).toBe(true);
    expect(codes).toEqual(['s02', 's04', 's01', 's03', 's05', 's06', 's07', 's08', 's09', 's10']);
    expect(v.slice(head + 1, head + 5).map((r) => [r[2], r[3]])).toEqual([
      ['ШНОР и ШНСУ', 'в перечне'],
      ['ШНОР', 'в перечне'],
      ['ШНСУ', 'в перечне'],
      ['ШНСУ', 'в перечне'],
    ]);
    expect(v[rowOf(v, 's05')].slice(2, 4)).toEqual(['', 'не в перечне']);
  });

  it('has a checkbox column per checklist item and a column per number, short headers, the full text as a note', () => {
    const headers = v[head].map((c) => cellText(c));
    const checklist = INDICATORS.filter((i) => i.source.kind === 'checklist');
    expect(headers.slice(0, 4)).toEqual(['Код ОО', 'Наименование ОО', 'Категория', 'Статус в перечне']);
    expect(headers.slice(4, 4 + checklist.length)).toEqual(checklist.map((i) => `${i.id} ${i.short}`));
    expect(headers).toEqual(expect.arrayContaining(['Педагогов всего', 'Прошли диагностику', 'Получили поддержку: регион. сети', 'Получили поддержку: муницип. МО']));
    expect(prep.sheet.checkboxes).toEqual([{ row: head + 1, col: 4, rows: SCHOOLS.length, cols: checklist.length }]);
    const note = prep.sheet.notes.find((n) => n.row === head && n.col === columnOf(v, '1.1.1.5'));
    expect(note?.text).toContain('Доля ШНОР и ШНСУ в МСО, которые использовали «Конструктор» для разработки ШППКО');
    expect(note?.text).toContain('20 %');
    expect(v[head + 1][4]).toBe(false);
  });

  it('greys the ШНОР/ШНСУ-only cells of schools outside the list, not the 1.1.5 ones', () => {
    const r = rowOf(v, 's05');
    expect(prep.sheet.backgrounds[r][columnOf(v, '1.1.1.1')]).toBe(COLORS.noData);
    expect(prep.sheet.backgrounds[r][columnOf(v, 'Педагогов всего')]).toBe(COLORS.noData);
    expect(prep.sheet.backgrounds[r][columnOf(v, '1.1.5.1')]).toBeNull();
    expect(prep.sheet.backgrounds[rowOf(v, 's01')][columnOf(v, '1.1.1.1')]).toBeNull();
  });

  it('says it is an input sheet, not one rewritten by every run', () => {
    expect(cellText(v[0][0])).toContain('заполняет рабочая группа');
    expect(cellText(v[0][0])).not.toContain('перезаписывается');
  });

  it('is never written by «Рассчитать», which reads it', () => {
    const report = buildReport(workbook({ Мониторинг: v }), 'сейчас');
    expect(report.sheets.map((s) => s.name)).not.toContain('Мониторинг');
    expect(report.sheets.map((s) => s.name)).toEqual(['ИСБШ', 'ШНОР', 'Перечень ШНОР и ШНСУ', 'Показатели', 'Сводка', 'Контекст', 'История', 'Журнал проверки']);
  });
});

describe('«Мониторинг» prepared again after the list changed', () => {
  const first = prepareMonitoring(workbook(), 'сентябрь').sheet.values;
  let entered: Table = edit(first, {
    s04: { '1.1.1.1': true, '1.1.3.1': true, 'Педагогов всего': 31, 'Прошли диагностику': 17 },
    s01: { '1.1.1.2': true, 'Получили поддержку: регион. сети': 4 },
    s06: { '1.1.5.2': true },
  });
  entered = addColumn(entered, 'Комментарий МРГ', { s04: 'собеседование 12.09', s01: 'сайт обновлён' });
  // A row of a school that is not in the registry (closed, or a typo in the code).
  entered = [...entered, ['zz99', 'Закрытая школа', '', 'в перечне', true, ...Array(entered[0].length - 5).fill('')]];

  // January: s04 has no low results any more (leaves the list), a new school s11 appears.
  const january = workbook(
    { Мониторинг: entered },
    {
      registry: registry([...SCHOOLS, ['s11', 'Школа 11']]),
      results: results(RESULTS.filter(([, code, procedure]) => !(code === 's04' && procedure === 'ВПР математика 5 кл.')).map((r) => (r[1] === 's04' && r[0] !== '2021/2022' ? [r[0], r[1], r[2], 20, 1] : r))),
    },
  );
  const prep = prepareMonitoring(january, 'январь');
  const v = prep.sheet.values;

  it('keeps every tick and number by school', () => {
    expect(cell(v, 's04', '1.1.1.1')).toBe(true);
    expect(cell(v, 's04', '1.1.3.1')).toBe(true);
    expect(cell(v, 's04', 'Педагогов всего')).toBe(31);
    expect(cell(v, 's04', 'Прошли диагностику')).toBe(17);
    expect(cell(v, 's01', '1.1.1.2')).toBe(true);
    expect(cell(v, 's01', 'Получили поддержку: регион. сети')).toBe(4);
    expect(cell(v, 's06', '1.1.5.2')).toBe(true);
    expect(cell(v, 's01', '1.1.1.1')).toBe(false);
  });

  it('keeps the column the working group added, with its values', () => {
    expect(cell(v, 's04', 'Комментарий МРГ')).toBe('собеседование 12.09');
    expect(cell(v, 's01', 'Комментарий МРГ')).toBe('сайт обновлён');
    expect(prep.changes.extraColumns).toEqual(['Комментарий МРГ']);
  });

  it('marks the school that left the list, adds the new school, keeps the unknown row at the bottom', () => {
    expect(v[rowOf(v, 's04')].slice(2, 4)).toEqual(['', 'выбыла из перечня']);
    expect(cellText(v[rowOf(v, 's11')][3])).toBe('не в перечне');
    const last = v[v.length - 1];
    expect([last[0], last[1], last[3], last[4]]).toEqual(['zz99', 'Закрытая школа', 'нет в справочнике', true]);
    expect(prep.changes).toMatchObject({ added: ['Школа 11'], left: ['Школа 4'], entered: [], orphaned: ['Закрытая школа'], kept: 11 });
    expect(prep.message).toContain('Выбыли из перечня: Школа 4.');
    expect(prep.message).toContain('Добавлены: Школа 11.');
  });

  it('keeps the mark «выбыла из перечня» on the next preparation, and loses nothing when prepared twice', () => {
    const again = prepareMonitoring({ ...january, tables: { ...january.tables, Мониторинг: v } }, 'февраль').sheet.values;
    expect(again.slice(1)).toEqual(v.slice(1));
  });

  it('the run reads the kept entries: 1.1.3.3 no longer counts s04, which left the list', () => {
    const report = buildReport(january, 'январь');
    expect(report.analysis.indicators.find((r) => r.indicator.id === '1.1.3.3')).toMatchObject({ denominator: 0, status: 'no-data' });
    const withS04 = buildReport(workbook({ Мониторинг: entered }), 'сентябрь');
    expect(withS04.analysis.indicators.find((r) => r.indicator.id === '1.1.3.3')).toMatchObject({ numerator: 17, denominator: 31 });
  });

  it('adds our columns that the sheet lacks without touching the others', () => {
    const without = entered.map((row) => row.filter((_, c) => c !== columnOf(entered, '1.1.6.1')));
    const rebuilt = prepareMonitoring(workbook({ Мониторинг: without }), 'март').sheet.values;
    expect(cell(rebuilt, 's04', '1.1.6.1')).toBe(false);
    expect(cell(rebuilt, 's04', '1.1.1.1')).toBe(true);
    expect(MONITORING_COLUMNS.every((c) => columnOf(rebuilt, c.header) >= 0)).toBe(true);
  });
});
