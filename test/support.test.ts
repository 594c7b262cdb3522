import { installGlobals, loadAddonSource, sheetsEnvironment } from './support/appsScriptVm';
import { createWorkbook } from './support/fakeSpreadsheetApp';
import { LOCK_TIMEOUT_MESSAGE } from './support/fakeServices';

function sheetOf(env: ReturnType<typeof sheetsEnvironment>, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = env.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe('in-memory SpreadsheetApp: values', () => {
  it('setValues demands exactly the range size, with the Sheets error texts', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }] });
    const range = sheetOf(env, 'A').getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2, 3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues([1, 2] as unknown as unknown[][])).toThrow(/don't match the method signature for SpreadsheetApp\.Range\.setValues/);
    expect(() => range.setBackgrounds([['#fff']])).toThrow(/The data has 1 but the range has 2/);
  });

  it('turns "=…" into a formula and returns a documented placeholder from getValues', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }] });
    const range = sheetOf(env, 'A').getRange('A1:B1');
    range.setValues([['=SUM(C1:C3)', 'plain']]);
    expect(range.getFormulas()).toEqual([['=SUM(C1:C3)', '']]);
    expect(range.getValues()).toEqual([['#FORMULA =SUM(C1:C3)', 'plain']]);

    const evaluated = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }], formulaValue: () => 42 });
    sheetOf(evaluated, 'A').getRange('A1').setValue('=1+1');
    expect(sheetOf(evaluated, 'A').getRange('A1').getValue()).toBe(42);
  });

  it("stores a leading-apostrophe string as plain text without the apostrophe", () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }] });
    const range = sheetOf(env, 'A').getRange(1, 1, 1, 4);
    range.setValues([["'=1+1", "'007", "'12,5", "'"]]);
    expect(range.getValues()).toEqual([['=1+1', '007', '12,5', '']]);
    expect(range.getFormulas()).toEqual([['', '', '', '']]);
  });

  it('converts number-, boolean-, percent- and date-looking strings as Sheets does in ru_RU', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }] });
    const inputs = ['12', '12,5', '1 024', '1\u00a0024,5', '-3', '007', '1,5E3', 'TRUE', 'ложь', '35%', '2021/2022', 'abc', '12.5.2024x'];
    const range = sheetOf(env, 'A').getRange(1, 1, 1, inputs.length);
    range.setValues([inputs]);
    expect(range.getValues()).toEqual([[12, 12.5, 1024, 1024.5, -3, 7, 1500, true, false, 0.35, '2021/2022', 'abc', '12.5.2024x']]);
    expect(range.getNumberFormats()[0][9]).toBe('0%');

    const date = sheetOf(env, 'A').getRange('A2');
    date.setValue('12.05.2024 10:30');
    const value = date.getValue();
    expect(value).toBeInstanceOf(Date);
    expect(value.toISOString()).toBe('2024-05-12T07:30:00.000Z'); // Europe/Moscow is UTC+3
  });

  it('keeps strings as they are in plain-text ("@") cells', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }] });
    const range = sheetOf(env, 'A').getRange('A1:B1');
    range.setNumberFormat('@').setValues([['007', '=A2']]);
    expect(range.getValues()).toEqual([['007', '=A2']]);
  });

  it('returns "" for empty cells and keeps numbers, booleans and Dates; getDataRange spans the content', () => {
    const when = new Date('2024-01-02T03:04:05Z');
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [['x', null, 3], [true, when]] }] });
    const sheet = sheetOf(env, 'A');
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
    expect(sheet.getDataRange().getValues()).toEqual([['x', '', 3], [true, when, '']]);

    const empty = env.spreadsheet.insertSheet('Empty');
    expect(empty.getLastRow()).toBe(0);
    expect(empty.getDataRange().getValues()).toEqual([['']]);
  });

  it('stores seeded tables exactly as given (no string interpretation)', () => {
    const workbook = createWorkbook([{ name: 'Raw', rows: [['=1+1', '12', "'x"]] }]);
    expect(workbook.dumpSheet('Raw').values).toEqual([['=1+1', '12', "'x"]]);
    expect(workbook.dumpSheet('Raw').formulas).toEqual([['', '', '']]);
  });

  it('shows ru_RU display values', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [[12.5, 1234567.891, 0.355, new Date('2024-05-12T07:30:00Z'), true]] }] });
    const range = sheetOf(env, 'A').getRange('A1:E1');
    range.setNumberFormats([['0.0', '#,##0.00', '0.0%', 'dd.mm.yyyy hh:mm', '@']]);
    expect(range.getDisplayValues()).toEqual([['12,5', '1\u00a0234\u00a0567,89', '35,5%', '12.05.2024 10:30', 'TRUE']]);
  });
});

