import { analyze } from '../../src/engine/analyze';
import { Journal } from '../../src/engine/journal';
import { readResults, resultsOf } from '../../src/engine/shnor/results';
import { SchoolRegistry } from '../../src/engine/schools/registry';
import { defaultSettings } from '../../src/engine/settings';
import { isLow, judgeShnor } from '../../src/engine/shnor/judge';
import { Table } from '../../src/engine/table';

const HEAD = ['Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не справились', '% не справившихся', 'Средний балл', 'Категория', 'Этап'];
const Y = '2022/2023';

function run(rows: (string | number | null)[][], settings = defaultSettings()) {
  const journal = new Journal();
  const registry = new SchoolRegistry(false);
  const data = readResults('Результаты ОП', [HEAD, ...rows] as Table, registry, journal);
  const verdict = (code: string) => {
    const school = registry.all().find((s) => s.id === `code:${code}`);
    return judgeShnor(school ? resultsOf(data, school) : { records: [], conflicts: [] }, Y, settings);
  };
  return { data, journal, verdict };
}

describe('low result (DESIGN §2.2)', () => {
  it('is exact at 30 %: 12 of 40 is low, 11 of 37 (29,7 %) is not', () => {
    expect(isLow({ participants: 40, failed: 12, percent: null }, 30)).toBe(true);
    expect(isLow({ participants: 37, failed: 11, percent: null }, 30)).toBe(false);
    // 3 of 10 = 0.30000000000000004 in floating point; still exactly 30 %.
    expect(isLow({ participants: 10, failed: 3, percent: null }, 30)).toBe(true);
    expect(isLow({ participants: 3, failed: 1, percent: null }, 33.3)).toBe(true);
    expect(isLow({ participants: 1000, failed: 333, percent: null }, 33.3)).toBe(true);
    expect(isLow({ participants: 1000, failed: 332, percent: null }, 33.3)).toBe(false);
  });
  it('with only a percentage compares it as given', () => {
    expect(isLow({ participants: null, failed: null, percent: 30 }, 30)).toBe(true);
    expect(isLow({ participants: null, failed: null, percent: 29.99 }, 30)).toBe(false);
  });
  it('P = 0 is never low', () => {
    expect(isLow({ participants: 0, failed: 0, percent: null }, 30)).toBe(false);
    expect(isLow({ participants: 0, failed: null, percent: 50 }, 30)).toBe(false);
  });
});

