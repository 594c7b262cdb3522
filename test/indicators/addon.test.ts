import fs from 'node:fs';
import { loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import { CODE_JS } from '../support/exampleWorkbook';
import { SeedSheet } from '../support/fakeSpreadsheetApp';
import { workbook } from './municipality';
import { columnOf, rowOf } from './sheetEdit';

function start(extra: SeedSheet[] = []) {
  if (!fs.existsSync(CODE_JS)) throw new Error('dist/Code.js не собран: выполните npm run build');
  const input = workbook();
  const sheets: SeedSheet[] = [...input.sheetNames.map((name) => ({ name, rows: input.tables[name] as SeedSheet['rows'] })), ...extra];
  const env = sheetsEnvironment({ sheets, htmlFiles: { sidebar: '<!doctype html><p>панель</p>' } });
  return { env, addon: loadAddon(CODE_JS, env) };
}

interface MonitoringResult {
  sheet: string;
  created: boolean;
  listed: number;
  added: string[];
  kept: number;
  extraColumns: string[];
  message: string;
}

describe('program indicators in the add-on', () => {
  it('the menu has «Подготовить лист мониторинга»; prepareMonitoring() is a server function', () => {
    const { env, addon } = start();
    addon.call('onOpen', { authMode: env.globals.ScriptApp.AuthMode.NONE });
    expect(env.ui.menuItems()).toEqual(expect.arrayContaining([{ caption: 'Подготовить лист мониторинга', functionName: 'menuPrepareMonitoring' }]));
    expect(addon.isTopLevelFunction('menuPrepareMonitoring')).toBe(true);
    expect(addon.isTopLevelFunction('prepareMonitoring')).toBe(true);
  });

  it('prepareMonitoring creates «Мониторинг» with checkboxes, then rebuilds it keeping what the group entered', () => {
    const { env, addon } = start();
    const first = addon.call<MonitoringResult>('prepareMonitoring');
    expect(first).toMatchObject({ sheet: 'Мониторинг', created: true, listed: 4 });
    let dump = env.dumpSheet('Мониторинг');
    const tick = { row: rowOf(dump.values as never, 's04'), col: columnOf(dump.values as never, '1.1.1.1') };
    const teachers = columnOf(dump.values as never, 'Педагогов всего');
    expect(dump.checkboxes[tick.row][tick.col]).toBe(true);

    const sheet = env.spreadsheet.getSheetByName('Мониторинг')!;
    sheet.getRange(tick.row + 1, tick.col + 1).setValue(true);
    sheet.getRange(tick.row + 1, teachers + 1).setValue(27);
    const extra = dump.values[0].length + 1;
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(3, extra).setValue('Ответственный член МРГ');
    sheet.getRange(tick.row + 1, extra).setValue('Иванова');

    const second = addon.call<MonitoringResult>('prepareMonitoring');
    expect(second).toMatchObject({ created: false, kept: 10, extraColumns: ['Ответственный член МРГ'] });
    dump = env.dumpSheet('Мониторинг');
    const row = rowOf(dump.values as never, 's04');
    expect(dump.values[row][columnOf(dump.values as never, '1.1.1.1')]).toBe(true);
    expect(dump.values[row][columnOf(dump.values as never, 'Педагогов всего')]).toBe(27);
    expect(dump.values[row][columnOf(dump.values as never, 'Ответственный член МРГ')]).toBe('Иванова');
  });

  it('«Рассчитать» reads «Мониторинг» without writing it, writes «Показатели» and «Сводка» with a native chart, and reports the indicators', () => {
    const { env, addon } = start();
    addon.call('prepareMonitoring');
    const before = env.dumpSheet('Мониторинг');
    env.calls.reset();
    const summary = addon.call<{ indicators: { reached: number; notReached: number; noData: number }; sheets: string[] }>('runCalculation');
    expect(env.dumpSheet('Мониторинг').values).toEqual(before.values);
    expect(summary.sheets).toEqual(['ИСБШ', 'ШНОР', 'Перечень ШНОР и ШНСУ', 'Показатели', 'Сводка', 'Контекст', 'История', 'Журнал проверки']);
    const { reached, notReached, noData } = summary.indicators;
    expect(reached + notReached + noData).toBe(29);
    expect(reached).toBeGreaterThan(0);

    const svodka = env.dumpSheet('Сводка');
    expect(svodka.charts).toHaveLength(1);
    const chart = svodka.charts[0];
    const head = svodka.values.findIndex((r) => r[0] === 'Наименование ОО');
    expect(chart.ranges).toEqual([`A${head + 1}:C${head + 11}`]);
    expect(chart).toMatchObject({ type: 'COMBO', numHeaders: 1 });
    expect(chart.options).toMatchObject({ seriesType: 'bars', series: { 1: { type: 'line' } } });
    expect(chart.position.row).toBeLessThan(head + 1);
    expect(env.calls.count('Sheet.insertChart')).toBe(2); // «Сводка» and «Контекст»

    // A second run replaces the chart instead of piling them up.
    addon.call('runCalculation');
    expect(env.dumpSheet('Сводка').charts).toHaveLength(1);
  });
});
