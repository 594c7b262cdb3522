import { analyze } from '../../src/engine/analyze';
import { Journal } from '../../src/engine/journal';
import { readQuestionnaire } from '../../src/engine/isbsh/questionnaire';
import { SchoolRegistry } from '../../src/engine/schools/registry';
import { Cell } from '../../src/engine/table';

const HEAD = [
  'Отметка времени',
  'Код ОО (логин ФИС ОКО)',
  'Наименование ОО',
  'Общее количество обучающихся (чел.)',
  'Количество обучающихся из семей, где оба родителя имеют высшее образование (чел.)',
  'Количество обучающихся из неполных семей (чел.)',
  'Количество обучающихся, состоящих на различных видах учёта (чел.)',
];

function read(rows: Cell[][], head: Cell[] = HEAD) {
  const journal = new Journal();
  const q = readQuestionnaire('Ответы на форму (1)', [head, ...rows], new SchoolRegistry(false), journal, null);
  return { q, journal, shares: (code: string) => q.responses.get(`code:${code}`)?.shares };
}

describe('questionnaire (DESIGN §2.4)', () => {
  it('maps Google Form headers and computes shares from counts', () => {
    const { shares, journal } = read([['15.01.2023 10:32:11', 'a', 'СОШ 1', '1 024', 256, 128, '64']]);
    expect(shares('a')).toEqual({ h: 0.25, s: 0.125, r: 0.0625 });
    expect(journal.entries).toHaveLength(0);
  });
  it('keeps the latest response by timestamp wherever the row stands, and lists the superseded one', () => {
    const { shares, journal } = read([
      ['16.01.2023 09:00:00', 'a', 'СОШ 1', 100, 50, 10, 10],
      ['15.01.2023 10:32:11', 'a', 'СОШ 1', 100, 90, 90, 90],
    ]);
    expect(shares('a')).toEqual({ h: 0.5, s: 0.1, r: 0.1 });
    expect(journal.entries[0]).toMatchObject({ level: 'info', row: 3 });
  });
  it('rejects what cannot be: H > N, fractions of students, N = 0, text', () => {
    const { q, journal } = read([
      ['15.01.2023 10:00:00', 'a', 'A', 100, 120, 10, 10],
      ['15.01.2023 10:00:00', 'b', 'B', 100, 12.5, 10, 10],
      ['15.01.2023 10:00:00', 'c', 'C', 0, 0, 0, 0],
      ['15.01.2023 10:00:00', 'd', 'D', 100, 'около 30', 10, 10],
      ['15.01.2023 10:00:00', 'e', 'E', 100, 10, -1, 10],
      ['15.01.2023 10:00:00', 'f', 'F', 100, 10, 10, 10],
    ]);
    expect([...q.invalid.keys()].sort()).toEqual(['code:a', 'code:b', 'code:c', 'code:d', 'code:e']);
    expect(q.responses.size).toBe(1);
    expect(journal.entries.filter((e) => e.level === 'error')).toHaveLength(5);
    expect(journal.entries[0].message).toContain('больше, чем всего обучающихся');
  });
  it('accepts shares: 0,125, 12,5% and 12.5 under a «%» header', () => {
    const head = ['Отметка времени', 'Код ОО', 'Доля обучающихся, оба родителя которых имеют высшее образование', 'Доля из неполных семей, %', 'Доля на учёте'];
    const { shares } = read([['15.01.2023', 'a', '0,125', '12.5', '12,5%']], head);
    expect(shares('a')).toEqual({ h: 0.125, s: 0.125, r: 0.125 });
  });
  it('reads percent-formatted numbers under a «%» header as fractions', () => {
    const head = ['Отметка времени', 'Код ОО', 'оба родителя с высшим образованием, %', 'неполные семьи, %', 'на учете, %'];
    const { shares } = read([['15.01.2023', 'a', 0.5, 0.25, 0.1]], head);
    expect(shares('a')).toEqual({ h: 0.5, s: 0.25, r: 0.1 });
  });
  it('names a column it cannot find', () => {
    const { journal } = read([['x']], ['Отметка времени', 'Код ОО', 'Всего обучающихся', 'неполные семьи']);
    expect(journal.entries.map((e) => e.message)).toEqual(expect.arrayContaining(['Не найден столбец «оба родителя с высшим образованием».', 'Не найден столбец «состоящих на учёте».']));
  });
});

