import { Table } from '../../src/engine/table';
import { defaultSettings } from '../../src/engine/settings';
import { ImportHints, ImportPlan, detectLayout, planImport } from '../../src/engine/import';
import { loadPaste, typed } from './paste';

const registry = loadPaste('registry.tsv');

function plan(file: string | Table, hints: ImportHints = {}, results: Table | null = null, withRegistry = true): ImportPlan {
  const rows = typeof file === 'string' ? loadPaste(file) : file;
  return planImport({
    paste: { name: 'Вставка', rows },
    results: results ? { name: 'Результаты ОП', rows: results } : null,
    registry: withRegistry ? registry : null,
    settings: defaultSettings(),
    hints,
  });
}

const reasons = (p: ImportPlan) => p.skipped.map((s) => `${s.row}: ${s.reason}`);

describe('detectLayout', () => {
  it.each([
    ['fis-oko-math5-2022.tsv', 'fis-oko-marks', 6, 7],
    ['fis-oko-russian5-login-column.tsv', 'fis-oko-marks', 3, 3],
    ['vpr-export.tsv', 'vpr-export', 0, 0],
    ['gia-oge-math-2023.tsv', 'gia-schools', 2, 2],
    ['gia-ege-russian-2023.tsv', 'gia-schools', 2, 2],
    ['students-ege-math-profile-2023.tsv', 'students', 1, 1],
    ['students-untitled.tsv', 'students', 0, 0],
  ])('%s → %s', (file, kind, top, row) => {
    const d = detectLayout(loadPaste(file));
    expect(d).toMatchObject({ kind, headerTop: top, headerRow: row });
  });

  it('finds nothing in a table without a known header', () => {
    expect(detectLayout([['Список'], ['Иванов', 'Петров']])).toBeNull();
  });
});

describe('ФИС ОКО «Статистика по отметкам»', () => {
  it('reads subject, class and year from the titles, school rows by login, skips totals and unknown logins', () => {
    const p = plan('fis-oko-math5-2022.tsv');
    expect(p).toMatchObject({ layout: 'fis-oko-marks', procedure: 'ВПР математика 5 кл.', year: '2021/2022', needs: [], schools: 4, alreadyThere: 0, conflicts: [] });
    // The seven objectivity columns stay blank: this report has no journal comparison.
    expect(p.rows.map((r) => r.slice(10))).toEqual(p.rows.map(() => ['', '', '', '', '', '', '']));
    expect(p.rows.map((r) => r.slice(0, 10))).toEqual([
      ['2021/2022', 'sch240101', 'МБОУ "СОШ № 1"', 'ВПР математика 5 кл.', 87, '', '11,49 %', '', '', ''],
      ['2021/2022', 'sch240102', 'МБОУ "СОШ № 2"', 'ВПР математика 5 кл.', 84, '', '35,71 %', '', '', ''],
      ['2021/2022', 'sch240103', 'МАОУ "Гимназия № 3"', 'ВПР математика 5 кл.', 70, '', '1,43 %', '', '', ''],
      ['2021/2022', 'sch240104', 'МБОУ "СОШ № 4"', 'ВПР математика 5 кл.', 52, '', '32,69 %', '', '', ''],
    ]);
    expect(reasons(p)).toEqual([
      '9: итоговая строка «Вся выборка»',
      '10: итоговая строка «Иркутская обл.»',
      '11: итоговая строка «Северный район»',
      expect.stringMatching(/^16: школа «МБОУ "СОШ № 99" \(sch240199\)» не найдена в справочнике/),
    ]);
    expect(p.append).toMatchObject({ sheet: 'Результаты ОП', createSheet: true, startRow: 1 });
    expect(p.append?.values[0]).toEqual([
      'Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не справились', '% не справившихся', 'Средний балл', 'Категория', 'Этап',
      'Понизили', 'Подтвердили', 'Повысили', 'Ровно минимум «3»', 'Минимум «3» − 1', 'Ровно минимум «4»', 'Минимум «4» − 1',
    ]);
    expect(p.append?.header).toBeUndefined();
    expect(p.journal.find((e) => e.level === 'error')).toMatchObject({ sheet: 'Вставка', row: 16, action: 'строка не добавлена' });
    expect(p.journal.some((e) => e.level === 'info' && /по дате/.test(e.message))).toBe(true);
  });

  it('reads the same paste after Sheets typed its numbers, and percent-formatted fractions', () => {
    const asNumbers = typed(loadPaste('fis-oko-math5-2022.tsv'));
    expect(plan(asNumbers).rows.map((r) => r[6])).toEqual(['11,49 %', '35,71 %', '1,43 %', '32,69 %']);
    const fractions = asNumbers.map((row, i) => (i >= 8 ? row.map((v, c) => (c >= 3 && typeof v === 'number' ? v / 100 : v)) : row));
    expect(plan(fractions).rows.map((r) => r[6])).toEqual(['11,49 %', '35,71 %', '1,43 %', '32,69 %']);
  });

  it('takes the login from its own column, wherever the table starts; spacer rows are not reported', () => {
    const p = plan('fis-oko-russian5-login-column.tsv');
    expect(p).toMatchObject({ procedure: 'ВПР русский язык 5 кл.', year: '2021/2022', schools: 5 });
    expect(p.rows.map((r) => [r[1], r[4], r[6]])).toEqual([
      ['sch240101', 88, '8 %'],
      ['sch240102', 80, '12,5 %'],
      ['sch240103', 71, '0 %'],
      ['sch240104', 50, '18 %'],
      ['sch240105', 12, '25 %'],
    ]);
    expect(reasons(p)).toEqual(['5: итоговая строка «Вся выборка»', '6: итоговая строка «Северный район»']);
    expect(p.journal.some((e) => e.level === 'warning' && e.message === 'Год «2022» понят как учебный год 2021/2022.')).toBe(true);
  });

  it('a hint overrides what the titles say', () => {
    const p = plan('fis-oko-math5-2022.tsv', { procedure: 'ВПР математика 6 кл.', year: '2022/2023' });
    expect(p).toMatchObject({ procedure: 'ВПР математика 6 кл.', year: '2022/2023', proposed: { procedure: 'ВПР математика 5 кл.', year: '2021/2022' } });
    expect(p.rows[0].slice(0, 4)).toEqual(['2022/2023', 'sch240101', 'МБОУ "СОШ № 1"', 'ВПР математика 6 кл.']);
  });
});

