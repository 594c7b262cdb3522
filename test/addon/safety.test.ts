/**
 * Nothing of the user's is lost in the add-on (issue 9), through the built bundle in the vm: a sheet
 * of the user's named like a generated one, the swap (order, active sheet, chart), the time limit,
 * the document lock, leftovers of a stopped run, and the cost of the swap.
 */
import { MESSAGES, WRITE_TEXT } from '../../src/engine/strings';
import type { RunSummary } from '../../src/addon/panel';
import { writeGenerated } from '../../src/addon/sheetsAdapter';
import { SheetBuilder } from '../../src/engine/sheets/generated';
import { installGlobals, sheetsEnvironment } from '../support/appsScriptVm';
import {
  Started,
  decorateUserSheets,
  exampleCut,
  expectSame,
  lastAlert,
  setSetting,
  snapshot,
  start,
  transientSheets,
  userWorkbook,
  withPreviousResults,
} from './safetyHarness';

const sheetOf = (s: Started, name: string) => s.env.spreadsheet.getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;

describe('a sheet of the user’s named like a generated one', () => {
  it('survives byte for byte; the result goes to «Сводка (расчёт)», which the next run finds again; the panel and the alert say so', () => {
    const s = start(userWorkbook(6));
    decorateUserSheets(s.env);
    const own = s.env.dumpSheet('Сводка');

    const summary = s.addon.call<RunSummary>('runCalculation');
    expectSame(s.env.dumpSheet('Сводка'), own);
    expect(summary.sheets).toContain('Сводка (расчёт)');
    expect(summary.sheets).not.toContain('Сводка');
    expect(summary.displaced).toEqual([{ wanted: 'Сводка', name: 'Сводка (расчёт)' }]);
    const result = s.env.dumpSheet('Сводка (расчёт)');
    expect(String(result.values[0][0])).toMatch(/^Лист сформирован надстройкой/);
    expect(result.charts).toHaveLength(1);
    const journal = s.env.dumpSheet('Журнал проверки').values;
    expect(journal.some((r) => r[0] === 'Предупреждение' && String(r[4]).includes('результат записан в лист «Сводка (расчёт)»'))).toBe(true);

    s.addon.call('menuCalculate');
    expect(lastAlert(s.env)).toContain(WRITE_TEXT.displaced('Сводка', 'Сводка (расчёт)'));
    expectSame(s.env.dumpSheet('Сводка'), own);
    expect(s.env.workbook.sheetNames().filter((n) => n.startsWith('Сводка'))).toEqual(['Сводка', 'Сводка (расчёт)']);

    // The panel lists «Сводка (расчёт)» among the results, not the user's «Сводка».
    const state = s.addon.call<{ generated: string[]; preview: RunSummary }>('getPanelState');
    expect(state.generated).toContain('Сводка (расчёт)');
    expect(state.generated).not.toContain('Сводка');
    expect(state.preview.displaced).toEqual([{ wanted: 'Сводка', name: 'Сводка (расчёт)' }]);
  });

  it('once the user’s sheet is gone, the result goes back to «Сводка» and the alternative goes', () => {
    const s = start(userWorkbook(6));
    s.addon.call('runCalculation');
    sheetOf(s, 'Сводка (расчёт)').activate();
    s.env.spreadsheet.deleteSheet(sheetOf(s, 'Сводка'));
    const summary = s.addon.call<RunSummary>('runCalculation');
    expect(summary.displaced).toEqual([]);
    expect(s.env.workbook.sheetNames()).toContain('Сводка');
    expect(s.env.workbook.sheetNames()).not.toContain('Сводка (расчёт)');
    expect(String(s.env.dumpSheet('Сводка').values[0][0])).toMatch(/^Лист сформирован надстройкой/);
    expect(s.env.dumpSheet('Сводка').charts).toHaveLength(1);
    // The user was on the sheet that went: they are on its successor.
    expect(s.env.workbook.activeSheetName()).toBe('Сводка');
  });

  it('«Журнал проверки», «ИСБШ», «Показатели» of the user’s are kept the same way, each beside its own', () => {
    const sheets = [...exampleCut(6), ...['ИСБШ', 'Показатели', 'Журнал проверки'].map((name) => ({ name, rows: [[`мой лист ${name}`]] }))];
    const s = start(sheets);
    const before = Object.fromEntries(['ИСБШ', 'Показатели', 'Журнал проверки'].map((n) => [n, s.env.dumpSheet(n)]));
    const summary = s.addon.call<RunSummary>('runCalculation');
    for (const [n, dump] of Object.entries(before)) expectSame(s.env.dumpSheet(n), dump);
    expect(summary.displaced.map((d) => d.name)).toEqual(['ИСБШ (расчёт)', 'Показатели (расчёт)', 'Журнал проверки (расчёт)']);
    expect(summary.journalSheet).toBe('Журнал проверки (расчёт)');
    expect(summary.indicatorsSheet).toBe('Показатели (расчёт)');
    s.addon.call('menuCalculate');
    expect(lastAlert(s.env)).toContain('см. лист «Журнал проверки (расчёт)»');
    expect(lastAlert(s.env)).toContain('см. лист «Показатели (расчёт)»');
    for (const [n, dump] of Object.entries(before)) expectSame(s.env.dumpSheet(n), dump);
  });
});

