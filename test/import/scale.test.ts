/** The scale of marks of a ВПР (issue 16): typed at the import, or rows «Шкала ВПР: <процедура>, <учебный год>». */
import { formatScale, markOf, parseScale, validateImportHints } from '../../src/engine/import';
import { Journal } from '../../src/engine/journal';
import { defaultSettings, readSettings, settingsTable } from '../../src/engine/settings';

describe('parseScale and markOf', () => {
  it.each(['7; 11; 15', '7,11,15', '7 11 15', ' 7 / 11 / 15 '])('reads «%s»', (text) => {
    expect(parseScale(text)).toEqual({ three: 7, four: 11, five: 15 });
  });
  it.each(['7; 11', '7; 11; 15; 20', '11; 7; 15', '7; 7; 15', '0; 5; 10', '7,5; 11; 15', 'семь', '7; 11; 300'])('refuses «%s»', (text) => {
    expect(parseScale(text)).toBeNull();
  });
  it('refuses a number cell (7,11 typed into a number)', () => {
    expect(parseScale(7.11)).toBeNull();
  });
  it('a total below the minimum for «3» is «2»; at a minimum, that mark', () => {
    const s = { three: 7, four: 11, five: 15 };
    expect([0, 6, 7, 10, 11, 14, 15, 20].map((t) => markOf(t, s))).toEqual([2, 2, 3, 3, 4, 4, 5, 5]);
    expect(formatScale(s)).toBe('7; 11; 15');
  });
  it('validates the hint the panel and the CLI send', () => {
    expect(validateImportHints({ scale: '7,11,15' })).toEqual({ scale: '7; 11; 15' });
    expect(() => validateImportHints({ scale: '15,11,7' })).toThrow('Шкала «15,11,7» не распознана: укажите три минимальных балла для «3», «4», «5» по возрастанию, например 7; 11; 15.');
  });
});

describe('rows «Шкала ВПР: …» of «Настройки»', () => {
  it('any number of them, by procedure (as coordinators write it) and school year', () => {
    const journal = new Journal();
    const { settings, missing } = readSettings(
      [
        ['Параметр', 'Значение', 'Пояснение'],
        ['Шкала ВПР: ВПР математика 5 кл., 2020/2021', '7; 11; 15'],
        ['шкала впр: Русский язык 5, 2020-2021', '18,29,39'],
      ],
      journal,
    );
    expect(settings.vprScales).toEqual({
      'ВПР математика 5 кл.|2020/2021': { three: 7, four: 11, five: 15 },
      'ВПР русский язык 5 кл.|2020/2021': { three: 18, four: 29, five: 39 },
    });
    expect(journal.entries).toEqual([]);
    expect(missing.some((m) => m.startsWith('Шкала'))).toBe(false);
  });

  it('reports a row it cannot use and keeps the others', () => {
    const journal = new Journal();
    const { settings } = readSettings(
      [
        ['Шкала ВПР: ВПР физика 7 кл., 2020/2021', '7; 11; 15'],
        ['Шкала ВПР: ВПР математика 5 кл., 2021', '7; 11; 15'],
        ['Шкала ВПР: ВПР математика 6 кл., 2020/2021', '15; 11; 7'],
        ['Шкала ВПР математика', '1; 2; 3'],
        ['Шкала ВПР: ВПР математика 5 кл., 2020/2021', '6; 10; 14'],
        ['Шкала ВПР: ВПР математика 5 кл., 2020/2021', '7; 11; 15'],
      ],
      journal,
    );
    expect(settings.vprScales).toEqual({ 'ВПР математика 5 кл.|2020/2021': { three: 7, four: 11, five: 15 } });
    expect(journal.entries.map((e) => [e.level, e.row, e.message])).toEqual([
      ['error', 1, 'Параметр «Шкала ВПР: ВПР физика 7 кл., 2020/2021»: не понятно, к какой процедуре и учебному году относится «Шкала ВПР: ВПР физика 7 кл., 2020/2021»: пишите «Шкала ВПР: ВПР математика 5 кл., 2020/2021».'],
      ['error', 2, 'Параметр «Шкала ВПР: ВПР математика 5 кл., 2021»: учебный год «2021» укажите полностью, например 2020/2021.'],
      ['error', 3, 'Параметр «Шкала ВПР: ВПР математика 6 кл., 2020/2021»: шкала «15; 11; 7» не распознана: нужны три целых минимальных балла для «3», «4», «5» по возрастанию, например 7; 11; 15.'],
      ['error', 4, expect.stringMatching(/^Параметр «Шкала ВПР математика»: не понятно/)],
      ['warning', 6, 'Параметр «Шкала ВПР: ВПР математика 5 кл., 2020/2021» указан несколько раз (строки 5, 6).'],
    ]);
  });

  it('are written back by settingsTable and read as they were', () => {
    const s = defaultSettings();
    s.vprScales['ВПР математика 5 кл.|2020/2021'] = { three: 7, four: 11, five: 15 };
    const table = settingsTable(s);
    expect(table[table.length - 1]).toEqual(['Шкала ВПР: ВПР математика 5 кл., 2020/2021', '7; 11; 15', expect.stringContaining('Минимальные первичные баллы')]);
    const journal = new Journal();
    expect(readSettings(table, journal).settings).toEqual(s);
    expect(journal.entries).toEqual([]);
  });
});