describe('flat ВПР export', () => {
  it('takes procedure and year per row; skips the total', () => {
    const p = plan('vpr-export.tsv');
    expect(p).toMatchObject({ layout: 'vpr-export', perRow: { procedure: true, year: true }, needs: [], procedure: null, year: null });
    expect(p.procedures).toEqual(['ВПР математика 5 кл.', 'ВПР математика 6 кл.', 'ВПР русский язык 5 кл.', 'ВПР русский язык 6 кл.']);
    expect(p.years).toEqual(['2020/2021', '2021/2022']);
    expect(p.rows.map((r) => [r[0], r[1], r[3], r[4], r[6]])).toEqual([
      ['2020/2021', 'sch240101', 'ВПР математика 5 кл.', 90, '10 %'],
      ['2020/2021', 'sch240102', 'ВПР русский язык 5 кл.', 85, '31,76 %'],
      ['2021/2022', 'sch240105', 'ВПР математика 6 кл.', 14, '50 %'],
      ['2021/2022', 'sch240103', 'ВПР русский язык 6 кл.', 68, '2,94 %'],
    ]);
    expect(reasons(p)).toEqual(['7: итоговая строка «Итого по муниципалитету»']);
    expect(p.journal.filter((e) => e.level === 'warning').map((e) => e.message)).toEqual([
      'Год «2021» понят как учебный год 2020/2021.',
      'Год «2022» понят как учебный год 2021/2022.',
    ]);
  });
});

