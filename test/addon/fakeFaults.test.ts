/** The failure injection and checkpoints of the in-memory Apps Script that the safety tests rely on. */
import { sheetsEnvironment } from '../support/appsScriptVm';
import { TIME_LIMIT_ERROR, isWriteCall, serviceError } from '../support/faults';

function env() {
  return sheetsEnvironment({ sheets: [{ name: 'Лист1', rows: [['a', 1]] }] });
}

describe('failure injection', () => {
  it('fails exactly the k-th call of a method, with Google’s text and no effect, and only once', () => {
    const e = env();
    const sheet = e.spreadsheet.getSheetByName('Лист1') as GoogleAppsScript.Spreadsheet.Sheet;
    e.faults.failOn('Range.setValues', 2);
    sheet.getRange(1, 1, 1, 2).setValues([['b', 2]]);
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['c', 3]])).toThrow(serviceError('fake-spreadsheet-id'));
    expect(e.faults.fired).toBe('Range.setValues#2');
    expect(e.dumpSheet('Лист1').values).toEqual([['b', 2]]);
    sheet.getRange(1, 1, 1, 2).setValues([['d', 4]]);
    expect(e.dumpSheet('Лист1').values).toEqual([['d', 4]]);
  });

  it('a stopped execution fails that call and every later one until reset', () => {
    const e = env();
    e.faults.stopAt('Spreadsheet.insertSheet');
    expect(() => e.spreadsheet.insertSheet('Новый')).toThrow(TIME_LIMIT_ERROR);
    expect(() => e.spreadsheet.getSheets()).toThrow(TIME_LIMIT_ERROR);
    expect(e.workbook.sheetNames()).toEqual(['Лист1']);
    e.faults.reset();
    expect(e.spreadsheet.getSheets()).toHaveLength(1);
  });

  it('lists the write calls of a trace, numbered per method; reads are not writes', () => {
    const e = env();
    const sheet = e.spreadsheet.getSheetByName('Лист1') as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getDataRange().getValues();
    sheet.getRange(1, 1).setValue('x');
    sheet.setName('Другое');
    sheet.getRange(1, 1).setValue('y');
    expect(e.faults.writePoints()).toEqual([
      ['Range.setValue', 1],
      ['Sheet.setName', 1],
      ['Range.setValue', 2],
    ]);
    for (const read of ['Range.getValues', 'Sheet.getName', 'Spreadsheet.getSheets', 'Sheet.getMaxRows']) expect(isWriteCall(read)).toBe(false);
    for (const write of ['Spreadsheet.deleteSheet', 'Sheet.insertChart', 'Range.merge', 'Sheet.setFrozenRows', 'Range.insertCheckboxes']) expect(isWriteCall(write)).toBe(true);
  });
});

describe('checkpoints', () => {
  it('bring back sheets, their order, ids, charts and the active sheet', () => {
    const e = env();
    const ss = e.spreadsheet;
    const chartSheet = ss.insertSheet('Диаграмма');
    chartSheet.getRange(1, 1, 2, 2).setValues([['x', 'y'], ['a', 1]]);
    chartSheet.insertChart(chartSheet.newChart().addRange(chartSheet.getRange(1, 1, 2, 2)).setPosition(3, 1, 0, 0).build());
    const saved = e.workbook.checkpoint();
    const before = e.workbook.sheetNames().map((n) => e.dumpSheet(n));

    ss.deleteSheet(ss.getSheetByName('Лист1') as GoogleAppsScript.Spreadsheet.Sheet);
    chartSheet.setName('Переименован');
    chartSheet.getRange(1, 1).setValue('изменено');
    ss.insertSheet('Лишний');
    e.workbook.restore(saved);

    expect(e.workbook.sheetNames().map((n) => e.dumpSheet(n))).toEqual(before);
    expect(e.workbook.activeSheetName()).toBe('Диаграмма');
    // A restored sheet is a working sheet: its chart range follows it.
    (ss.getSheetByName('Диаграмма') as GoogleAppsScript.Spreadsheet.Sheet).setName('Снова');
    expect(e.dumpSheet('Снова').charts[0].ranges).toEqual(['A1:B2']);
    expect(ss.insertSheet('Ещё').getSheetId()).toBe(before.length);
  });
});
