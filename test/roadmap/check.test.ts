/**
 * Completeness of «Дорожная карта» (DESIGN §2.8) on a roadmap typed by hand for the small municipality
 * of the indicator tests. Its list in 2022/2023: ШНОР s02 (К2) and s04 (К1) → track 1; ШНСУ s01 and s03
 * (not ШНОР, no school with exactly one low result in Y) → track 2. Every expected number is counted below.
 */
import { analyze, buildReport, roadmapDocumentRows, spravkaDocument } from '../../src/engine';
import { TableBlock, allBlocks } from '../../src/engine/documents/model';
import { Table } from '../../src/engine/table';
import { workbook } from '../indicators/municipality';

const HEAD = ['Трек', 'Код ОО', 'Наименование ОО', 'Задача — действие', 'Мера — мероприятие', 'Сроки', 'Ответственные', 'Результаты / показатели', 'Статус'];

/** Sheet rows 1…16 (the comment is the 1-based row). */
export const HAND_ROADMAP: Table = [
  ['Дорожную карту заполняет рабочая группа.'], // 1
  ['Дорожная карта — 2022/2023 учебный год'], // 2
  HEAD, // 3
  ['', '', '', '', 'Мера без трека', 'март 2023', 'А', 'Б', ''], // 4: no track and no heading above
  ['Трек 1. Адресная поддержка школ с низкими результатами обучения'], // 5
  [1, 's02', 'Школа 2', 'Повысить результаты', 'Методический десант', 'март 2023', 'Иванова И. И.', 'Рекомендации школе', 'выполнено'], // 6: complete, done
  [1, 's04', 'Школа 4', 'Повысить результаты', 'Семинар', 'в течение года', 'Петров П. П.', 'Протокол', 'в работе'], // 7: unreadable
  ['', '', '', '', 'Диагностика дефицитов', 'II квартал 2023', '', 'Справка', ''], // 8: s04 again, no one responsible
  ['Трек 2. Адресная поддержка школ, функционирующих в зоне риска'], // 9
  [2, 's01', 'Школа 1', '', 'Комплекс мер', '15.02.2023', 'Сидорова С. С.', 'Комплекс утверждён', 'в работе'], // 10: complete, overdue
  [2, 's05', 'Школа 5', '', 'Мера', 'май 2022', 'Кто-то', 'Что-то', 'вышла из перечня'], // 11: history
  [2, 's06', 'Школа 6', '', 'Мера', 'март 2023', 'Кто-то', 'Что-то', 'запланировано'], // 12: not in track 2 any more, overdue
  ['Трек 3. Профилактика учебной неуспешности'], // 13
  [3, '', '', 'Профилактика', 'Программы профилактики', 'I квартал 2023', 'Управление образования', '100 % ОО', 'выполнено'], // 14
  [3, '', '', '', 'Муниципальные площадки', '', '', '', ''], // 15: three fields missing
  [3, 'zz99', 'Неизвестная школа', '', 'Мера', '31.05.2023', 'Я', 'Он', ''], // 16: unknown school, complete
];

function run(today?: string) {
  return analyze({ ...workbook({ 'Дорожная карта': HAND_ROADMAP }), today });
}