describe('the swap', () => {
  it('keeps the tab order, the sheet the user is on, and the chart', () => {
    const s = withPreviousResults();
    const order = s.env.workbook.sheetNames();
    const ids = Object.fromEntries(order.map((n) => [n, s.env.dumpSheet(n).sheetId]));
    s.addon.call('menuCalculate');
    expect(s.env.workbook.sheetNames()).toEqual(order);
    expect(s.env.workbook.activeSheetName()).toBe('Мои заметки');
    // The generated sheets are new sheets; the user's are the same ones.
    expect(s.env.dumpSheet('ИСБШ').sheetId).not.toBe(ids['ИСБШ']);
    for (const n of ['Сводка', 'Мои заметки', 'Настройки', 'Результаты ОП']) expect(s.env.dumpSheet(n).sheetId).toBe(ids[n]);
    const chart = s.env.dumpSheet('Сводка (расчёт)').charts;
    expect(chart).toHaveLength(1);
    expect(chart[0].ranges[0]).toMatch(/^A\d+:C\d+$/); // a range of its own sheet, not of a temporary one

    sheetOf(s, 'ШНОР').activate();
    s.addon.call('menuCalculate');
    expect(s.env.workbook.activeSheetName()).toBe('ШНОР');
    expect(s.env.workbook.sheetNames()).toEqual(order);
  });

  it('costs a constant few calls: the number does not grow with the number of schools', () => {
    const calls = (schools: number | undefined) => {
      const s = start(userWorkbook(schools));
      s.addon.call('runCalculation');
      s.env.calls.reset();
      s.addon.call('runCalculation');
      return { total: s.env.calls.total(''), reads: s.env.calls.count('Range.getValues'), writes: s.env.calls.count('Range.setValues') };
    };
    const all = calls(undefined);
    expect(calls(6)).toEqual(all);
    expect(all.reads).toBe(4);
    expect(all.writes).toBe(8);
  });

  it('gives up cleanly, before Google stops it, when the writing would not finish in time', () => {
    const s = withPreviousResults();
    const before = snapshot(s.env);
    // The clock of the run's context jumps two minutes at every setValues.
    s.addon.evaluate('(function () { var now = Date.now; globalThis.__later = 0; Date.now = function () { return now() + globalThis.__later; }; })()');
    const stop = s.env.calls.observe((name) => {
      if (name === 'Range.setValues') s.addon.evaluate('globalThis.__later += 120000');
    });
    s.addon.call('menuCalculate');
    stop();
    expect(lastAlert(s.env)).toBe(WRITE_TEXT.tooLong(5));
    expect(s.env.calls.count('Range.setValues')).toBeLessThan(6);
    expectSame(snapshot(s.env), before);
  });
});

describe('leftovers of a run that was stopped', () => {
  it('are removed by the next run; a sheet of the user’s with such a name is not', () => {
    const s = withPreviousResults();
    const ss = s.env.spreadsheet;
    ss.insertSheet('[черновик] ИСБШ', 0);
    const retired = ss.insertSheet('[прежний] ШНОР');
    retired.getRange(1, 1).setValue('Лист сформирован надстройкой «Мониторинг ШНОР и ШНСУ» 01.09.2026 10:00.');
    const mine = ss.insertSheet('[черновик] Сводка');
    mine.getRange(1, 1).setValue('мой черновик сводки');
    const kept = s.env.dumpSheet('[черновик] Сводка');
    s.addon.call('menuCalculate');
    expect(transientSheets(s.env)).toEqual(['[черновик] Сводка']);
    expectSame({ ...s.env.dumpSheet('[черновик] Сводка'), index: 0 }, { ...kept, index: 0 });
    expect(s.env.workbook.sheetNames()).toContain('ШНОР');
  });
});

describe('a leftover that cannot be removed (a protected sheet, say)', () => {
  it('does not stop the run; the run builds beside it and the next run removes it', () => {
    const s = withPreviousResults();
    s.env.spreadsheet.insertSheet('[черновик] ИСБШ');
    (s.env.spreadsheet.getSheetByName('Мои заметки') as GoogleAppsScript.Spreadsheet.Sheet).activate();
    s.env.faults.failOn('Spreadsheet.deleteSheet', 1);
    s.addon.call('menuCalculate');
    expect(s.env.ui.alerts.at(-1)?.title).toBe('Расчёт завершён');
    expect(transientSheets(s.env)).toEqual(['[черновик] ИСБШ']);
    expect(String(s.env.dumpSheet('ИСБШ').values[0][0])).toMatch(/^Лист сформирован надстройкой/);
    s.addon.call('menuCalculate');
    expect(transientSheets(s.env)).toEqual([]);
  });
});

