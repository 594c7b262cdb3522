/** «Объективность» (issue 16): a block per procedure, the municipality first, the schools with signs next. */
import { Journal } from '../../src/engine/journal';
import { ObjectivityInput, judgeObjectivity, objectivitySheet } from '../../src/engine/objectivity';
import { DEFAULT_OBJECTIVITY } from '../../src/engine/settings';
import { COLORS, GENERATED_MARKER, OBJECTIVITY_TEXT } from '../../src/engine';

const Y = '2020/2021';
const school = (code: string, name: string) => ({ id: `code:${code}`, code, name });
const row = (s: ReturnType<typeof school>, procedure: string, participants: number | null, comparison: [number, number, number] | null, three: [number, number] | null, year = Y): ObjectivityInput => ({
  school: s,
  procedure,
  year,
  row: 2,
  participants,
  counts: { comparison: comparison ? { down: comparison[0], same: comparison[1], up: comparison[2] } : null, three: three ? { at: three[0], below: three[1] } : null, four: null },
});

const MATH = 'ВПР математика 5 кл.';
const RUS = 'ВПР русский язык 5 кл.';
const inputs = [
  row(school('sch3', 'Школа В'), RUS, 30, [3, 24, 3], [4, 4]),
  row(school('sch1', 'Школа А'), MATH, 25, [2, 14, 4], [9, 3]),
  row(school('sch2', 'Школа Б'), MATH, 45, [8, 30, 2], [4, 2]),
  row(school('sch4', 'Школа Г'), MATH, 12, null, [1, 1]),
  row(school('sch1', 'Школа А'), MATH, 25, [0, 0, 25], null, '2019/2020'),
];
const result = judgeObjectivity(inputs, DEFAULT_OBJECTIVITY, 10, new Journal(), 'Результаты ОП');

describe('objectivitySheet', () => {
  const sheet = objectivitySheet(result, Y, '15.01.2024 10:00');
  const v = sheet.values;

  it('is a generated sheet with its title, note and header', () => {
    expect(sheet.name).toBe('Объективность');
    expect(String(v[0][0]).startsWith(GENERATED_MARKER)).toBe(true);
    expect(v[1][0]).toBe('Объективность результатов оценочных процедур, 2020/2021 учебный год');
    expect(v[2][0]).toContain('повысили не менее 2 × доли муниципалитета и не менее 10 %; пик не менее 3 при не менее 20 участниках');
    expect(v[4]).toEqual([...OBJECTIVITY_TEXT.headers]);
    expect(sheet.headerRows).toEqual([4]);
    expect(sheet.frozenRows).toBe(5);
  });

  it('a block per procedure in the catalogue’s order: the municipality’s shares, then the schools, signs first', () => {
    expect(v.slice(5).map((r) => [r[0], r[1], r[2]])).toEqual([
      [MATH, '', 'Муниципалитет (все школы)'],
      [MATH, 'sch1', 'Школа А'],
      [MATH, 'sch2', 'Школа Б'],
      [MATH, 'sch4', 'Школа Г'],
      [RUS, '', 'Муниципалитет (все школы)'],
      [RUS, 'sch3', 'Школа В'],
    ]);
    // Municipality of ВПР математика: compared 20 + 40 = 60 (Школа Г has no comparison), up 6 → 10 %;
    // participants 25 + 45 + 12 = 82; at the minimum for «3» 9 + 4 + 1 = 14, one below 3 + 2 + 1 = 6.
    expect(v[5].slice(3, 11)).toEqual([60, 10 / 60, 44 / 60, 6 / 60, 82, 14 / 82, 6 / 82, 14 / 6]);
    // Школа А: up 4 of 20 = 20 % ≥ 2 × 10 %; «3»: 9 / 3 = 3 with 25 participants.
    expect(v[6].slice(3, 11)).toEqual([20, 0.1, 0.7, 0.2, 25, 9 / 25, 3 / 25, 3]);
    expect(v[6][14]).toMatch(/^повысили 20,0 % \(4 из 20\).*; пик на границе «3»/);
    expect(v[7][14]).toBe('');
    // Школа Г: no journal comparison, only the boundary.
    expect(v[8].slice(3, 11)).toEqual(['', '', '', '', 12, 1 / 12, 1 / 12, 1]);
  });

  it('highlights what carries a sign; shares are percentages, peaks two decimals', () => {
    expect(sheet.backgrounds[6][6]).toBe(COLORS.low);
    expect(sheet.backgrounds[6][10]).toBe(COLORS.low);
    expect(sheet.backgrounds[7][6]).not.toBe(COLORS.low);
    expect(sheet.numberFormats[6].slice(3, 11)).toEqual(['0', '0.0%', '0.0%', '0.0%', '0', '0.0%', '0.0%', '0.00']);
    expect(sheet.bold[5][2]).toBe(true);
  });

  it('the year asked only: 2019/2020 is not in it', () => {
    expect(v.some((r) => r[1] === 'sch1' && r[3] === 25)).toBe(false);
  });

  it('says what to import when the year has no data, and when there is no year at all', () => {
    const empty = objectivitySheet(result, '2022/2023', 'сейчас').values;
    expect(empty[5][0]).toBe(OBJECTIVITY_TEXT.noData('2022/2023'));
    expect(objectivitySheet(result, null, 'сейчас').values[1][0]).toBe(OBJECTIVITY_TEXT.noYear);
  });
});
