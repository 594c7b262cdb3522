import fs from 'node:fs';
import path from 'node:path';
import { AppsScriptEnvironment, loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import { CODE_JS, exampleSheets } from '../support/exampleWorkbook';

const expected = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/municipality.expected.json'), 'utf8'));
const INPUTS = ['Справочник ОО', 'Ответы на форму (1)', 'Результаты ОП'];

function start(sheets = exampleSheets(), extra: Parameters<typeof sheetsEnvironment>[0] = {}) {
  if (!fs.existsSync(CODE_JS)) throw new Error('dist/Code.js не собран: выполните npm run build');
  const env = sheetsEnvironment({ sheets, htmlFiles: { sidebar: '<!doctype html><p>панель</p>' }, ...extra });
  return { env, addon: loadAddon(CODE_JS, env) };
}

/** Rows of a generated table by the code in column A, from the header row whose first cell is «Код ОО». */
function rowsByCode(env: AppsScriptEnvironment, sheet: string): Map<string, unknown[]> {
  const { values } = env.dumpSheet(sheet);
  const head = values.findIndex((r) => r[0] === 'Код ОО');
  const header = values[head] as string[];
  const out = new Map<string, unknown[]>();
  for (const r of values.slice(head + 1)) if (typeof r[0] === 'string' && r[0].startsWith('sch')) out.set(r[0], r);
  out.set('__header', header);
  return out;
}

describe('the built add-on in an Apps Script-like vm', () => {
  it('has no Node globals', () => {
    const { addon } = start();
    expect(addon.evaluate('typeof require + typeof process + typeof module + typeof Buffer')).toBe('undefinedundefinedundefinedundefined');
  });

  it('onOpen builds the add-on menu in AuthMode.NONE without touching the data', () => {
    const { env, addon } = start();
    env.calls.reset();
    addon.call('onOpen', { authMode: env.globals.ScriptApp.AuthMode.NONE });
    const items = env.ui.menuItems();
    expect(items.slice(0, 2)).toEqual([
      { caption: 'Открыть панель', functionName: 'menuOpenPanel' },
      { caption: 'Рассчитать', functionName: 'menuCalculate' },
    ]);
    expect(items.map((i) => i.functionName)).toEqual(expect.arrayContaining(['menuCreateStructure', 'menuHelp']));
    for (const item of items) expect(addon.isTopLevelFunction(item.functionName)).toBe(true);
    expect(env.calls.total('Range.')).toBe(0);
    expect(env.calls.count('Spreadsheet.getSheets')).toBe(0);
  });

  it('«Рассчитать» gives the independently computed ИСБШ, ranks, cut-off, ШНСУ and ШНОР, leaves the inputs untouched, and reads/writes each sheet once', () => {
    const { env, addon } = start();
    const before = INPUTS.map((n) => env.dumpSheet(n).values);
    env.calls.reset();
    addon.call('menuCalculate');

    // One read per input sheet (Настройки does not exist yet), one write per generated sheet + the created Настройки.
    expect(env.calls.count('Range.getValues')).toBe(3);
    const generated = ['ИСБШ', 'ШНОР', 'Перечень ШНОР и ШНСУ', 'Журнал проверки'];
    for (const n of generated) expect(env.workbook.sheetNames()).toContain(n);
    expect(env.calls.count('Range.setValues')).toBe(env.workbook.sheetNames().filter((n) => !INPUTS.includes(n)).length);
    expect(INPUTS.map((n) => env.dumpSheet(n).values)).toEqual(before);

    const isbsh = rowsByCode(env, 'ИСБШ');
    const head = isbsh.get('__header') as string[];
    const col = (name: string) => head.indexOf(name);
    for (const [code, want] of Object.entries<Record<string, unknown>>(expected.schools)) {
      const row = isbsh.get(code) as unknown[];
      if (want.isbsh === null) expect(row[col('ИСБШ')]).toBe('');
      else {
        expect(row[col('ИСБШ')]).toBeCloseTo(want.isbsh as number, 10);
        expect(row[col('Ранг')]).toBe(want.isbshRank);
      }
      expect(row[col('ШНСУ')] === 'да').toBe(want.shnsu);
    }
    const cutoffRow = env.dumpSheet('ИСБШ').values.find((r) => r[0] === 'Граница ШНСУ') as unknown[];
    expect(cutoffRow[1]).toBeCloseTo(expected.shnsuCutoff, 10);

    const shnor = rowsByCode(env, 'ШНОР');
    const sh = shnor.get('__header') as string[];
    const statuses: Record<string, string> = { ok: 'данные в порядке', 'no-data': 'нет данных', 'needs-check': 'требует проверки' };
    for (const [code, want] of Object.entries<Record<string, unknown>>(expected.schools)) {
      const row = shnor.get(code) as unknown[];
      expect({ code, k1: row[sh.indexOf('Критерий 1')] === 'да', k2: row[sh.indexOf('Критерий 2')] === 'да', shnor: row[sh.indexOf('ШНОР')] === 'да', status: row[sh.indexOf('Статус')] }).toEqual({
        code,
        k1: want.criterion1,
        k2: want.criterion2,
        shnor: want.shnor,
        status: statuses[want.status as string],
      });
    }

    const list = env.dumpSheet('Перечень ШНОР и ШНСУ').values;
    const listed = new Map(list.filter((r) => typeof r[1] === 'string' && r[1].startsWith('sch')).map((r) => [r[1], r[3]]));
    for (const [code, want] of Object.entries<Record<string, boolean>>(expected.schools)) {
      const category = want.shnor && want.shnsu ? 'ШНОР и ШНСУ' : want.shnor ? 'ШНОР' : want.shnsu ? 'ШНСУ' : undefined;
      expect([code, listed.get(code)]).toEqual([code, category]);
    }

    const journal = env.dumpSheet('Журнал проверки').values;
    expect(journal.some((r) => r[0] === 'Ошибка' && String(r[4]).includes('Школа-интернат Заречная'))).toBe(true);
    expect(env.ui.alerts.at(-1)?.prompt).toContain('ШНОР: 7, ШНСУ: 5, ШНОР и ШНСУ: 2');
    expect(env.ui.toasts).toHaveLength(1);
  });

  it('a second run rewrites the generated sheets whole and reads Настройки once more', () => {
    const { env, addon } = start();
    addon.call('menuCalculate');
    const first = env.dumpSheet('ШНОР').values;
    env.calls.reset();
    addon.call('menuCalculate');
    expect(env.calls.count('Range.getValues')).toBe(4);
    expect(env.dumpSheet('ШНОР').values).toEqual(first);
  });

  it('finds a questionnaire sheet the coordinator renamed, peeking only at its header', () => {
    const sheets = exampleSheets().map((s) => (s.name === 'Ответы на форму (1)' ? { ...s, name: 'Анкета школ' } : s));
    sheets.push({ name: 'Заметки', rows: [['мои заметки']] });
    const renamed = sheets.map((s) => (s.name === 'Анкета школ' ? { ...s, name: 'Данные от школ' } : s));
    const { env, addon } = start(renamed);
    env.calls.reset();
    const summary = addon.call<{ shnsu: number }>('runCalculation');
    expect(summary.shnsu).toBe(5);
    // Three whole reads plus a header peek at «Данные от школ» (the search stops there, «Заметки» is not read).
    expect(env.calls.count('Range.getValues')).toBe(4);
    expect(env.dumpSheet('Журнал проверки').values.some((r) => String(r[4]).includes('«Данные от школ» распознан как ответы на анкету'))).toBe(true);
  });

  it('formatting is batched: the number of calls does not grow with the number of schools', () => {
    const count = (sheets: ReturnType<typeof exampleSheets>) => {
      const { env, addon } = start(sheets);
      env.calls.reset();
      addon.call('runCalculation');
      return env.calls.total('');
    };
    const full = exampleSheets();
    const small = full.map((s) => (s.name === 'Справочник ОО' ? { ...s, rows: s.rows.slice(0, 6) } : s));
    expect(count(full)).toBe(count(small));
  });

  it('text typed by a school stays text in the generated sheets', () => {
    const sheets = exampleSheets().filter((s) => s.name !== 'Справочник ОО');
    const form = sheets.find((s) => s.name === 'Ответы на форму (1)');
    form?.rows.push(['20.01.2023 10:00:00', '', '=HYPERLINK("http://example.invalid";"школа")', '2022/2023', 100, 10, 10, 10]);
    form?.rows.push(['20.01.2023 10:00:00', '', '+7 913 000', '2022/2023', 100, 10, 10, 10]);
    const { env, addon } = start(sheets);
    addon.call('runCalculation');
    const dump = env.dumpSheet('ИСБШ');
    expect(dump.formulas.flat().filter(Boolean)).toEqual([]);
    const names = dump.values.map((r) => r[1]);
    expect(names).toContain('=HYPERLINK("http://example.invalid";"школа")');
    expect(names).toContain('+7 913 000');
  });

  it('a second click while a run holds the lock gets «расчёт уже выполняется»', () => {
    const { env, addon } = start(exampleSheets(), { locksHeldByAnotherUser: ['document'] });
    expect(() => addon.call('runCalculation')).toThrow(/Расчёт уже выполняется/);
    addon.call('menuCalculate');
    expect(env.ui.alerts.at(-1)?.prompt).toMatch(/Расчёт уже выполняется/);
    expect(env.workbook.sheetNames()).not.toContain('ИСБШ');
  });

  it('the panel reads the sources and saves its settings to «Настройки»', () => {
    const { env, addon } = start();
    const state = addon.call<{ sources: { role: string; rows: number; problems: number }[]; settings: { cutoff: string } }>('getPanelState');
    expect(state.sources.find((s) => s.role === 'questionnaire')).toMatchObject({ rows: 23 });
    expect(state.sources.find((s) => s.role === 'results')).toMatchObject({ rows: 248 });
    expect(state.settings.cutoff).toBe('quartile');
    expect(env.workbook.sheetNames()).not.toContain('Настройки');
    const saved = addon.call<{ settings: { cutoff: string; year: string } }>('savePanelSettings', { year: '2022-23', cutoff: 'quintile', threshold: 30, sameProcedure: false });
    expect(saved.settings).toMatchObject({ cutoff: 'quintile', year: '2022/2023' });
    const settings = env.dumpSheet('Настройки').values;
    expect(settings.find((r) => r[0] === 'Граница ШНСУ')?.[1]).toBe('нижний квинтиль');
    expect(() => addon.call('savePanelSettings', { year: 'позапрошлый', cutoff: 'quartile', threshold: 30, sameProcedure: false })).toThrow('не является учебным годом');
    expect(() => addon.call('savePanelSettings', { year: '', cutoff: 'quartile', threshold: 300, sameProcedure: false })).toThrow('Порог');
    expect(() => addon.call('activateSheet', 'Нет такого')).toThrow('Лист «Нет такого» не найден.');
  });

  it('custom functions take whole ranges and answer in Russian', () => {
    const { addon } = start();
    expect(addon.call('ISBSH', [[0.5], [1]], [[0.25], [0]], [[0.1], [0]])).toEqual([[expect.closeTo(81, 10)], [100]]);
    expect(addon.call('ISBSH_COUNTS', 100, 25, 10, 4)).toBeCloseTo(84.15, 10);
    expect(addon.call('LOW_RESULT', [[40], [37]], [[12], [11]])).toEqual([[true], [false]]);
    expect(addon.call('SHNSU_CUTOFF', [[1], [2], [3], [4]])).toBeCloseTo(1.75, 10);
    expect(() => addon.call('SHNSU_CUTOFF', [['']])).toThrow('В диапазоне нет ни одного числа ИСБШ.');
  });

  it('«Создать структуру листов» adds only the missing input sheets', () => {
    const { env, addon } = start([{ name: 'Результаты ОП', rows: [['моё']] }]);
    addon.call('menuCreateStructure');
    expect(env.workbook.sheetNames()).toEqual(expect.arrayContaining(['Справочник ОО', 'Настройки']));
    expect(env.dumpSheet('Результаты ОП').values).toEqual([['моё']]);
  });
});
