import { applyRoadmapUpdate, prepareRoadmap } from '../../src/engine';
import { Table, cellText } from '../../src/engine/table';
import { ROADMAP, TRACK1, TRACK2, changedList, codesOfTrack, col, exampleSheets, groupEdits, headerRow, inputOf, rowsOf } from './helpers';

const WHEN = '15.04.2023 10:00';

function prepared(sheets = exampleSheets()) {
  return prepareRoadmap(inputOf(sheets, '2023-04-15'), WHEN);
}

function withRoadmap(table: Table, sheets = exampleSheets()) {
  return [...sheets, { name: ROADMAP, rows: table }];
}

describe('«Подготовить дорожную карту» from the example', () => {
  const p = prepared();
  const t = p.sheet!.values;

  it('has the ФИОКО template columns, a row per school of tracks 1 and 2 and the municipal rows of track 3', () => {
    expect(p.created).toBe(true);
    expect(t[headerRow(t)]).toEqual(['Трек', 'Код ОО', 'Наименование ОО', 'Задача — действие', 'Мера — мероприятие', 'Сроки', 'Ответственные', 'Результаты / показатели', 'Статус']);
    expect(codesOfTrack(t, 1).sort()).toEqual([...TRACK1].sort());
    expect(codesOfTrack(t, 2).sort()).toEqual([...TRACK2].sort());
    expect(t.filter((r) => r[0] === 3)).toHaveLength(3);
    expect(p.counts).toEqual({ 1: 7, 2: 6, 3: 3 });
    expect(p.message).toBe('Лист «Дорожная карта» создан: 16 строк — трек 1: 7, трек 2: 6, трек 3: 3. Заполните меры, сроки, ответственных и результаты.');
    // Each track under its heading, schools by name.
    const headings = t.map((r, i) => [i, cellText(r[0])] as const).filter(([, c]) => c.startsWith('Трек '));
    expect(headings.map(([, c]) => c)).toEqual([
      'Трек 1. Адресная поддержка школ с низкими результатами обучения',
      'Трек 2. Адресная поддержка школ, функционирующих в зоне риска снижения образовательных результатов',
      'Трек 3. Профилактика учебной неуспешности в ОО муниципалитета',
    ]);
    expect(t.slice(headings[0][0] + 1, headings[1][0]).map((r) => r[2])).toEqual([
      'МБОУ "СОШ № 2"',
      'МБОУ "СОШ № 8"',
      'МКОУ "Кедровская ООШ"',
      'МКОУ "Михайловская СОШ"',
      'МКОУ "Никольская СОШ"',
      'МКОУ "Петровская СОШ"',
      'МКОУ "Старосельская ООШ"',
    ]);
  });

  it('prefills only what the methodology gives: the task from the school\'s reasons, the program\'s measure, «запланировано»', () => {
    const [s02] = rowsOf(t, 'sch240102', 1);
    expect(t[s02].slice(3)).toEqual([
      'Повысить результаты по процедурам с низкими результатами: ВПР математика 5 кл. (2022/2023: 30,0 %); ОГЭ математика (2022/2023: 34,5 %)',
      'Разработка (корректировка) и реализация программы повышения качества образования школы',
      '',
      '',
      '',
      'запланировано',
    ]);
    const [s08] = rowsOf(t, 'sch240108', 2);
    expect(t[s08][3]).toMatch(/^Снизить влияние неблагоприятных социальных условий \(ИСБШ \d+,\d\d не выше границы ШНСУ \d+,\d\d\)$/);
    const [s01] = rowsOf(t, 'sch240101', 2);
    expect(t[s01][3]).toBe('Не допустить закрепления низкого результата: ВПР математика 6 кл. (2022/2023: 33,0 %)');
    expect(t[s01][4]).toBe('Разработка комплекса мер по устранению рисков снижения образовательных результатов');
  });

  it('is a kept sheet: a note instead of the generated marker, goals as notes on the headings, the «Статус» drop-down', () => {
    const sheet = p.sheet!;
    expect(t[0][0]).toMatch(/^Дорожную карту заполняет рабочая группа\. Подготовлена надстройкой «Мониторинг ШНОР и ШНСУ» 15\.04\.2023 10:00\./);
    const notes = new Map(sheet.notes.map((n) => [`${n.row}:${n.col}`, n.text]));
    const heading1 = t.findIndex((r) => cellText(r[0]).startsWith('Трек 1.'));
    expect(notes.get(`${heading1}:0`)).toMatch(/^Цель: внедрить в систему управления школ с низкими результатами обучения антикризисную управленческую модель/);
    const heading3 = t.findIndex((r) => cellText(r[0]).startsWith('Трек 3.'));
    expect(notes.get(`${heading3}:0`)).toMatch(/^Цель: создать необходимые условия для разработки и реализации модели управления системой профилактики учебной неуспешности/);
    expect(notes.get(`${headerRow(t)}:${col(t, 'Сроки')}`)).toContain('II квартал 2023');
    expect(sheet.validations).toEqual([
      { row: headerRow(t) + 1, col: 8, rows: t.length - headerRow(t) - 1, cols: 1, values: ['запланировано', 'в работе', 'выполнено', 'не выполнено', 'вышла из перечня', 'перешла в другой трек'], helpText: 'Выберите статус меры из списка.' },
    ]);
    expect(sheet.frozenRows).toBe(headerRow(t) + 1);
  });
});