describe('ШНОР criteria (DESIGN §2.3)', () => {
  it('К1: two low procedures in Y', () => {
    const { verdict } = run([
      [Y, 'a', 'A', 'ВПР математика 5 кл.', 40, 12, null, null, null, null],
      [Y, 'a', 'A', 'ОГЭ математика', 20, 7, null, null, null, null],
    ]);
    const v = verdict('a');
    expect(v).toMatchObject({ shnor: true, criterion1: true, criterion2: false, status: 'ok' });
    expect(v.justification).toContain('Критерий 1');
    expect(v.justification).toContain('ВПР математика 5 кл. (12 из 40, 30,0 %)');
    expect(v.lowResults).toHaveLength(2);
  });
  it('К2: one low in Y and one in Y−1 (any procedures by default)', () => {
    const { verdict } = run([
      ['2021/2022', 'b', 'B', 'ОГЭ русский язык', 30, 10, null, null, null, null],
      [Y, 'b', 'B', 'ВПР русский язык 6 кл.', 25, 9, null, null, null, null],
    ]);
    expect(verdict('b')).toMatchObject({ shnor: true, criterion1: false, criterion2: true });
  });
  it('К2 with «та же процедура в оба года» needs the same procedure', () => {
    const rows = [
      ['2021/2022', 'b', 'B', 'ОГЭ русский язык', 30, 10, null, null, null, null],
      [Y, 'b', 'B', 'ВПР русский язык 6 кл.', 25, 9, null, null, null, null],
    ];
    const s = { ...defaultSettings(), sameProcedure: true };
    expect(run(rows, s).verdict('b')).toMatchObject({ shnor: false, criterion2: false });
    rows.push(['2021/2022', 'b', 'B', 'ВПР русский язык 6 кл.', 20, 6, null, null, null, null]);
    expect(run(rows, s).verdict('b')).toMatchObject({ shnor: true, criterion2: true });
  });
  it('two low results both in Y−1 only is not ШНОР', () => {
    const { verdict } = run([
      ['2021/2022', 'c', 'C', 'ВПР математика 5 кл.', 40, 20, null, null, null, null],
      ['2021/2022', 'c', 'C', 'ВПР математика 6 кл.', 40, 20, null, null, null, null],
      [Y, 'c', 'C', 'ВПР математика 5 кл.', 40, 2, null, null, null, null],
    ]);
    const v = verdict('c');
    expect(v).toMatchObject({ shnor: false, criterion1: false, criterion2: false, status: 'ok' });
    expect(v.justification).toContain('В 2022/2023 низких результатов нет');
  });
  it('procedures outside the catalogue or switched off never count; the journal says so once per name', () => {
    const s = defaultSettings();
    s.procedures['ОГЭ математика'] = false;
    const { verdict, journal } = run(
      [
        [Y, 'd', 'D', 'ВПР биология 5 кл.', 40, 30, null, null, null, null],
        [Y, 'd', 'D', 'ВПР биология 5 кл.', 41, 30, null, null, null, null],
        [Y, 'd', 'D', 'ОГЭ математика', 20, 10, null, null, null, null],
        [Y, 'd', 'D', 'ВПР математика 5 кл.', 40, 20, null, null, null, null],
      ],
      s,
    );
    expect(verdict('d')).toMatchObject({ shnor: false });
    expect(journal.entries.filter((e) => e.message.includes('ВПР биология'))).toHaveLength(1);
  });
  it('the analysis says once that a switched-off procedure is not counted', () => {
    const a = analyze({
      sheetNames: ['Результаты ОП', 'Настройки'],
      tables: {
        'Результаты ОП': [HEAD, [Y, 'a', 'A', 'ОГЭ математика', 20, 10], [Y, 'b', 'B', 'ОГЭ математика', 20, 10], [Y, 'a', 'A', 'ОГЭ русский язык', 20, 10]],
        Настройки: [['Параметр', 'Значение'], ['ШНОР: учитывать ОГЭ математика', 'нет']],
      },
    });
    expect(a.journal.filter((e) => e.message.includes('«ОГЭ математика» выключена'))).toHaveLength(1);
    expect(a.schools.find((o) => o.school.code === 'a')?.shnor).toMatchObject({ shnor: false });
  });
  it('re-takes and graduates of previous years are left out and counted', () => {
    const { verdict, journal } = run([
      [Y, 'e', 'E', 'ЕГЭ русский язык', 20, 10, null, null, 'выпускник прошлых лет', null],
      [Y, 'e', 'E', 'ЕГЭ русский язык', 20, 10, null, null, 'ВПЛ', null],
      [Y, 'e', 'E', 'ОГЭ математика', 20, 10, null, null, null, 'пересдача'],
      [Y, 'e', 'E', 'ОГЭ математика', 20, 1, null, null, null, 'основной'],
      [Y, 'e', 'E', 'ЕГЭ русский язык', 20, 1, null, null, 'выпускник текущего года', null],
    ]);
    expect(verdict('e')).toMatchObject({ shnor: false, status: 'ok' });
    const messages = journal.entries.map((e) => e.message).join('\n');
    expect(messages).toContain('Строк выпускников прошлых лет: 2');
    expect(messages).toContain('Строк пересдач: 1');
  });
  it('identical duplicates count once; disagreeing ones are left out and the school needs a check', () => {
    const { verdict, journal, data } = run([
      [Y, 'f', 'F', 'ВПР математика 5 кл.', 40, 20, null, null, null, null],
      [Y, 'f', 'F', 'ВПР математика 5 кл.', 40, 20, null, null, null, null],
      [Y, 'f', 'F', 'ОГЭ математика', 20, 10, null, null, null, null],
      [Y, 'f', 'F', 'ОГЭ математика', 20, 2, null, null, null, null],
    ]);
    expect(data.records.filter((r) => r.school.code === 'f')).toHaveLength(1);
    const v = verdict('f');
    expect(v).toMatchObject({ shnor: false, status: 'needs-check' });
    expect(v.justification).toContain('Требует проверки');
    expect(journal.entries.find((e) => e.level === 'error')?.message).toContain('противоречат');
    expect(journal.entries.find((e) => e.level === 'info' && e.message.includes('одинаковые'))).toBeDefined();
  });
  it('rows given only as a percentage count as given, including fractions from a %-formatted column', () => {
    const { verdict } = run([
      [Y, 'g', 'G', 'ВПР математика 5 кл.', 30, null, '33,3', null, null, null],
      [Y, 'g', 'G', 'ВПР русский язык 5 кл.', null, null, '30%', null, null, null],
    ]);
    expect(verdict('g')).toMatchObject({ shnor: true, criterion1: true });
    const fr = run([
      [Y, 'h', 'H', 'ВПР математика 5 кл.', 30, null, 0.35, null, null, null],
      [Y, 'h', 'H', 'ВПР русский язык 5 кл.', 30, null, 0.1, null, null, null],
    ]);
    expect(fr.verdict('h').lowResults[0].share).toBeCloseTo(0.35, 12);
    expect(fr.verdict('h').shnor).toBe(false);
  });
  it('small samples still count but are marked with their 95 % Wilson interval', () => {
    const { verdict } = run([
      [Y, 'i', 'I', 'ВПР математика 5 кл.', 5, 2, null, null, null, null],
      [Y, 'i', 'I', 'ВПР русский язык 5 кл.', 5, 3, null, null, null, null],
    ]);
    const v = verdict('i');
    expect(v.shnor).toBe(true);
    expect(v.lowResults[0]).toMatchObject({ smallSample: true, participants: 5, failed: 2 });
    // Wilson 95 % for 2/5: 0.1176 – 0.7693
    expect(v.lowResults[0].interval?.low).toBeCloseTo(0.1176, 3);
    expect(v.lowResults[0].interval?.high).toBeCloseTo(0.7693, 3);
    expect(v.justification).toContain('малая выборка, 95 % интервал 12–77 %');
  });
  it('a school without results in Y and Y−1 is «нет данных», not ШНОР', () => {
    const { verdict } = run([['2020/2021', 'j', 'J', 'ВПР математика 5 кл.', 40, 30, null, null, null, null]]);
    expect(verdict('j')).toMatchObject({ shnor: false, status: 'no-data' });
  });
  it('bad rows are reported and the rest is processed', () => {
    const { verdict, journal } = run([
      ['прошлый', 'k', 'K', 'ВПР математика 5 кл.', 40, 30, null, null, null, null],
      [Y, 'k', 'K', 'ВПР математика 5 кл.', 40, 50, null, null, null, null],
      [Y, 'k', 'K', 'ВПР математика 6 кл.', 'сорок', 12, null, null, null, null],
      [Y, 'k', 'K', 'ОГЭ математика', 20, 8, null, null, null, null],
      ['2023', 'k', 'K', 'ОГЭ русский язык', 20, 8, null, null, null, null],
    ]);
    expect(verdict('k')).toMatchObject({ shnor: true, criterion1: true });
    expect(journal.entries.filter((e) => e.level === 'error')).toHaveLength(3);
    expect(journal.entries.find((e) => e.message.includes('«2023»'))?.level).toBe('warning');
  });
});

