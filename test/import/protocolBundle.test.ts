/**
 * The built dist/Code.js in an Apps Script-like vm (issue 16): «Импорт результатов» asks for the scale
 * of a pasted ВПР protocol, then imports it into «Результаты ОП» with the journal comparison.
 */
import fs from 'node:fs';
import type { ImportOutcome, ImportPreview } from '../../src/addon/importPanel';
import { HEADERS } from '../../src/engine/strings';
import { AddonHandle, AppsScriptEnvironment, loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import { CODE_JS } from '../support/exampleWorkbook';
import type { SeedSheet } from '../support/fakeSpreadsheetApp';
import { syntheticRegionalProtocol } from '../../scripts/benchImport';
import { loadPaste, loadProtocol, typed } from './paste';

const PROCEDURE = { procedure: 'ВПР математика 5 кл.' };

function start(extra: SeedSheet[] = []): { env: AppsScriptEnvironment; addon: AddonHandle } {
  if (!fs.existsSync(CODE_JS)) throw new Error('dist/Code.js не собран: выполните npm run build (npm test делает это сам)');
  const env = sheetsEnvironment({
    sheets: [
      { name: 'Справочник ОО', rows: loadPaste('registry.tsv') },
      // «Результаты ОП» as typed before issue 16: ten columns, one ВПР result.
      { name: 'Результаты ОП', rows: [HEADERS.results.slice(0, 10), ['2020/2021', 'sch240104', 'МБОУ "СОШ № 4"', 'ВПР математика 5 кл.', 6, 2]] },
      { name: 'Протокол', rows: typed(loadProtocol('protocol-sheet-math5-2021.tsv')) },
      ...extra,
    ],
  });
  return { env, addon: loadAddon(CODE_JS, env) };
}

describe('a pasted ВПР protocol in the add-on (dist/Code.js)', () => {
  it('asks for the scale, refuses to import without it, names the settings row', () => {
    const { addon } = start();
    const p = addon.call<ImportPreview>('previewImport', 'Протокол', PROCEDURE);
    expect(p).toMatchObject({ layout: 'vpr-protocol', procedure: 'ВПР математика 5 кл.', year: '2020/2021', needs: ['scale'], canApply: false, scale: { value: null, settingsLabel: 'Шкала ВПР: ВПР математика 5 кл., 2020/2021' } });
    expect(p.summary).toContain('Во вставке протокол ВПР: баллы переводятся в отметки по шкале. Укажите минимальные баллы для «3», «4», «5» (ВПР математика 5 кл., 2020/2021) или добавьте в «Настройки» строку «Шкала ВПР: ВПР математика 5 кл., 2020/2021».');
    expect(() => addon.call('applyImport', 'Протокол', PROCEDURE)).toThrow('Перед импортом укажите шкалу перевода баллов в отметки.');
    expect(() => addon.call('previewImport', 'Протокол', { ...PROCEDURE, scale: '7; 11' })).toThrow('Шкала «7; 11» не распознана');
  });

  it('previews with the scale reading each sheet once; imports with three writes; a second import adds nothing', () => {
    const { env, addon } = start();
    env.calls.reset();
    const p = addon.call<ImportPreview>('previewImport', 'Протокол', { ...PROCEDURE, scale: '7,11,15' });
    expect(p).toMatchObject({ needs: [], canApply: true, toAppend: 2, objectivityRows: 2, students: { participants: 11, absent: 1, noJournalMark: 1 }, scale: { value: { three: 7, four: 11, five: 15 }, source: 'hint' } });
    expect(p.addedColumns).toEqual(HEADERS.results.slice(10));
    expect(env.calls.count('Range.getValues')).toBe(3);
    expect(env.calls.count('Range.setValues')).toBe(0);

    env.calls.reset();
    const done = addon.call<ImportOutcome>('applyImport', 'Протокол', { ...PROCEDURE, scale: '7,11,15' });
    expect(done).toMatchObject({ appended: 2, journalSheet: 'Журнал импорта' });
    // The rows and «Журнал импорта» with one write each; the seven new headers cell by cell, in the
    // same all-or-nothing transaction (a bounded number of calls, whatever the number of schools).
    expect(env.calls.count('Range.setValues')).toBe(2);
    expect(env.calls.count('Range.setValue')).toBe(7);
    const values = env.dumpSheet('Результаты ОП').values;
    expect(values[0]).toEqual([...HEADERS.results]);
    expect(values.slice(1)).toEqual([
      ['2020/2021', 'sch240104', 'МБОУ "СОШ № 4"', 'ВПР математика 5 кл.', 6, 2, '', '', '', '', '', '', '', '', '', '', ''],
      ['2020/2021', 'sch240103', 'МАОУ "Гимназия № 3"', 'ВПР математика 5 кл.', 5, 0, '', 13.6, '', '', 1, 2, 1, 1, 0, 1, 0],
      ['2020/2021', 'sch240104', 'МБОУ "СОШ № 4"', 'ВПР математика 5 кл.', '', '', '', '', '', '', 2, 4, 0, 3, 1, 0, 1],
    ]);
    const journal = env.dumpSheet('Журнал импорта').values.map((r) => String(r[4]));
    expect(journal).toContain('Отсутствовали на работе (нет итогового балла): 1 обучающийся.');
    expect(journal.some((m) => m.startsWith('Итоговый балл 21 больше максимального'))).toBe(true);

    expect(addon.call<ImportOutcome>('applyImport', 'Протокол', { ...PROCEDURE, scale: '7,11,15' })).toMatchObject({ appended: 0, alreadyThere: 2 });
    expect(env.dumpSheet('Результаты ОП').values).toHaveLength(4);
  });

  it('takes the scale from «Настройки» without asking', () => {
    const { addon } = start([{ name: 'Настройки', rows: [['Параметр', 'Значение', 'Пояснение'], ['Шкала ВПР: ВПР математика 5 кл., 2020/2021', '7; 11; 15', '']] }]);
    const p = addon.call<ImportPreview>('previewImport', 'Протокол', PROCEDURE);
    expect(p).toMatchObject({ needs: [], canApply: true, scale: { source: 'settings' } });
  });
});

describe('a region’s protocol in the add-on', () => {
  it('costs the same few calls whatever the number of schools: one read per sheet, one write per sheet', () => {
    const protocol = syntheticRegionalProtocol(6000, 150, 10);
    const env = sheetsEnvironment({ sheets: [{ name: 'Результаты ОП', rows: [[...HEADERS.results]] }, { name: 'Протокол', rows: protocol.rows }] });
    const addon = loadAddon(CODE_JS, env);
    env.calls.reset();
    const done = addon.call<ImportOutcome>('applyImport', 'Протокол', { ...PROCEDURE, scale: '7; 11; 15' });
    expect(done.appended).toBe(150);
    expect(env.calls.count('Range.getValues')).toBe(2);
    expect(env.calls.count('Range.setValues')).toBe(2);
    const rows = env.dumpSheet('Результаты ОП').values.slice(1);
    // Every participant is in exactly one school's P; the absent are in none.
    expect(rows.reduce((s, r) => s + Number(r[4]), 0)).toBe(done.students?.participants);
    expect((done.students?.participants ?? 0) + (done.students?.absent ?? 0)).toBe(6000);
  });
});