describe('regenerating after the working group filled it and the list changed', () => {
  const filled = groupEdits(prepared().sheet!.values);
  const sheets = changedList(exampleSheets());
  const p = prepareRoadmap(inputOf(withRoadmap(filled, sheets), '2023-04-15'), '20.04.2023 09:30');
  const t = p.sheet!.values;

  it('adds rows for the schools new in a track, at the end of the track', () => {
    expect(p.created).toBe(false);
    expect(p.changes.added).toEqual({ 1: ['МБОУ "СОШ № 1"'], 2: ['МАОУ "Гимназия № 3"'] });
    const heading2 = t.findIndex((r) => cellText(r[0]).startsWith('Трек 2.'));
    const heading3 = t.findIndex((r) => cellText(r[0]).startsWith('Трек 3.'));
    expect(rowsOf(t, 'sch240101', 1)).toEqual([heading2 - 1]);
    expect(rowsOf(t, 'sch240103', 2)).toEqual([heading3 - 1]);
    expect(t[heading2 - 1][3]).toMatch(/^Повысить результаты по процедурам с низкими результатами: .*ОГЭ математика \(2022\/2023: 36,6 %\)/);
  });

  it('marks the rows of the school that left, except a measure already done, keeping the status it had in a note', () => {
    expect(p.changes.left).toEqual({ 1: ['МБОУ "СОШ № 2"'], 2: [] });
    expect(p.changes.moved).toEqual({ 1: [], 2: ['МБОУ "СОШ № 1"'] });
    const status = col(t, 'Статус');
    expect(rowsOf(t, 'sch240102', 1).map((r) => t[r][status])).toEqual(['вышла из перечня', 'выполнено', 'вышла из перечня']);
    expect(rowsOf(t, 'sch240101', 2).map((r) => t[r][status])).toEqual(['перешла в другой трек']);
    const notes = p.sheet!.notes.filter((n) => n.col === status && n.row > headerRow(t)).map((n) => [cellText(t[n.row][1]) || cellText(t[n.row - 2][1]), n.text]);
    expect(notes).toEqual([
      ['sch240102', 'Статус до обновления дорожной карты 15.04.2023: «в работе».'],
      ['sch240102', 'Статус до обновления дорожной карты 15.04.2023: «запланировано».'],
      ['sch240101', 'Статус до обновления дорожной карты 15.04.2023: «в работе».'],
    ]);
    expect(p.message).toBe(
      'Лист «Дорожная карта» обновлён; всё внесённое рабочей группой сохранено. Трек 1, добавлены строки: МБОУ "СОШ № 1". Трек 1, отмечены «вышла из перечня»: МБОУ "СОШ № 2". Трек 2, добавлены строки: МАОУ "Гимназия № 3". Трек 2, отмечены «перешла в другой трек»: МБОУ "СОШ № 1".',
    );
  });

  it('keeps every other cell the group typed, its rows and its column, where they were', () => {
    const added = new Set([...rowsOf(t, 'sch240101', 1), ...rowsOf(t, 'sch240103', 2)]);
    const kept = t.filter((_, i) => !added.has(i));
    expect(kept).toHaveLength(filled.length);
    const status = col(t, 'Статус');
    const changed: string[] = [];
    filled.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (kept[r][c] !== cell) changed.push(`${r}:${c}:${cellText(cell)}→${cellText(kept[r][c])}`);
      }),
    );
    // The first line (its date) and three «Статус» cells; nothing else.
    expect(changed).toHaveLength(4);
    expect(changed[0]).toMatch(/^0:0:.*15\.04\.2023 10:00.*→.*20\.04\.2023 09:30/);
    expect(changed.slice(1).every((c) => c.split(':')[1] === String(status))).toBe(true);
    expect(t[headerRow(t)][9]).toBe('Примечание');
    expect(kept.map((r) => r[9]).filter(Boolean)).toEqual(['Примечание', 'на контроле у начальника', 'перенесено с февраля', 'согласовать с ИМЦ']);
    expect(t[t.length - 1].slice(0, 9)).toEqual([3, '', '', '', 'Муниципальная конференция', 'апрель 2023', 'ИМЦ', 'Сборник материалов', 'запланировано']);
  });

  it('the in-place update gives exactly the sheet the CLI writes', () => {
    expect(applyRoadmapUpdate(filled, p.update!).table).toEqual(t);
    // Inserted blocks: one per track (the add-on's calls do not grow with the number of schools).
    expect(p.update!.insertions.map((i) => i.rows.length)).toEqual([1, 1]);
  });

  it('a second run without changes of the list changes nothing but the date', () => {
    const again = prepareRoadmap(inputOf(withRoadmap(t, sheets), '2023-04-20'), '21.04.2023 08:00');
    expect(again.update!.insertions).toEqual([]);
    expect(again.update!.cells.map((c) => [c.row, c.col])).toEqual([[0, 0]]);
    expect(again.message).toBe('Лист «Дорожная карта» соответствует перечню: ничего не изменено.');
  });

  it('a school back in a track without a row in force gets a new row; its marked rows stay as history', () => {
    const back = prepareRoadmap(inputOf(withRoadmap(t, exampleSheets()), '2023-04-20'), '21.04.2023 08:00');
    const u = back.sheet!.values;
    expect(back.changes.returned).toEqual(['МБОУ "СОШ № 1"']);
    const status = col(u, 'Статус');
    // «СОШ № 2» is back in track 1 with its measure done: that row is still its own, nothing is added.
    expect(rowsOf(u, 'sch240102', 1).map((r) => u[r][status])).toEqual(['вышла из перечня', 'выполнено', 'вышла из перечня']);
    // «СОШ № 1» is back in track 2 and leaves track 1.
    expect(rowsOf(u, 'sch240101', 1).map((r) => u[r][status])).toEqual(['перешла в другой трек']);
    expect(rowsOf(u, 'sch240101', 2).map((r) => u[r][status])).toEqual(['перешла в другой трек', 'запланировано']);
    expect(back.changes.moved).toEqual({ 1: ['МБОУ "СОШ № 1"'], 2: [] });
    expect(back.changes.left).toEqual({ 1: [], 2: ['МАОУ "Гимназия № 3"'] });
  });
});