it('the analysis year defaults to the latest year in the results', () => {
  const a = analyze({
    sheetNames: ['Результаты ОП'],
    tables: { 'Результаты ОП': [HEAD, ['2021/22', 'a', 'A', 'ОГЭ математика', 10, 1], ['2022-2023', 'a', 'A', 'ОГЭ математика', 10, 1]] },
  });
  expect(a.year).toBe('2022/2023');
});

it.each([
  [['Год', 'Логин', 'ОО', 'Оценочная процедура', 'Кол-во участников', 'Кол-во получивших «2»', '% «2»'], [40, 12, '']],
  [['Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Число писавших', 'Количество двоек', 'Доля получивших «2», %'], [40, 12, '']],
  [['Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не преодолели минимальный порог (чел.)', '% не преодолевших минимальный порог'], [40, '', '30']],
])('results headers as regional reports write them: %p', (head, numbers) => {
  const a = analyze({
    sheetNames: ['Результаты ОП'],
    tables: { 'Результаты ОП': [head, ['2022/2023', 'sch1', 'СОШ 1', 'ВПР 5 кл. математика', ...numbers], ['2022/2023', 'sch1', 'СОШ 1', 'ВПР 5 кл. русский язык', ...numbers]] },
  });
  expect(a.journal.filter((e) => e.level === 'error' && e.sheet === 'Результаты ОП')).toEqual([]);
  expect(a.schools[0].shnor).toMatchObject({ shnor: true, criterion1: true });
});
