/**
 * Objectivity counts against what «Результаты ОП» already holds (issue 16): the result and each
 * group of counts (journal comparison, boundary «3», boundary «4») are compared on their own; a
 * result already there gets a row with only the counts; a sheet without those columns gets them
 * added right of its last column, in its header row.
 */
import { ImportHints, ImportPlan, planImport } from '../../src/engine/import';
import { readResultsObjectivity } from '../../src/engine/objectivity';
import { SchoolRegistry } from '../../src/engine/schools/registry';
import { defaultSettings } from '../../src/engine/settings';
import { HEADERS } from '../../src/engine/strings';
import { Table } from '../../src/engine/table';
import { Journal } from '../../src/engine/journal';
import { applyAppend, loadPaste, loadProtocol } from './paste';

const registry = loadPaste('registry.tsv');
const PROTOCOL = loadProtocol('vpr-math5-2021-logins.tsv');
const COMPARISON = loadProtocol('fis-oko-comparison-math5-2021.tsv');
const HINTS: ImportHints = { procedure: 'ВПР математика 5 кл.', year: '2020/2021', scale: '7; 11; 15' };
const OLD_HEADER = HEADERS.results.slice(0, 10);

function plan(paste: Table, results: Table | null, hints: ImportHints = {}): ImportPlan {
  return planImport({ paste: { name: 'Вставка', rows: paste }, results: results ? { name: 'Результаты ОП', rows: results } : null, registry, settings: defaultSettings(), hints });
}

describe('a protocol into a sheet that has the result already (from «Статистика по отметкам»)', () => {
  // 2 of 9 is 22,22 %: the same result as the protocol gives for sch240101.
  const sheet: Table = [[...OLD_HEADER], ['2020/2021', 'sch240101', 'МБОУ "СОШ № 1"', 'ВПР математика 5 кл.', 9, null, '22,22 %', null, null, null]];
  const p = plan(PROTOCOL, sheet, HINTS);

  it('adds the seven columns to the header, right of the last one, and a row with only the counts', () => {
    expect(p.append?.header).toEqual({ row: 1, column: 11, values: HEADERS.results.slice(10) });
    expect(p.append?.startRow).toBe(3);
    expect(p.append?.values).toEqual([
      ['2020/2021', 'sch240101', 'МБОУ "СОШ № 1"', 'ВПР математика 5 кл.', '', '', '', '', '', '', 3, 3, 1, 2, 1, 1, 1],
      ['2020/2021', 'sch240102', 'МБОУ "СОШ № 2"', 'ВПР математика 5 кл.', 5, 2, '', 9.8, '', '', 2, 2, 1, 0, 1, 0, 0],
    ]);
    expect(p).toMatchObject({ alreadyThere: 0, conflicts: [], objectivityRows: 2, objectivityOnlyRows: 1 });
    expect(p.journal.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'В лист «Результаты ОП» добавлены столбцы «Понизили», «Подтвердили», «Повысили», «Ровно минимум «3»», «Минимум «3» − 1», «Ровно минимум «4»», «Минимум «4» − 1» (справа от имеющихся, в строке заголовка).',
        'Строк только с данными объективности (результат уже был в листе): 1.',
      ]),
    );
  });

  const after = applyAppend(sheet, p.append);

  it('the same protocol again adds nothing', () => {
    const again = plan(PROTOCOL, after, HINTS);
    expect(again).toMatchObject({ append: null, alreadyThere: 2, conflicts: [] });
  });

  it('the rows read back as they were meant: one objectivity input per row, the row of counts with the P of its result (row 2)', () => {
    const read = readResultsObjectivity('Результаты ОП', after, new SchoolRegistry(false), new Journal());
    expect(read.objectivityOnlyRows).toEqual(new Set([2]));
    expect(read.inputs.map((i) => [i.school.code, i.row, i.participants, i.counts])).toEqual([
      ['sch240101', 3, 9, { comparison: { down: 3, same: 3, up: 1 }, three: { at: 2, below: 1 }, four: { at: 1, below: 1 } }],
      ['sch240102', 4, 5, { comparison: { down: 2, same: 2, up: 1 }, three: { at: 0, below: 1 }, four: { at: 0, below: 0 } }],
    ]);
  });

  it('then ФИС ОКО’s comparison report: the same comparison is already there, a new school gets a row of counts', () => {
    const q = plan(COMPARISON, after);
    expect(q).toMatchObject({ alreadyThere: 2, conflicts: [], objectivityOnlyRows: 1 });
    expect(q.append?.header).toBeUndefined();
    expect(q.append?.values).toEqual([['2020/2021', 'sch240104', 'МБОУ "СОШ № 4"', 'ВПР математика 5 кл.', '', '', '', '', '', '', 1, 8, 11, '', '', '', '']]);
  });

  it('a comparison that disagrees with the sheet is a conflict; the result itself is not touched', () => {
    const changed = COMPARISON.map((r) => r.slice());
    changed[22] = [changed[22][0], '2', '28,57']; // sch240101: «Понизили» 2 instead of 3…
    changed[23] = [changed[23][0], '4', '57,14']; // …and «Подтвердили» 4 instead of 3
    const q = plan(changed, after);
    expect(q.conflicts).toEqual([
      expect.objectContaining({ row: 22, code: 'sch240101', objectivityOnly: true, existing: '«Результаты ОП», строка 3: понизили 3, подтвердили 3, повысили 1', imported: 'понизили 2, подтвердили 4, повысили 1' }),
    ]);
    expect(q.alreadyThere).toBe(1);
    expect(q.journal).toContainEqual(expect.objectContaining({ level: 'error', row: 22, message: 'ВПР математика 5 кл., 2020/2021: в листе уже есть другие данные объективности («Результаты ОП», строка 3: понизили 3, подтвердили 3, повысили 1), во вставке — понизили 2, подтвердили 4, повысили 1.' }));
  });
});

describe('a protocol whose result disagrees with the sheet', () => {
  it('is a conflict as a whole: neither its result nor its counts are written', () => {
    const sheet: Table = [[...HEADERS.results], ['2020/2021', 'sch240101', 'МБОУ "СОШ № 1"', 'ВПР математика 5 кл.', 10, 2]];
    const p = plan(PROTOCOL, sheet, HINTS);
    expect(p.conflicts).toEqual([expect.objectContaining({ code: 'sch240101', existing: '«Результаты ОП», строка 2: 2 из 10', imported: '2 из 9; понизили 3, подтвердили 3, повысили 1; минимум «3» — 2, на балл ниже — 1; минимум «4» — 1, на балл ниже — 1' })]);
    expect(p.conflicts[0].objectivityOnly).toBeUndefined();
    expect(p.rows.map((r) => r[1])).toEqual(['sch240102']);
    expect(p.append?.header).toBeUndefined();
  });
});

describe('a sheet created by the import', () => {
  it('has all seventeen columns, and a report without counts leaves the seven blank', () => {
    const p = plan(PROTOCOL, null, HINTS);
    expect(p.append?.values[0]).toEqual([...HEADERS.results]);
    expect(p.append?.values[1]).toHaveLength(17);
  });
});
