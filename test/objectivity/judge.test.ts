/**
 * Signs of biased marking (issue 16), worked out by hand. Municipality: three schools, ВПР математика
 * 5 кл., 2020/2021; compared with the journal 20 + 40 + 10 = 70, «повысили» 4 + 2 + 1 = 7 → 10 %.
 */
import { Journal } from '../../src/engine/journal';
import { ObjectivityInput, judgeObjectivity, objectivityJson, objectivityRemarksFor, readResultsObjectivity } from '../../src/engine/objectivity';
import { SchoolRegistry } from '../../src/engine/schools/registry';
import { DEFAULT_OBJECTIVITY, defaultSettings, readSettings } from '../../src/engine/settings';
import { HEADERS } from '../../src/engine/strings';

const P = 'ВПР математика 5 кл.';
const Y = '2020/2021';
const school = (code: string, name: string) => ({ id: `code:${code}`, code, name });
const A = school('sch1', 'СОШ № 1');
const B = school('sch2', 'СОШ № 2');
const C = school('sch3', 'СОШ № 3');

function input(s: typeof A, row: number, participants: number | null, comparison: [number, number, number] | null, three: [number, number] | null, four: [number, number] | null, year = Y): ObjectivityInput {
  return {
    school: s,
    procedure: P,
    year,
    row,
    participants,
    counts: {
      comparison: comparison ? { down: comparison[0], same: comparison[1], up: comparison[2] } : null,
      three: three ? { at: three[0], below: three[1] } : null,
      four: four ? { at: four[0], below: four[1] } : null,
    },
  };
}

const MUNICIPALITY = [
  // A: up 4 of 20 = 20 % = exactly 2 × 10 %; at the minimum for «3» 9, one below 3 → 3 = the threshold; P 25 ≥ 20.
  input(A, 2, 25, [2, 14, 4], [9, 3], [2, 2]),
  // B: up 2 of 40 = 5 %; «3»: 4 / 2 = 2; «4»: 5 and nobody one below → 5 / 1 = 5; P 45.
  input(B, 3, 45, [8, 30, 2], [4, 2], [5, 0]),
  // C: up 1 of 10 = 10 % < 20 %; «3»: 6 / 1 = 6, but P 12 < 20.
  input(C, 4, 12, [1, 8, 1], [6, 0], null),
];

function judge(inputs = MUNICIPALITY, thresholds = DEFAULT_OBJECTIVITY, journal = new Journal()) {
  return judgeObjectivity(inputs, thresholds, 10, journal, 'Результаты ОП');
}