describe('one writer at a time', () => {
  const held = () => {
    const s = withPreviousResults();
    s.env.locks.holdByAnotherUser('document');
    return { s, before: snapshot(s.env) };
  };

  it('a second «Рассчитать» while a run holds the lock gets «Расчёт уже выполняется…» and writes nothing', () => {
    const { s, before } = held();
    expect(() => s.addon.call('runCalculation')).toThrow(MESSAGES.busy);
    s.addon.call('menuCalculate');
    expect(lastAlert(s.env)).toBe(MESSAGES.busy);
    expectSame(snapshot(s.env), before);
  });

  it('so do «Создать структуру листов», «Подготовить лист мониторинга» and the import', () => {
    const { s, before } = held();
    s.env.spreadsheet.deleteSheet(sheetOf(s, 'Справочник ОО'));
    const without = snapshot(s.env);
    s.addon.call('menuCreateStructure');
    expect(lastAlert(s.env)).toBe(MESSAGES.busy);
    expect(() => s.addon.call('prepareMonitoring')).toThrow(MESSAGES.busy);
    s.addon.call('menuPrepareMonitoring');
    expect(lastAlert(s.env)).toBe(MESSAGES.busy);
    expect(() => s.addon.call('applyImport', 'Мои заметки', {})).toThrow(MESSAGES.busy);
    expectSame(snapshot(s.env), without);
    expect(before.names).toContain('Справочник ОО');
  });

  it('each of them takes the lock, flushes and releases it', () => {
    const s = withPreviousResults();
    for (const fn of ['menuCreateStructure', 'prepareMonitoring', 'runCalculation']) {
      s.env.faults.reset();
      s.env.locks.events.length = 0;
      s.addon.call(fn);
      expect([fn, s.env.locks.events.map((e) => e.action)]).toEqual([fn, ['tryLock', 'releaseLock']]);
      const trace = s.env.faults.trace;
      expect(trace.lastIndexOf('SpreadsheetApp.flush')).toBeGreaterThan(trace.indexOf('Lock.tryLock'));
      expect(trace.lastIndexOf('SpreadsheetApp.flush')).toBeLessThan(trace.lastIndexOf('Lock.releaseLock'));
    }
  });
});

describe('saving the panel’s settings', () => {
  it('writes only the cells that change, all or nothing: a formula the coordinator put in «Настройки» stays', () => {
    const s = withPreviousResults();
    const sheet = sheetOf(s, 'Настройки');
    const row = sheet.getDataRange().getValues().findIndex((r) => r[0] === 'Муниципалитет') + 1;
    sheet.getRange(row, 2).setFormula('=\'Справочник ОО\'!D2');
    const before = snapshot(s.env);
    const choice = { year: '2022/2023', cutoff: 'quartile', threshold: 30, sameProcedure: false };
    s.env.faults.failOn('Range.setValue', 2);
    expect(() => s.addon.call('savePanelSettings', choice)).toThrow(/^Листы не записаны: Google Таблицы сообщили об ошибке/);
    expectSame(snapshot(s.env), before);
    s.env.faults.reset();
    s.env.calls.reset();
    s.addon.call('savePanelSettings', choice);
    const after = s.env.dumpSheet('Настройки');
    expect(after.formulas[row - 1][1]).toBe("='Справочник ОО'!D2");
    expect(after.values.find((r) => r[0] === 'Граница ШНСУ')?.[1]).toBe('нижний квартиль');
    expect(after.values.find((r) => r[0] === 'Учебный год анализа')?.[1]).toBe('2022/2023');
    expect(s.env.calls.count('Range.setValue')).toBe(2);
  });
});

describe('a settings change the next run picks up', () => {
  it('is read from «Настройки» and the new sheets replace the old ones whole', () => {
    const s = withPreviousResults();
    setSetting(s.env, 'Граница ШНСУ', 'нижний квартиль');
    const summary = s.addon.call<RunSummary>('runCalculation');
    expect(summary.cutoffLabel).toBe('нижний квартиль');
    expect(summary.notices).toEqual([]);
  });
});

describe('writeGenerated, for a generated sheet written outside «Рассчитать»', () => {
  it('places it beside a sheet of the user’s of that name, all-or-nothing, and says where', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'Рассылка анкеты', rows: [['мой список рассылки']] }] });
    const restore = installGlobals(env);
    try {
      const b = new SheetBuilder('Рассылка анкеты', '01.09.2026 10:00', 2);
      b.header(['Школа', 'Ссылка']);
      const first = writeGenerated(env.spreadsheet, b.build());
      expect(first).toMatchObject({ name: 'Рассылка анкеты (расчёт)', placement: { displaced: true } });
      expect(env.dumpSheet('Рассылка анкеты').values).toEqual([['мой список рассылки']]);
      env.faults.failOn('Range.setValues', 1);
      expect(() => writeGenerated(env.spreadsheet, b.build())).toThrow(/^Листы не записаны/);
      expect(env.workbook.sheetNames()).toEqual(['Рассылка анкеты', 'Рассылка анкеты (расчёт)']);
    } finally {
      restore();
    }
  });
});