describe('in-memory SpreadsheetApp: sheets and ranges', () => {
  it('creates 1000×26 sheets, activates them, and refuses duplicate names', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'Ввод', rows: [[1]] }] });
    const sheet = env.spreadsheet.insertSheet('ИСБШ', 0);
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getIndex()]).toEqual([1000, 26, 1]);
    expect(env.spreadsheet.getActiveSheet().getName()).toBe('ИСБШ');
    expect(env.workbook.sheetNames()).toEqual(['ИСБШ', 'Ввод']);
    expect(() => env.spreadsheet.insertSheet('исбш')).toThrow('A sheet with the name "исбш" already exists. Please enter another name.');
    env.spreadsheet.deleteSheet(sheet);
    expect(env.workbook.sheetNames()).toEqual(['Ввод']);
  });

  it('throws outside the sheet and grows with insertRowsAfter/insertColumnsAfter', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }] });
    const sheet = sheetOf(env, 'A');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 4);
    sheet.getRange(1500, 30).setValue('corner');
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getRange('AD1500').getValue()]).toEqual([1500, 30, 'corner']);
  });

  it('parses A1 notations', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }] });
    const sheet = sheetOf(env, 'A');
    const shape = (a1: string) => {
      const range = sheet.getRange(a1);
      return [range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns(), range.getA1Notation()];
    };
    expect(shape('B2')).toEqual([2, 2, 1, 1, 'B2']);
    expect(shape('A1:C3')).toEqual([1, 1, 3, 3, 'A1:C3']);
    expect(shape('$C$3:A1')).toEqual([1, 1, 3, 3, 'A1:C3']);
    expect(shape("'A'!B2:B4")).toEqual([2, 2, 3, 1, 'B2:B4']);
    expect(shape('A:B')).toEqual([1, 1, 1000, 2, 'A1:B1000']);
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('records formatting, notes, merges, frozen rows, checkboxes and charts for dumpSheet', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }] });
    const { SpreadsheetApp, Charts } = env.globals;
    const sheet = sheetOf(env, 'A');
    sheet.getRange('A1:B2').setValues([['Школа', 'ИСБШ'], ['СОШ № 1', 58.3]]);
    sheet.getRange('A1:B1').setBackgrounds([['#FFF', 'red']]).setFontWeight('bold');
    sheet.getRange('B2').setNumberFormat('0.0').setNote('ниже отсечки');
    sheet.getRange('A3:B3').merge();
    sheet.getRange('C2').insertCheckboxes();
    sheet.getRange('A1').setWrapStrategy(SpreadsheetApp.WrapStrategy.WRAP);
    sheet.setFrozenRows(1);
    sheet.insertChart(
      sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B2')).setPosition(5, 1, 0, 0).setOption('title', 'ИСБШ').build(),
    );

    const dump = env.dumpSheet('A');
    expect(dump.values).toEqual([['Школа', 'ИСБШ', ''], ['СОШ № 1', 58.3, false]]);
    expect(dump.backgrounds[0].slice(0, 2)).toEqual(['#ffffff', 'red']);
    expect(dump.fontWeights[0].slice(0, 3)).toEqual(['bold', 'bold', 'normal']);
    expect(dump.numberFormats[1][1]).toBe('0.0');
    expect(dump.notes[1][1]).toBe('ниже отсечки');
    expect(dump.merges).toEqual(['A3:B3']);
    expect(dump.frozenRows).toBe(1);
    expect(dump.checkboxes[1]).toEqual([false, false, true]);
    expect(dump.wrapStrategies[0][0]).toBe('WRAP');
    expect(dump.charts).toEqual([
      { chartId: 1, type: 'COLUMN', ranges: ['A1:B2'], options: { title: 'ИСБШ' }, position: { row: 5, column: 1, offsetX: 0, offsetY: 0 }, numHeaders: -1 },
    ]);
  });

  it('appends rows with appendRow, growing the sheet when full', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'Журнал', rows: [['Уровень', 'Сообщение']], maxRows: 1, maxColumns: 2 }] });
    const sheet = sheetOf(env, 'Журнал');
    sheet.appendRow(['Ошибка', '=HYPERLINK("x")', 'третий']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([2, 3]);
    expect(sheet.getRange('A2:C2').getFormulas()).toEqual([['', '=HYPERLINK("x")', '']]);
  });

  it('implements checkbox semantics', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [] }] });
    const range = sheetOf(env, 'A').getRange('A1:A2');
    range.insertCheckboxes();
    expect([range.getValues(), range.isChecked()]).toEqual([[[false], [false]], false]);
    range.check();
    expect(range.isChecked()).toBe(true);
    sheetOf(env, 'A').getRange('A1').setValue(false);
    expect(range.isChecked()).toBeNull();
    range.removeCheckboxes();
    expect([range.getValues(), range.isChecked()]).toEqual([[[''], ['']], null]);
  });

  it('refuses merges that cut through an existing merge', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [['keep', 'drop']] }] });
    const sheet = sheetOf(env, 'A');
    sheet.getRange('A1:B1').merge();
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['keep', '']]);
    expect(() => sheet.getRange('B1:C1').merge()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
  });
});