describe('completeness of «Дорожная карта» during «Рассчитать»', () => {
  it('counts rows by track and finds the schools of tracks 1 and 2 without a complete measure', () => {
    const r = run('2023-04-15').roadmap!;
    expect(r.recognized).toBe(true);
    expect(r.rows).toBe(10);
    expect(r.rowsByTrack).toEqual({ 1: 3, 2: 3, 3: 3 });
    expect(r.schoolsWithoutMeasures).toEqual([
      { code: 's04', name: 'Школа 4', track: 1, rows: [7, 8] },
      { code: 's03', name: 'Школа 3', track: 2, rows: [] },
    ]);
    // Rows 7 (unreadable), 8 (no one responsible), 15 (three fields); row 4 has no track, row 11 is history.
    expect(r.incompleteRows).toBe(3);
    expect(r.unreadableDeadlines).toEqual([{ row: 7, text: 'в течение года' }]);
    expect(r.overdue).toEqual([
      { row: 10, school: 'Школа 1', deadline: '15.02.2023', status: 'в работе' },
      { row: 12, school: 'Школа 6', deadline: 'март 2023', status: 'запланировано' },
    ]);
  });

  it('says per school and per row what is missing, in the journal', () => {
    const journal = run('2023-04-15').journal.filter((e) => e.sheet === 'Дорожная карта');
    const line = (e: (typeof journal)[number]) => `${e.level} ${e.row ?? '-'} ${e.school ?? '-'}: ${e.message}`;
    expect(journal.map(line)).toEqual([
      'warning 4 -: Не указан трек (1, 2 или 3).',
      'warning 7 Школа 4: Сроки «в течение года» не читаются как дата, месяц или квартал.',
      'warning 10 Школа 1: Срок «15.02.2023» прошёл (на 15.04.2023), а статус — «в работе».',
      'warning 12 Школа 6: Срок «март 2023» прошёл (на 15.04.2023), а статус — «запланировано».',
      'info 12 Школа 6: Трек 2: школа больше не относится к треку, но её строки не отмечены.',
      'warning 16 -: Школа «Неизвестная школа» не найдена в справочнике.',
      'warning 7 Школа 4: Трек 1: нет ни одной полной меры (мера, сроки, ответственные, результаты) — строка 7: не заполнено «Сроки» (не читаются); строка 8: не заполнено «Ответственные».',
      'warning - Школа 3: Трек 2: школы нет в дорожной карте.',
    ]);
  });

  it('without a date from the shell nothing is overdue', () => {
    const r = run().roadmap!;
    expect(r.overdue).toEqual([]);
    expect(r.today).toBeNull();
    expect(r.incompleteRows).toBe(3);
  });

  it('goes into the JSON (§3.3), «Сводка» and the panel sources; absent sheet → null', () => {
    const report = buildReport({ ...workbook({ 'Дорожная карта': HAND_ROADMAP }), today: '2023-04-15' }, '15.04.2023 10:00');
    expect(report.json.roadmap).toEqual({ rows: 10, schoolsWithoutMeasures: ['s04', 's03'], incompleteRows: 3, overdueRows: 2, unreadableDeadlines: 1 });
    const svodka = report.sheets.find((s) => s.name === 'Сводка')!;
    const cells = svodka.values.map((r) => [r[0], r[1]]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ['Дорожная карта (лист «Дорожная карта»)', ''],
        ['Мер в дорожной карте', 10],
        ['Школ треков 1 и 2 без полной меры (мера, сроки, ответственные, результаты)', 2],
        ['Мер без сроков, ответственных, мероприятия или результатов', 3],
        ['Мер с нечитаемыми сроками', 1],
        ['Мер с прошедшим сроком не выполнено (на 15.04.2023)', 2],
      ]),
    );
    expect(report.analysis.sources.find((s) => s.role === 'roadmap')).toMatchObject({ sheet: 'Дорожная карта', rows: 10 });
    expect(buildReport(workbook(), '15.04.2023 10:00').json.roadmap).toBeNull();
  });

  it('a sheet of that name that is no roadmap is said so and not checked', () => {
    const a = analyze(workbook({ 'Дорожная карта': [['№', 'Наименование мероприятия', 'Исполнители'], [1, 'Совещание', 'УО']] }));
    expect(a.roadmap).toMatchObject({ recognized: false, rows: 0 });
    expect(a.journal.filter((e) => e.sheet === 'Дорожная карта').map((e) => e.message)).toEqual([
      'Лист не распознан как дорожная карта: не найдены столбцы «Сроки», «Результаты / показатели», «Трек» или «Код ОО».',
    ]);
  });

  it('gives the справка its measures in force, track by track', () => {
    const rows = roadmapDocumentRows(run('2023-04-15').roadmap)!;
    expect(rows.map((r) => [r.track.slice(0, 6), r.school, r.measure, r.deadline, r.responsible, r.results])).toEqual([
      ['Трек 1', 'Школа 2 (s02)', 'Методический десант', 'март 2023', 'Иванова И. И.', 'Рекомендации школе'],
      ['Трек 1', 'Школа 4 (s04)', 'Семинар', 'в течение года', 'Петров П. П.', 'Протокол'],
      ['Трек 1', 'Школа 4 (s04)', 'Диагностика дефицитов', 'II квартал 2023', '', 'Справка'],
      ['Трек 2', 'Школа 1 (s01)', 'Комплекс мер', '15.02.2023', 'Сидорова С. С.', 'Комплекс утверждён'],
      ['Трек 2', 'Школа 6 (s06)', 'Мера', 'март 2023', 'Кто-то', 'Что-то'],
      ['Трек 3', '', 'Программы профилактики', 'I квартал 2023', 'Управление образования', '100 % ОО'],
      ['Трек 3', '', 'Муниципальные площадки', '', '', ''],
      ['Трек 3', 'Неизвестная школа (zz99)', 'Мера', '31.05.2023', 'Я', 'Он'],
    ]);
    expect(rows[0].track).toBe('Трек 1. Адресная поддержка школ с низкими результатами обучения');
    expect(roadmapDocumentRows(analyze(workbook()).roadmap)).toBeNull();
  });

  it('«Аналитическая справка» has the roadmap as a table when the sheet exists, and no such section otherwise', () => {
    const report = buildReport({ ...workbook({ 'Дорожная карта': HAND_ROADMAP }), today: '2023-04-15' }, '15.04.2023 10:00');
    const doc = spravkaDocument({ analysis: report.analysis, listChanges: report.listChanges, generatedAt: '15.04.2023 10:00', source: 'книги «тест.xlsx»' });
    const table = allBlocks(doc).find((b): b is TableBlock => b.kind === 'table' && b.role === 'roadmap')!;
    expect(table.rows).toHaveLength(8);
    expect(table.rows[1]).toEqual(['Трек 1. Адресная поддержка школ с низкими результатами обучения', 'Школа 4 (s04)', 'Повысить результаты', 'Семинар', 'в течение года', 'Петров П. П.', 'Протокол']);
    const without = buildReport(workbook(), '15.04.2023 10:00');
    const none = spravkaDocument({ analysis: without.analysis, listChanges: without.listChanges, generatedAt: '15.04.2023 10:00', source: 'книги «тест.xlsx»' });
    expect(none.sections.map((x) => x.id)).not.toContain('roadmap');
  });
});