describe('judgeObjectivity', () => {
  it('flags «повысили» at exactly twice the municipality’s share and 10 %, and peaks of exactly 3 with 20 participants or more', () => {
    const r = judge();
    const signs = Object.fromEntries(r.entries.map((e) => [e.school.code, e.signs.map((s) => s.kind)]));
    expect(signs).toEqual({ sch1: ['up', 'boundary-3'], sch2: ['boundary-4'], sch3: [] });
    const a = r.entries[0];
    expect(a).toMatchObject({ compared: 20, participants: 25, boundaryRatio: 3, boundary: { three: { at: 9, below: 3, ratio: 3 }, four: { ratio: 1 } } });
    expect(a.signs.map((s) => s.text)).toEqual([
      'повысили 20,0 % (4 из 20) — не менее 2 × доли муниципалитета (10,0 %) и не менее 10 %',
      'пик на границе «3»: ровно минимум — 9, на балл ниже — 3 (отношение 3,00 ≥ 3; участников 25)',
    ]);
    expect(r.entries[1].signs[0].text).toBe('пик на границе «4»: ровно минимум — 5, на балл ниже — 0 (отношение 5,00 ≥ 3; участников 45)');
    expect(r.municipality).toEqual([
      { procedure: P, year: Y, schools: 3, participants: 82, comparison: { down: 11, same: 52, up: 7, compared: 70 }, three: { at: 19, below: 5, participants: 82 }, four: { at: 7, below: 2, participants: 70 } },
    ]);
  });

  it('one participant fewer is one step below each threshold', () => {
    const r = judge([input(A, 2, 19, [3, 14, 3], [9, 3], null), ...MUNICIPALITY.slice(1)]);
    // up 3 of 20 = 15 % < 2 × 6 / 70 = 17,1 %; P 19 < 20: no sign at all.
    expect(r.entries[0].signs).toEqual([]);
  });

  it('thresholds come from the settings', () => {
    const r = judge(MUNICIPALITY, { ...DEFAULT_OBJECTIVITY, upFactor: 2.5, boundaryRatio: 5, boundaryMinParticipants: 10 });
    const signs = Object.fromEntries(r.entries.map((e) => [e.school.code, e.signs.map((s) => s.kind)]));
    // A: 20 % < 25 %; «3» 3 < 5. B: «4» 5 ≥ 5. C: «3» 6 ≥ 5 with P 12 ≥ 10.
    expect(signs).toEqual({ sch1: [], sch2: ['boundary-4'], sch3: ['boundary-3'] });
  });

  it('marks a sign resting on few students', () => {
    const r = judge([...MUNICIPALITY, input(school('sch4', 'ООШ № 4'), 5, 6, [0, 2, 3], null, null)]);
    // 3 of 5 = 60 % ≥ 2 × 10 / 75.
    expect(r.entries[3].signs.map((s) => s.text)).toEqual(['повысили 60,0 % (3 из 5) — не менее 2 × доли муниципалитета (13,3 %) и не менее 10 %; малая выборка: 5']);
  });

  it('rows of one school add up group by group; rows that disagree leave that group out', () => {
    const journal = new Journal();
    const r = judge(
      [
        input(A, 2, 25, null, [9, 3], [2, 2]),
        input(A, 7, null, [2, 14, 4], null, null),
        input(A, 9, null, [2, 15, 3], [9, 3], null),
        ...MUNICIPALITY.slice(1),
      ],
      DEFAULT_OBJECTIVITY,
      journal,
    );
    expect(r.entries[0]).toMatchObject({ rows: [2, 7, 9], participants: 25, compared: null, counts: { comparison: null, three: { at: 9, below: 3 }, four: { at: 2, below: 2 } } });
    expect(journal.entries).toEqual([
      expect.objectContaining({ level: 'error', row: 7, school: 'СОШ № 1', message: `${P}, ${Y}: сравнение с журналом в строках 7, 9 расходятся.` }),
    ]);
  });

  it('more compared or at a boundary than took part is impossible and left out', () => {
    const journal = new Journal();
    const r = judge([input(A, 2, 10, [2, 14, 4], [9, 3], null)], DEFAULT_OBJECTIVITY, journal);
    expect(r.entries[0].counts).toEqual({ comparison: null, three: null, four: null });
    expect(journal.entries.map((e) => e.message)).toEqual([`${P}, ${Y}: с журналом сравнено 20, а участников 10.`, `${P}, ${Y}: на границе «3» и на балл ниже — 12 участников, а всего участников 10.`]);
  });

  it('the municipality is that of the procedure and year: another year is judged on its own', () => {
    const r = judge([...MUNICIPALITY, input(A, 9, 25, [2, 14, 4], null, null, '2019/2020')]);
    const earlier = r.entries.find((e) => e.year === '2019/2020');
    // Alone in its year: 20 % against its own 20 % × 2 = 40 %.
    expect(earlier?.signs).toEqual([]);
  });
});

