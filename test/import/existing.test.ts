import { analyze } from '../../src/engine/analyze';
import { planImport } from '../../src/engine/import';
import { defaultSettings } from '../../src/engine/settings';
import { HEADERS } from '../../src/engine/strings';
import { Table } from '../../src/engine/table';
import { applyAppend, loadPaste } from './paste';

const registry = loadPaste('registry.tsv');

function plan(paste: Table | string, results: Table | null) {
  return planImport({
    paste: { name: 'Вставка', rows: typeof paste === 'string' ? loadPaste(paste) : paste },
    results: results ? { name: 'Результаты ОП', rows: results } : null,
    registry,
    settings: defaultSettings(),
  });
}

describe('importing into «Результаты ОП» that already has rows', () => {
  const first = plan('fis-oko-math5-2022.tsv', null);
  const afterFirst = applyAppend(null, first.append);

  it('the same paste twice adds nothing', () => {
    const again = plan('fis-oko-math5-2022.tsv', afterFirst);
    expect(again).toMatchObject({ alreadyThere: 4, conflicts: [], rows: [], append: null });
    expect(again.journal.some((e) => e.message.startsWith('4 результатов уже есть в листе «Результаты ОП»'))).toBe(true);
  });

  it('a row typed by hand with the same count counts as already there (11,49 % of 87 = 10)', () => {
    const typedByHand: Table = [[...HEADERS.results], ['2021/2022', 'sch240101', 'СОШ 1', 'ВПР 5 кл. математика', 87, 10, null, null, null, null]];
    const p = plan('fis-oko-math5-2022.tsv', typedByHand);
    expect(p.alreadyThere).toBe(1);
    expect(p.rows.map((r) => r[1])).toEqual(['sch240102', 'sch240103', 'sch240104']);
    expect(p.append).toMatchObject({ createSheet: false, startRow: 3 });
  });

  it('different numbers are a conflict, never overwritten', () => {
    const changed = afterFirst.map((r) => r.slice());
    changed[2][6] = '30 %';
    const p = plan('fis-oko-math5-2022.tsv', changed);
    expect(p.alreadyThere).toBe(3);
    expect(p.conflicts).toEqual([
      { row: 13, school: 'МБОУ "СОШ № 2"', code: 'sch240102', procedure: 'ВПР математика 5 кл.', year: '2021/2022', existing: '«Результаты ОП», строка 3: 30,0 % из 84', imported: '35,71 % из 84' },
    ]);
    expect(p.append).toBeNull();
    expect(p.journal.find((e) => e.level === 'error' && e.row === 13)).toMatchObject({ school: 'МБОУ "СОШ № 2"', action: 'строка не добавлена: проверьте, какие данные верны' });
  });

  it('a paste that repeats a school: identical rows once, disagreeing rows a conflict', () => {
    const paste = loadPaste('gia-oge-math-2023.tsv');
    const withRepeats = [...paste.slice(0, 7), paste[3].slice(), ['sch240102', 'МБОУ "СОШ № 2"', '30', '3,1', '11', '36,67'], ...paste.slice(7)];
    const p = plan(withRepeats, null);
    expect(p.rows.map((r) => r[1])).toEqual(['sch240101', 'sch240103', 'sch240104']);
    expect(p.conflicts).toMatchObject([{ row: 9, code: 'sch240102', existing: 'строка 5: 12 из 30', imported: '11 из 30' }]);
    expect(p.skipped).toContainEqual({ row: 8, reason: 'повторяет строку 4 вставки' });
  });

  it('appends in the sheet’s own column order, under its last row, following a column of fractions', () => {
    const reordered: Table = [
      ['Результаты оценочных процедур'],
      ['Процедура', 'Учебный год', 'Код ОО', '% не справившихся', 'Участников', 'Примечание'],
      ['ОГЭ математика', '2021/2022', 'sch240101', 0.1, 50, 'из отчёта'],
    ];
    const p = plan('fis-oko-math5-2022.tsv', reordered);
    expect(p.append?.startRow).toBe(4);
    expect(p.append?.values[0]).toEqual(['ВПР математика 5 кл.', '2021/2022', 'sch240101', 0.1149, 87, '']);
    const read = analyze({ sheetNames: ['Результаты ОП', 'Справочник ОО'], tables: { 'Результаты ОП': applyAppend(reordered, p.append), 'Справочник ОО': registry } });
    const percent = read.results?.records.find((r) => r.school.code === 'sch240102' && r.procedure.name === 'ВПР математика 5 кл.')?.percent;
    expect(percent).toBeCloseTo(35.71, 9);
  });

  it('refuses to append under a sheet whose header it cannot read', () => {
    const p = plan('fis-oko-math5-2022.tsv', [['Школа', 'Что-то']]);
    expect(p.blocked).toMatch(/не найдены столбцы «Учебный год», «Процедура»/);
    expect(p.append).toBeNull();
  });

  it('a results sheet that lacks a column a row needs: that row is skipped, the others appended', () => {
    const noPercent: Table = [['Учебный год', 'Код ОО', 'Процедура', 'Участников', 'Не справились']];
    const p = plan('fis-oko-math5-2022.tsv', noPercent);
    expect(p.append).toBeNull();
    expect(p.skipped.filter((s) => s.reason === 'в листе «Результаты ОП» нет столбца «% не справившихся»')).toHaveLength(4);
  });
});
