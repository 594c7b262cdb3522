import { applyImport, getImportOptions, previewImport } from '../../src/addon/importPanel';
import { HEADERS } from '../../src/engine/strings';
import { AppsScriptEnvironment, installGlobals, sheetsEnvironment } from '../support/appsScriptVm';
import { loadPaste, typed } from './paste';

let env: AppsScriptEnvironment;
let restore: () => void;

beforeEach(() => {
  env = sheetsEnvironment({
    sheets: [
      { name: 'Справочник ОО', rows: loadPaste('registry.tsv') },
      { name: 'Результаты ОП', rows: [[...HEADERS.results], ['2022/2023', 'sch240101', 'МБОУ "СОШ № 1"', 'ОГЭ математика', 60, 6]] },
      { name: 'Вставка', rows: typed(loadPaste('fis-oko-math5-2022.tsv')) },
      { name: 'Без заголовка', rows: loadPaste('students-untitled.tsv') },
    ],
  });
  restore = installGlobals(env);
});
afterEach(() => restore());

describe('«Импорт результатов» server functions', () => {
  it('offers only sheets that may hold a paste, and the catalogue procedures', () => {
    const options = getImportOptions();
    expect(options.sheets).toEqual(['Вставка', 'Без заголовка']);
    expect(options.procedures).toContain('ВПР математика 5 кл.');
    expect(options.resultsSheet).toBe('Результаты ОП');
  });

  it('previews without writing, reading each sheet once', () => {
    env.calls.reset();
    const p = previewImport('Вставка', {});
    expect(p).toMatchObject({ layout: 'fis-oko-marks', procedure: 'ВПР математика 5 кл.', year: '2021/2022', schools: 4, toAppend: 4, alreadyThere: 0, skippedCount: 4, canApply: true, needs: [] });
    expect(p.problems[0]).toMatchObject({ level: 'error', levelLabel: 'Ошибка', row: 16 });
    expect(env.calls.count('Range.getValues')).toBe(3);
    expect(env.calls.count('Range.setValues')).toBe(0);
  });

  it('appends with one write under the last row, keeps text as text, and a second import adds nothing', () => {
    env.calls.reset();
    const done = applyImport('Вставка', {});
    expect(done).toMatchObject({ appended: 4, journalSheet: 'Журнал импорта', canApply: false });
    expect(env.calls.count('Range.setValues')).toBe(2); // «Результаты ОП» + «Журнал импорта»
    const values = env.dumpSheet('Результаты ОП').values;
    expect(values).toHaveLength(6);
    expect(values[1].slice(0, 6)).toEqual(['2022/2023', 'sch240101', 'МБОУ "СОШ № 1"', 'ОГЭ математика', 60, 6]);
    expect(values[2].slice(0, 7)).toEqual(['2021/2022', 'sch240101', 'МБОУ "СОШ № 1"', 'ВПР математика 5 кл.', 87, '', '11,49 %']);
    const again = applyImport('Вставка', {});
    expect(again).toMatchObject({ appended: 0, alreadyThere: 4 });
    expect(env.dumpSheet('Результаты ОП').values).toHaveLength(6);
  });

  it('asks for procedure and year, refuses to import without them, imports with them', () => {
    expect(previewImport('Без заголовка', {})).toMatchObject({ needs: ['procedure', 'year'], canApply: false, schools: 2 });
    expect(() => applyImport('Без заголовка', {})).toThrow('Перед импортом выберите процедуру и укажите учебный год.');
    expect(() => previewImport('Без заголовка', { procedure: 'Физика' })).toThrow('Процедура «Физика» не найдена в перечне процедур.');
    expect(applyImport('Без заголовка', { procedure: 'ОГЭ русский язык', year: '2022/2023' })).toMatchObject({ appended: 2 });
  });

  it('refuses a sheet that is not a paste, and says when another import runs', () => {
    expect(() => previewImport('Результаты ОП', {})).toThrow('Лист «Результаты ОП» нельзя импортировать');
    env.locks.holdByAnotherUser('document');
    expect(() => applyImport('Вставка', {})).toThrow(/уже выполняется/);
  });

  it('creates «Результаты ОП» with its header when the workbook has none', () => {
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName('Результаты ОП') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(applyImport('Вставка', {})).toMatchObject({ appended: 4 });
    const values = env.dumpSheet('Результаты ОП').values;
    expect(values[0]).toEqual([...HEADERS.results]);
    expect(values).toHaveLength(5);
  });
});