describe('call counting', () => {
  it('counts outermost API calls by Service.method and resets', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [[1, 2], [3, 4]] }] });
    const sheet = env.spreadsheet.getSheetByName('A');
    sheet?.getDataRange().getValues();
    sheet?.getRange(1, 1, 1, 2).setValues([[5, 6]]);
    expect(env.calls.snapshot()).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
    });
    expect(env.calls.count('Range.getValues')).toBe(1);
    expect(env.calls.total('Range.')).toBe(2);
    env.dumpSheet('A');
    expect(env.calls.total()).toBe(5);
    env.calls.reset();
    expect(env.calls.total()).toBe(0);
  });
});

describe('services', () => {
  it('formats dates with Utilities.formatDate in the script time zone', () => {
    const { Utilities, Session } = sheetsEnvironment().globals;
    const date = new Date('2024-03-05T21:07:09Z');
    const tz = Session.getScriptTimeZone();
    expect(tz).toBe('Europe/Moscow');
    expect(Utilities.formatDate(date, tz, 'dd.MM.yyyy HH:mm')).toBe('06.03.2024 00:07');
    expect(Utilities.formatDate(date, tz, 'yyyy-MM-dd')).toBe('2024-03-06');
    expect(Utilities.formatDate(date, 'GMT', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2024-03-05T21:07:09Z');
  });

  it('records alerts (with scripted answers), toasts and sidebars', () => {
    const env = sheetsEnvironment({ htmlFiles: { sidebar: '<p>panel</p>' } });
    const ui = env.globals.SpreadsheetApp.getUi();
    env.ui.answerAlertsWith('NO');
    expect(ui.alert('Пересчитать?', 'Листы будут перезаписаны', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Готово')).toBe(ui.Button.OK);
    env.spreadsheet.toast('Расчёт завершён', 'ШНОР');
    ui.showSidebar(env.globals.HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Мониторинг'));
    expect(env.ui.alerts).toEqual([
      { title: 'Пересчитать?', prompt: 'Листы будут перезаписаны', buttons: 'YES_NO', answer: 'NO' },
      { title: null, prompt: 'Готово', buttons: 'OK', answer: 'OK' },
    ]);
    expect(env.ui.toasts).toEqual([{ message: 'Расчёт завершён', title: 'ШНОР', timeoutSeconds: null }]);
    expect(env.ui.sidebars).toEqual([{ kind: 'sidebar', title: 'Мониторинг', content: '<p>panel</p>', width: null, height: null }]);
    expect(() => env.globals.HtmlService.createHtmlOutputFromFile('missing')).toThrow('No HTML file named missing was found.');
  });

  it('throws from getUi() when no UI is available', () => {
    const env = sheetsEnvironment({ uiAvailable: false });
    expect(() => env.globals.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('records Logger and console lines', () => {
    const env = sheetsEnvironment();
    env.globals.Logger.log('%s школ, порог %s', 21, 30);
    env.globals.console.warn('нет листа', { sheet: 'Анкета' });
    expect(env.logs).toEqual([
      { source: 'Logger', level: 'log', message: '21 школ, порог 30' },
      { source: 'console', level: 'warn', message: 'нет листа {"sheet":"Анкета"}' },
    ]);
    expect(env.globals.Logger.getLog()).toBe('21 школ, порог 30\n');
  });

  it('installs the fakes as Node globals for in-process adapter tests and restores them', () => {
    const env = sheetsEnvironment({ sheets: [{ name: 'A', rows: [[1]] }] });
    const uninstall = installGlobals(env);
    try {
      expect(SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getName()).toBe('A');
    } finally {
      uninstall();
    }
    expect(typeof (globalThis as Record<string, unknown>).SpreadsheetApp).toBe('undefined');
  });

  it('stores properties as strings', () => {
    const env = sheetsEnvironment({ documentProperties: { year: '2021/2022' } });
    const props = env.globals.PropertiesService.getDocumentProperties();
    props.setProperty('threshold', 30 as unknown as string);
    expect(props.getProperties()).toEqual({ year: '2021/2022', threshold: '30' });
    expect(env.properties.document.get('threshold')).toBe('30');
  });

  it('simulates another user holding the document lock', () => {
    const env = sheetsEnvironment({ locksHeldByAnotherUser: ['document'] });
    const lock = env.globals.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(5000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(env.globals.LockService.getScriptLock().tryLock(1)).toBe(true);

    env.locks.holdByAnotherUser('user', { releaseAfterMs: 2000 });
    const userLock = env.globals.LockService.getUserLock();
    expect(userLock.tryLock(1000)).toBe(false);
    expect(userLock.tryLock(3000)).toBe(true);
    userLock.releaseLock();

    env.locks.releaseByAnotherUser('document');
    expect(lock.tryLock(0)).toBe(true);
    expect(env.locks.heldByAddon().sort()).toEqual(['document', 'script']);
    expect(env.locks.events.filter((event) => event.scope === 'document').map((event) => [event.action, event.acquired])).toEqual([
      ['tryLock', false],
      ['waitLock', false],
      ['tryLock', true],
    ]);
  });
});

describe('the add-on in a vm context', () => {
  const addonSource = `
    var counter = 0;
    var notDeclared = function () {};
    globalThis.assigned = function () {};

    function onOpen(e) {
      var menu = SpreadsheetApp.getUi().createMenu('Мониторинг ШНОР/ШНСУ')
        .addItem('Открыть панель', 'menuOpenPanel')
        .addSeparator()
        .addSubMenu(SpreadsheetApp.getUi().createMenu('Ещё').addItem('Справка', 'menuHelp'));
      menu.addToUi();
      return String(e.authMode);
    }
    function menuOpenPanel() {
      SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Мониторинг'));
    }
    function menuHelp() {}
    function describeArgs(table, when) {
      return { isArray: Array.isArray(table) && table instanceof Array, isDate: when instanceof Date, year: when.getUTCFullYear() };
    }
    function readInput() {
      var values = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ввод').getDataRange().getValues();
      return { rows: values.length, isArray: values instanceof Array, dateIsDate: values[1][1] instanceof Date, values: values };
    }
    function catchServiceError() {
      try {
        SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ввод').getRange(1, 1, 2, 2).setValues([[1]]);
      } catch (error) {
        return { isError: error instanceof Error, name: error.name, message: error.message };
      }
    }
    function sameSheet() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      return ss.getSheetByName('Ввод') === ss.getSheets()[0];
    }
    function holdLock() {
      return LockService.getDocumentLock().tryLock(100);
    }
    function fail() { throw new Error('boom'); }
    function ISBSH(h) { return h.map(function (row) { return [row[0] * 2]; }); }
  `;

  function load(options: Parameters<typeof sheetsEnvironment>[0] = {}) {
    const env = sheetsEnvironment({
      sheets: [{ name: 'Ввод', rows: [['Код ОО', 'Дата'], ['0012', new Date('2024-05-12T00:00:00Z')]] }],
      htmlFiles: { sidebar: '<html>panel</html>' },
      ...options,
    });
    return { env, addon: loadAddonSource(addonSource, env) };
  }

  it('exposes no Node globals', () => {
    const { addon } = load();
    for (const name of ['require', 'process', 'module', 'exports', 'Buffer', 'setTimeout', 'setImmediate', '__dirname']) {
      expect([name, addon.evaluate(`typeof ${name}`)]).toEqual([name, 'undefined']);
    }
    expect(addon.evaluate('typeof globalThis.process')).toBe('undefined');
    expect(addon.evaluate('typeof SpreadsheetApp.getActiveSpreadsheet')).toBe('function');
    expect(addon.evaluate('typeof JSON.parse')).toBe('function');
  });

  it('tells top-level function declarations from other globals', () => {
    const { addon } = load();
    expect(addon.isTopLevelFunction('onOpen')).toBe(true);
    expect(addon.isTopLevelFunction('notDeclared')).toBe(false);
    expect(addon.isTopLevelFunction('assigned')).toBe(false);
    expect(addon.isTopLevelFunction('missing')).toBe(false);
    expect(addon.topLevelFunctionNames()).toContain('ISBSH');
  });

  it('records the menu built by onOpen', () => {
    const { env, addon } = load();
    expect(addon.call('onOpen', { authMode: env.globals.ScriptApp.AuthMode.LIMITED })).toBe('LIMITED');
    expect(env.ui.menus).toEqual([
      {
        caption: 'Мониторинг ШНОР/ШНСУ',
        entries: [
          { type: 'item', caption: 'Открыть панель', functionName: 'menuOpenPanel' },
          { type: 'separator' },
          { type: 'submenu', caption: 'Ещё', entries: [{ type: 'item', caption: 'Справка', functionName: 'menuHelp' }] },
        ],
      },
    ]);
    for (const item of env.ui.menuItems()) expect(addon.isTopLevelFunction(item.functionName)).toBe(true);
    addon.call('menuOpenPanel');
    expect(env.ui.sidebars[0]).toMatchObject({ title: 'Мониторинг', content: '<html>panel</html>' });
  });

  it('moves arrays, Dates and errors between realms', () => {
    const { env, addon } = load();
    expect(addon.call('describeArgs', [[1]], new Date('2020-01-01T00:00:00Z'))).toEqual({ isArray: true, isDate: true, year: 2020 });
    const read = addon.call<{ rows: number; isArray: boolean; dateIsDate: boolean; values: unknown[][] }>('readInput');
    expect(read).toMatchObject({ rows: 2, isArray: true, dateIsDate: true });
    expect(read.values[1][1]).toBeInstanceOf(Date);
    expect(env.calls.count('Range.getValues')).toBe(1);
    expect(addon.call('catchServiceError')).toEqual({
      isError: true,
      name: 'Exception',
      message: 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    });
    expect(addon.call('sameSheet')).toBe(true);
    expect(addon.call('ISBSH', [[1], [2.5]])).toEqual([[2], [5]]);
    expect(() => addon.call('fail')).toThrow(new Error('boom'));
    expect(() => addon.call('nope')).toThrow('has no top-level function "nope"');
  });

  it('releases locks left held at the end of an execution', () => {
    const { env, addon } = load();
    expect(addon.call('holdLock')).toBe(true);
    expect(env.locks.heldByAddon()).toEqual([]);
    expect(env.locks.events.map((event) => event.action)).toEqual(['tryLock', 'releasedAtExecutionEnd']);

    const busy = load({ locksHeldByAnotherUser: ['document'] });
    expect(busy.addon.call('holdLock')).toBe(false);
  });
});
