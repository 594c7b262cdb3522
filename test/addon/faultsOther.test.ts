/**
 * The other writers of the add-on are all-or-nothing too (issue 9), through the built bundle in the
 * vm: «Создать структуру листов», «Подготовить лист мониторинга» and the import, each failing at the
 * k-th call of every kind of write it makes, for every k. And «Журнал импорта» beside a sheet of the
 * user's of that name.
 */
import { HEADERS } from '../../src/engine/strings';
import { loadPaste, typed } from '../import/paste';
import { SeedSheet } from '../support/fakeSpreadsheetApp';
import { Trials, exampleCut, expectSame, lastAlert, snapshot, start, transientSheets } from './safetyHarness';

/** Every write point of `run` on a fresh copy of the trials' spreadsheet. */
function writePoints(trials: Trials, run: () => void): Array<[string, number]> {
  trials.reset();
  run();
  const points = trials.env.faults.writePoints();
  trials.reset();
  return points;
}

const FAILED = /^Листы не записаны: Google Таблицы сообщили об ошибке \(«Service Spreadsheets failed.*Прежние результаты и ваши листы не изменены, временные листы удалены\./;

describe('«Создать структуру листов»: all the missing sheets or none', () => {
  const trials = new Trials(start([{ name: 'Результаты ОП', rows: [['моё']] }, { name: 'Мои заметки', rows: [['текст']] }]));
  const run = () => trials.addon.call('menuCreateStructure');
  const points = writePoints(trials, run);
  beforeEach(() => trials.reset());

  it('creates the two missing sheets with their headers and leaves the user where they were', () => {
    run();
    expect(trials.env.workbook.sheetNames()).toEqual(['Результаты ОП', 'Мои заметки', 'Справочник ОО', 'Настройки']);
    expect(trials.env.dumpSheet('Результаты ОП').values).toEqual([['моё']]);
    expect(trials.env.workbook.activeSheetName()).toBe('Результаты ОП');
    expect(trials.env.ui.toasts.at(-1)?.message).toBe('Созданы листы: Справочник ОО, Настройки.');
  });

  it.each(points)('%s #%i fails: nothing is created', (call, n) => {
    trials.env.faults.failOn(call, n);
    run();
    if (call === 'Sheet.activate') {
      expect(trials.env.ui.toasts.at(-1)?.message).toBe('Созданы листы: Справочник ОО, Настройки.');
      return;
    }
    expect(lastAlert(trials.env)).toMatch(FAILED);
    expectSame(snapshot(trials.env), trials.before);
  });
});

describe('«Подготовить лист мониторинга»: the working group’s entries are never half rebuilt', () => {
  const s = start([...exampleCut(8), { name: 'Мои заметки', rows: [['текст']] }]);
  s.addon.call('prepareMonitoring');
  const monitoring = s.env.spreadsheet.getSheetByName('Мониторинг') as GoogleAppsScript.Spreadsheet.Sheet;
  const dump = s.env.dumpSheet('Мониторинг');
  const tick = dump.checkboxes.findIndex((row) => row.some(Boolean));
  monitoring.getRange(tick + 1, dump.checkboxes[tick].indexOf(true) + 1).setValue(true);
  (s.env.spreadsheet.getSheetByName('Мои заметки') as GoogleAppsScript.Spreadsheet.Sheet).activate();
  const trials = new Trials(s);
  const run = () => trials.addon.call<{ kept: number }>('prepareMonitoring');
  const points = writePoints(trials, run);
  beforeEach(() => trials.reset());

  it('rebuilds it in place, keeping the tick', () => {
    expect(run().kept).toBeGreaterThan(0);
    expect(trials.env.workbook.sheetNames()).toEqual(trials.before.names);
    const after = trials.env.dumpSheet('Мониторинг');
    expect(after.values[tick][dump.checkboxes[tick].indexOf(true)]).toBe(true);
    expect(trials.env.workbook.activeSheetName()).toBe('Мои заметки');
  });

  it.each(points)('%s #%i fails: «Мониторинг» is as it was', (call, n) => {
    trials.env.faults.failOn(call, n);
    if (call === 'Spreadsheet.deleteSheet' || call === 'Sheet.activate') {
      run();
      trials.env.faults.reset();
      run();
      expect(transientSheets(trials.env)).toEqual([]);
      return;
    }
    expect(run).toThrow(FAILED);
    expectSame(snapshot(trials.env), trials.before);
  });
});

function importWorkbook(extra: SeedSheet[] = []): SeedSheet[] {
  return [
    { name: 'Справочник ОО', rows: loadPaste('registry.tsv') },
    { name: 'Результаты ОП', rows: [[...HEADERS.results], ['2022/2023', 'sch240101', 'МБОУ "СОШ № 1"', 'ОГЭ математика', 60, 6]] },
    { name: 'Вставка', rows: typed(loadPaste('fis-oko-math5-2022.tsv')) },
    { name: 'Без заголовка', rows: loadPaste('students-untitled.tsv') },
    ...extra,
  ];
}

describe('the import: rows are appended and the journal rewritten together, or neither', () => {
  const s = start(importWorkbook());
  s.addon.call('applyImport', 'Вставка', {});
  const trials = new Trials(s);
  const hints = { procedure: 'ОГЭ русский язык', year: '2022/2023' };
  const run = () => trials.addon.call<{ appended: number; journalSheet: string }>('applyImport', 'Без заголовка', hints);
  const points = writePoints(trials, run);
  beforeEach(() => trials.reset());

  it('appends two rows under the earlier import and rewrites «Журнал импорта»', () => {
    expect(run()).toMatchObject({ appended: 2, journalSheet: 'Журнал импорта' });
    expect(trials.env.dumpSheet('Результаты ОП').values).toHaveLength(trials.before.sheets['Результаты ОП'].values.length + 2);
  });

  it.each(points)('%s #%i fails: «Результаты ОП» and «Журнал импорта» are as they were', (call, n) => {
    trials.env.faults.failOn(call, n);
    if (call === 'Spreadsheet.deleteSheet' || call === 'Sheet.activate') {
      expect(run()).toMatchObject({ appended: 2 });
      return;
    }
    expect(run).toThrow(FAILED);
    expectSame(snapshot(trials.env), trials.before);
  });

  it('a first import that fails leaves no «Результаты ОП» behind when there was none', () => {
    const fresh = start(importWorkbook().filter((x) => x.name !== 'Результаты ОП'));
    const before = snapshot(fresh.env);
    fresh.env.faults.failOn('Range.setValues', 1);
    expect(() => fresh.addon.call('applyImport', 'Вставка', {})).toThrow(FAILED);
    expectSame(snapshot(fresh.env), before);
  });
});

describe('«Журнал импорта» of the user’s', () => {
  it('is kept; the import journal goes beside it and the outcome says where', () => {
    const s = start(importWorkbook([{ name: 'Журнал импорта', rows: [['мой журнал звонков']] }]));
    const own = s.env.dumpSheet('Журнал импорта');
    const outcome = s.addon.call<{ journalSheet: string; summary: string[] }>('applyImport', 'Вставка', {});
    expect(outcome.journalSheet).toBe('Журнал импорта (расчёт)');
    expect(outcome.summary).toContain('Лист «Журнал импорта» ваш (создан не надстройкой): он не изменяется, результат — в листе «Журнал импорта (расчёт)».');
    expectSame(s.env.dumpSheet('Журнал импорта'), own);
    s.addon.call('applyImport', 'Без заголовка', { procedure: 'ОГЭ русский язык', year: '2022/2023' });
    expect(s.env.workbook.sheetNames().filter((n) => n.startsWith('Журнал импорта'))).toEqual(['Журнал импорта', 'Журнал импорта (расчёт)']);
  });
});