describe('a roadmap the group rearranged', () => {
  it('finds its columns wherever they are, puts back a column it needs and fills the rows by header', () => {
    const base = prepared().sheet!.values;
    // Without «Трек»; «Ответственные» before «Сроки»; headings kept.
    const order = [1, 2, 3, 4, 6, 5, 7, 8];
    const moved = base.map((r, i) => (i < headerRow(base) ? [r[0], '', '', '', '', '', '', ''] : cellText(r[0]).startsWith('Трек ') ? [r[0], '', '', '', '', '', '', ''] : order.map((c) => r[c])));
    const p = prepareRoadmap(inputOf(withRoadmap(moved, changedList(exampleSheets()))), WHEN);
    expect(p.changes.columns).toEqual(['Трек']);
    const t = p.sheet!.values;
    const h = t.findIndex((r) => cellText(r[0]) === 'Код ОО');
    expect(t[h]).toEqual(['Код ОО', 'Наименование ОО', 'Задача — действие', 'Мера — мероприятие', 'Ответственные', 'Сроки', 'Результаты / показатели', 'Статус', 'Трек']);
    const row = t.find((r) => r[0] === 'sch240103')!;
    expect(row.slice(0, 2)).toEqual(['sch240103', 'МАОУ "Гимназия № 3"']);
    expect(row[7]).toBe('запланировано');
    expect(row[8]).toBe(2);
    // The rows of the school that left are found by their headings and marked.
    expect(t.find((r) => r[0] === 'sch240102')![7]).toBe('вышла из перечня');
  });

  it('rows of a school the registry does not know are left as they are and named', () => {
    const base = prepared().sheet!.values.map((r) => r.slice());
    const heading2 = base.findIndex((r) => cellText(r[0]).startsWith('Трек 2.'));
    base.splice(heading2, 0, [1, 'sch249999', 'МБОУ "СОШ № 99"', '', 'Мера', 'март 2023', 'Кто-то', 'Что-то', 'в работе']);
    const p = prepareRoadmap(inputOf(withRoadmap(base)), WHEN);
    expect(p.changes.unknown).toEqual(['МБОУ "СОШ № 99"']);
    expect(p.message).toBe('Лист «Дорожная карта» соответствует перечню: ничего не изменено. Строки школ, которых нет в справочнике, оставлены как есть: МБОУ "СОШ № 99".');
    expect(p.sheet!.values[heading2]).toEqual(base[heading2]);
  });

  it('a sheet named «Дорожная карта» that is not one is left as it is', () => {
    const own = [['№', 'Наименование мероприятия', 'Исполнители'], [1, 'Совещание', 'УО']];
    const p = prepareRoadmap(inputOf(withRoadmap(own)), WHEN);
    expect(p.sheet).toBeNull();
    expect(p.update).toBeNull();
    expect(p.message).toBe(
      'Лист «Дорожная карта» не распознан как дорожная карта: не найдены столбцы «Сроки», «Результаты / показатели», «Трек» или «Код ОО». Переименуйте лист (его содержимое не изменено) или добавьте заголовки столбцов — тогда «Подготовить дорожную карту» дополнит его.',
    );
  });
});