describe('what «ШНОР», «Перечень» and the JSON get', () => {
  const r = judge();

  it('a remark per result with signs, for the years asked', () => {
    expect(objectivityRemarksFor(r, A.id, [Y])).toEqual([
      `${P}, ${Y}: результат с признаками необъективности — рекомендуется проверка (повысили 20,0 % (4 из 20) — не менее 2 × доли муниципалитета (10,0 %) и не менее 10 %; пик на границе «3»: ровно минимум — 9, на балл ниже — 3 (отношение 3,00 ≥ 3; участников 25)).`,
    ]);
    expect(objectivityRemarksFor(r, C.id, [Y])).toEqual([]);
    expect(objectivityRemarksFor(r, A.id, ['2019/2020'])).toEqual([]);
  });

  it('objectivity: [{ code, procedure, year, n, down, same, up, boundaryRatio, signs }]', () => {
    const json = objectivityJson(r, [Y]);
    expect(json.map((j) => j.code)).toEqual(['sch1', 'sch2', 'sch3']);
    expect(json[0]).toEqual({
      code: 'sch1',
      name: 'СОШ № 1',
      procedure: P,
      year: Y,
      n: 20,
      participants: 25,
      down: 2,
      same: 14,
      up: 4,
      shares: { down: 0.1, same: 0.7, up: 0.2 },
      municipality: { down: 11 / 70, same: 52 / 70, up: 0.1 },
      boundary: { '3': { at: 9, below: 3, ratio: 3 }, '4': { at: 2, below: 2, ratio: 1 } },
      boundaryRatio: 3,
      signs: [
        { kind: 'up', text: expect.stringMatching(/^повысили 20,0 %/) },
        { kind: 'boundary-3', text: expect.stringMatching(/^пик на границе «3»/) },
      ],
    });
    expect(json[2]).toMatchObject({ code: 'sch3', boundary: { '4': null }, signs: [] });
  });
});

describe('from «Результаты ОП» as the import writes it', () => {
  it('reads the optional columns of each row; a row of counts only takes the P of its result', () => {
    const table = [
      [...HEADERS.results],
      [Y, 'sch1', 'СОШ № 1', P, 25, 4, null, 12.3, null, null, null, null, null, 9, 3, 2, 2],
      [Y, 'sch1', 'СОШ № 1', P, null, null, null, null, null, null, 2, 14, 4],
      [Y, 'sch2', 'СОШ № 2', P, 45, 3, null, null, null, null, 8, 30, 2, 4, 2, 5, 0],
      [Y, 'sch3', 'СОШ № 3', P, 12, 1, null, null, null, 'пересдача', 1, 8, 1],
      [Y, 'sch3', 'СОШ № 3', 'ВПР физика 7', 12, 1, null, null, null, null, 1, 8, 1],
      [Y, 'sch3', 'СОШ № 3', P, 12, 1, null, null, null, null, 1, 'восемь', 1],
      [Y, 'sch3', 'СОШ № 3', P, 12, 1, null, null, null, null, 1, 8],
    ];
    const journal = new Journal();
    const read = readResultsObjectivity('Результаты ОП', table, new SchoolRegistry(false), journal);
    expect(read.objectivityOnlyRows).toEqual(new Set([2]));
    expect(read.inputs.map((i) => [i.school.code, i.row, i.participants])).toEqual([
      ['sch1', 2, 25],
      ['sch1', 3, 25],
      ['sch2', 4, 45],
    ]);
    // The results reader reads the counts in its own pass: only its objectivity messages are looked at here.
    const objectivityMessages = journal.entries.filter((e) => e.action === 'данные объективности строки не учитываются');
    expect(objectivityMessages.map((e) => [e.row, e.message])).toEqual([
      [7, `${P}, ${Y}: «Подтвердили» = «восемь» должно быть целым неотрицательным.`],
      [8, `${P}, ${Y}: заполнены не все столбцы «сравнение с журналом»: нет «Повысили».`],
    ]);
    const r = judgeObjectivity(read.inputs, defaultSettings().objectivity, 10, new Journal(), 'Результаты ОП');
    expect(r.entries.map((e) => [e.school.code, e.compared, e.participants, e.signs.length])).toEqual([
      ['sch1', 20, 25, 2],
      ['sch2', 40, 45, 1],
    ]);
  });
});

describe('settings «Признаки необъективности: …»', () => {
  it('are read like the other numbers and default to the indicative thresholds', () => {
    expect(defaultSettings().objectivity).toEqual({ upFactor: 2, upMinPercent: 10, boundaryRatio: 3, boundaryMinParticipants: 20 });
    const { settings } = readSettings(
      [
        ['Признаки необъективности: повысили, во сколько раз выше доли муниципалитета', '1,5'],
        ['Признаки необъективности: пик на границе отметки, минимум участников', 30],
      ],
      new Journal(),
    );
    expect(settings.objectivity).toEqual({ upFactor: 1.5, upMinPercent: 10, boundaryRatio: 3, boundaryMinParticipants: 30 });
  });
});