describe('ГИА by school', () => {
  it('counts of «2» and the mean score; the trailing «Итого» is skipped', () => {
    const p = plan('gia-oge-math-2023.tsv');
    expect(p).toMatchObject({ layout: 'gia-schools', procedure: 'ОГЭ математика', year: '2022/2023', schools: 4 });
    expect(p.rows[1].slice(0, 10)).toEqual(['2022/2023', 'sch240102', 'МБОУ "СОШ № 2"', 'ОГЭ математика', 30, 12, '', 3.1, '', '']);
    expect(reasons(p)).toEqual(['8: итоговая строка «Итого»']);
  });

  it('a percentage of those below the threshold; schools by name through the registry; an unknown school with candidates', () => {
    const p = plan('gia-ege-russian-2023.tsv');
    expect(p).toMatchObject({ procedure: 'ЕГЭ русский язык', year: '2022/2023', schools: 4 });
    expect(p.rows.map((r) => [r[1], r[4], r[5], r[6]])).toEqual([
      ['sch240101', 40, '', '0 %'],
      ['sch240102', 27, '', '33,33 %'],
      ['sch240103', 35, '', '0 %'],
      ['sch240104', 22, '', '4,55 %'],
    ]);
    expect(reasons(p)).toEqual([
      expect.stringMatching(/^8: школа «Средняя школа № 12» не найдена в справочнике/),
      '9: итоговая строка «Всего по району»',
    ]);
    const unknown = p.journal.find((e) => e.level === 'error');
    expect(unknown).toMatchObject({ row: 8, school: 'Средняя школа № 12' });
  });

  it('a «Предмет» column completed with the kind from the titles; past graduates left out', () => {
    const p = plan([
      ['Результаты ОГЭ, 2023'],
      ['Код ОО', 'Предмет', 'Категория', 'Участников', 'Не справились'],
      ['sch240101', 'Математика', null, '50', '5'],
      ['sch240101', 'Русский язык', null, '50', '2'],
      ['sch240102', 'Математика', 'ВПЛ', '3', '1'],
      ['sch240102', 'Физика', null, '20', '1'],
    ]);
    expect(p).toMatchObject({ perRow: { procedure: true, year: false }, needs: [], year: '2022/2023' });
    expect(p.rows.map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      ['sch240101', 'ОГЭ математика', 50, 5],
      ['sch240101', 'ОГЭ русский язык', 50, 2],
    ]);
    expect(reasons(p)).toEqual(['5: выпускник прошлых лет (не учитывается)', '6: процедура «Физика» не распознана']);
  });

  it('reports a count larger than the participants', () => {
    const table = loadPaste('gia-oge-math-2023.tsv');
    table[3][4] = '61';
    expect(reasons(plan(table))[0]).toBe('4: не справились (61) больше, чем участников (60)');
  });
});

describe('one row per participant', () => {
  const p = plan('students-ege-math-profile-2023.tsv');

  it('aggregates per school: below the minimum score of the exam failed; ВПЛ and re-takes left out', () => {
    expect(p).toMatchObject({ layout: 'students', procedure: 'ЕГЭ математика (профильная)', year: '2022/2023', schools: 3 });
    expect(p.rows.map((r) => [r[1], r[4], r[5]])).toEqual([
      ['sch240104', 10, 4],
      ['sch240101', 8, 1],
      ['sch240102', 5, 1],
    ]);
    expect(p.rows[0][7]).toBe(36.7);
    expect(reasons(p)).toEqual([
      '13: выпускник прошлых лет (не учитывается)',
      '14: пересдача / дополнительный период (не учитывается)',
      '28: нет отметки или балла, по которым можно решить, преодолён ли порог',
    ]);
  });

  it('never lets a name reach the plan, the rows or the journal', () => {
    const text = JSON.stringify(p);
    for (const row of loadPaste('students-ege-math-profile-2023.tsv').slice(2)) {
      const name = row[1];
      if (typeof name === 'string') expect(text).not.toContain(name.split(' ')[0]);
    }
  });

  it('uses the minimum score from the settings', () => {
    const settings = defaultSettings();
    settings.minScores['ЕГЭ математика (профильная)'] = 40;
    const strict = planImport({ paste: { name: 'Вставка', rows: loadPaste('students-ege-math-profile-2023.tsv') }, results: null, registry, settings });
    expect(strict.rows.map((r) => r[5])).toEqual([6, 2, 2]);
  });

  it('asks for procedure and year when the paste says neither; counts mark «2» once told', () => {
    const asked = plan('students-untitled.tsv');
    expect(asked).toMatchObject({ needs: ['procedure', 'year'], rows: [], append: null, schools: 2 });
    const told = plan('students-untitled.tsv', { procedure: 'ОГЭ русский язык', year: '2023' });
    expect(told.needs).toEqual([]);
    expect(told.rows.map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      ['2022/2023', 'sch240101', 'ОГЭ русский язык', 3, 1],
      ['2022/2023', 'sch240103', 'ОГЭ русский язык', 2, 0],
    ]);
  });
});

describe('without «Справочник ОО»', () => {
  it('takes schools as the paste names them (login in parentheses → code)', () => {
    const p = plan('fis-oko-math5-2022.tsv', {}, null, false);
    expect(p.rows.map((r) => r[1])).toEqual(['sch240101', 'sch240102', 'sch240103', 'sch240104', 'sch240199']);
    expect(p.rows[4][2]).toBe('МБОУ "СОШ № 99"');
  });
});

describe('a paste that is not a report', () => {
  it('is reported and nothing is planned', () => {
    const p = plan([['Список'], ['Иванов', 'Петров']]);
    expect(p).toMatchObject({ layout: null, rows: [], append: null });
    expect(p.journal[0]).toMatchObject({ level: 'error', sheet: 'Вставка' });
  });
});