describe('ИСБШ ranking and ШНСУ cut-off', () => {
  const rows = (values: number[][]) => values.map(([n, h, s, r], i) => [`1${i}.01.2023 10:00`, `s${i + 1}`, `Школа ${i + 1}`, n, h, s, r]);

  it('ranks ascending and flags ШНСУ at the lower quartile, ties included', () => {
    // ИСБШ: 85+15h−20s−65r with N = 100
    const data = rows([
      [100, 0, 50, 20], // 85 − 10 − 13 = 62
      [100, 0, 50, 20], // 62 (tie)
      [100, 20, 20, 10], // 85 + 3 − 4 − 6.5 = 77.5
      [100, 40, 10, 0], // 85 + 6 − 2 = 89
      [100, 10, 30, 10], // 85 + 1.5 − 6 − 6.5 = 74
      [100, 0, 10, 40], // 85 − 2 − 26 = 57
      [100, 60, 0, 0], // 94
      [100, 30, 20, 5], // 85 + 4.5 − 4 − 3.25 = 82.25
      [100, 20, 25, 15], // 85 + 3 − 5 − 9.75 = 73.25
    ]);
    const a = analyze({ sheetNames: ['Ответы на форму (1)'], tables: { 'Ответы на форму (1)': [HEAD, ...data] } });
    // sorted: 57, 62, 62, 73.25, 74, 77.5, 82.25, 89, 94 → rank 0.25·8 = 2 → 62
    expect(a.cutoff).toBeCloseTo(62, 12);
    const by = (code: string) => a.schools.find((o) => o.school.code === code);
    expect(by('s6')).toMatchObject({ isbshRank: 1, shnsu: true });
    expect(by('s1')).toMatchObject({ isbshRank: 2, shnsu: true });
    expect(by('s2')).toMatchObject({ isbshRank: 2, shnsu: true });
    expect(by('s9')).toMatchObject({ isbshRank: 4, shnsu: false });
    expect(a.schools.filter((o) => o.shnsu)).toHaveLength(3);
    expect(a.journal.some((e) => e.message.includes('неустойчива'))).toBe(false);
  });
  it('uses the quintile when asked and warns with fewer than 8 schools; one school is its own cut-off', () => {
    const data = rows([[100, 0, 50, 20], [100, 60, 0, 0]]);
    const a = analyze({ sheetNames: ['Ответы на форму (1)'], tables: { 'Ответы на форму (1)': [HEAD, ...data] }, overrides: { cutoff: 'quintile' } });
    expect(a.cutoff).toBeCloseTo(62 + 0.2 * (94 - 62), 12);
    expect(a.journal.some((e) => e.message.includes('неустойчива'))).toBe(true);
    const one = analyze({ sheetNames: ['Ответы на форму (1)'], tables: { 'Ответы на форму (1)': [HEAD, ...rows([[100, 60, 0, 0]])] } });
    expect(one.cutoff).toBe(94);
    expect(one.schools[0].shnsu).toBe(true);
  });
  it('lists registry schools without a valid response as «анкета не заполнена / содержит ошибки»', () => {
    const a = analyze({
      sheetNames: ['Справочник ОО', 'Ответы на форму (1)'],
      tables: {
        'Справочник ОО': [['Код ОО', 'Наименование ОО'], ['s1', 'Школа 1'], ['s2', 'Школа 2'], ['s3', 'Школа 3']],
        'Ответы на форму (1)': [HEAD, ...rows([[100, 60, 0, 0], [100, 200, 0, 0]])],
      },
    });
    const s2 = a.schools.find((o) => o.school.code === 's2');
    const s3 = a.schools.find((o) => o.school.code === 's3');
    expect(s2).toMatchObject({ isbsh: null, shnsu: false });
    expect(s2?.isbshRemark).toContain('анкета не заполнена / содержит ошибки');
    expect(s3?.isbshRemark).toBe('анкета не заполнена / содержит ошибки');
  });
});

describe('finding the questionnaire sheet', () => {
  const form = [HEAD, ['15.01.2023 10:00', 'a', 'A', 100, 10, 10, 10]];
  it('recognises a renamed responses sheet by its headers and says so', () => {
    const a = analyze({ sheetNames: ['Лист1', 'Данные школ'], tables: { Лист1: [['x']], 'Данные школ': form } });
    expect(a.questionnaire?.sheet).toBe('Данные школ');
    expect(a.journal.find((e) => e.message.includes('распознан как ответы на анкету'))?.level).toBe('info');
  });
  it('of several «Ответы на форму» sheets takes the one with the questionnaire columns and warns', () => {
    const a = analyze({ sheetNames: ['Ответы на форму (1)', 'Ответы на форму (2)'], tables: { 'Ответы на форму (1)': [['Отметка времени', 'Ваш вопрос']], 'Ответы на форму (2)': form } });
    expect(a.questionnaire?.sheet).toBe('Ответы на форму (2)');
    expect(a.journal.find((e) => e.message.includes('несколько листов с ответами'))?.level).toBe('warning');
  });
  it('a sheet named in «Настройки» wins', () => {
    const a = analyze({
      sheetNames: ['Настройки', 'Ответы на форму (1)', 'Анкета 2023'],
      tables: { Настройки: [['Параметр', 'Значение'], ['Лист анкеты', 'Анкета 2023']], 'Ответы на форму (1)': form, 'Анкета 2023': form },
    });
    expect(a.questionnaire?.sheet).toBe('Анкета 2023');
  });
});

it('prefers the specific total column over another «обучающихся» column that stands before it', () => {
  const head = ['Отметка времени', 'Код ОО', 'Количество обучающихся с ОВЗ', 'Общее количество обучающихся', 'Оба родителя имеют высшее образование', 'Из неполных семей', 'На учёте'];
  const { shares } = read([['15.01.2023', 'a', 5, 200, 50, 20, 10]], head);
  expect(shares('a')).toEqual({ h: 0.25, s: 0.1, r: 0.05 });
});
