import { Journal } from '../../src/engine/journal';
import { defaultSettings, readSettings, settingsEdit, settingsTable } from '../../src/engine/settings';

describe('«Настройки»', () => {
  it('round-trips: the sheet written for the defaults reads back as the defaults', () => {
    const j = new Journal();
    const { settings, missing } = readSettings(settingsTable(defaultSettings()), j);
    expect(settings).toEqual(defaultSettings());
    expect(missing).toEqual([]);
    expect(j.entries).toEqual([]);
  });
  it('reads values as coordinators type them and reports bad ones, keeping the default', () => {
    const j = new Journal();
    const { settings, missing } = readSettings(
      [
        ['Параметр', 'Значение', 'Пояснение'],
        ['Учебный год анализа', '2021-22'],
        ['Граница ШНСУ', 'Нижний квинтиль'],
        ['Порог низкого результата, %', 'тридцать'],
        ['Критерий 2: та же процедура в оба года', 'Да'],
        ['ИСБШ: вес доли «на учёте»', '65,5'],
        ['ШНОР: учитывать ЕГЭ русский язык', 'нет'],
        ['Что-то своё', '1'],
      ],
      j,
    );
    expect(settings).toMatchObject({ year: '2021/2022', cutoff: 'quintile', threshold: 30, sameProcedure: true });
    expect(settings.weights.register).toBe(65.5);
    expect(settings.procedures['ЕГЭ русский язык']).toBe(false);
    expect(missing.length).toBeGreaterThan(5);
    expect(j.entries.map((e) => e.level)).toEqual(['error', 'warning']);
  });
  it('saving from the panel rewrites only the value column of the given parameters and appends the missing ones', () => {
    const table = [
      ['Параметр', 'Значение', 'Пояснение'],
      ['Граница ШНСУ', 'нижний квартиль', 'моё пояснение'],
      ['Порог низкого результата, %', 30, ''],
    ];
    const changed = { ...defaultSettings(), cutoff: 'quintile' as const, threshold: 25 };
    const edit = settingsEdit(table, changed, ['Граница ШНСУ', 'Порог низкого результата, %', 'Учебный год анализа']);
    expect(edit).toEqual({ kind: 'update', values: [['Значение'], ['нижний квинтиль'], [25]], append: [['Учебный год анализа', '', expect.any(String)]] });
  });
});
