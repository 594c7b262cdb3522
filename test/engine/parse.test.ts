import { parseNumber, parseSchoolYear, parseTimestamp, previousSchoolYear, percentColumnHoldsFractions } from '../../src/engine/parse';
import { headerKey, needsTextGuard, formatNumber } from '../../src/engine/text';

describe('parseNumber', () => {
  it.each([
    [42, 42, false],
    ['1 024', 1024, false],
    ['1\u00a0024', 1024, false],
    ['12,5', 12.5, false],
    ['12,5%', 12.5, true],
    ['12.5 %', 12.5, true],
    ['-3', -3, false],
    ['0,125', 0.125, false],
    ['1.024,5', 1024.5, false],
  ])('%p → %p', (input, value, percent) => {
    expect(parseNumber(input)).toEqual({ value, percent });
  });

  it.each(['', 'около 30', '12,5,3', 'abc', null, true])('%p is not a number', (input) => {
    expect(parseNumber(input as never)).toBeNull();
  });
});

describe('parseSchoolYear (DESIGN §2.1)', () => {
  it.each(['2021/2022', '2021-2022', '2021–2022', '2021/22', '2021-22', '2021 / 2022', '2021/2022 уч. год', '2021/2022 учебный год'])('%p → 2021/2022', (text) => {
    expect(parseSchoolYear(text)).toEqual({ year: '2021/2022', end: 2022, fromBareYear: false });
  });
  it('a bare year means the school year that ends in it, flagged as such', () => {
    expect(parseSchoolYear('2022')).toEqual({ year: '2021/2022', end: 2022, fromBareYear: true });
    expect(parseSchoolYear(2022)).toEqual({ year: '2021/2022', end: 2022, fromBareYear: true });
  });
  it.each(['2021/2023', '21/22', 'прошлый год', '2021-2022-2023', '', '2021.5'])('%p is an error', (text) => {
    expect(parseSchoolYear(text)).toBeNull();
  });
  it('previous year', () => expect(previousSchoolYear('2022/2023')).toBe('2021/2022'));
});

describe('parseTimestamp', () => {
  it('reads Russian text, ISO text, Date and serial numbers in order', () => {
    const a = parseTimestamp('15.01.2023 10:32:11') as number;
    const b = parseTimestamp('15.01.2023 10:32:12') as number;
    expect(b - a).toBe(1000);
    expect(parseTimestamp('2023-01-15 10:32:11')).toBe(a);
    expect(parseTimestamp('15.01.2023')).toBe(Date.UTC(2023, 0, 15));
    expect(parseTimestamp(new Date(Date.UTC(2023, 0, 15)))).toBe(Date.UTC(2023, 0, 15));
    expect(parseTimestamp(44941)).toBe(Date.UTC(2023, 0, 15));
  });
  it('rejects impossible dates and text', () => {
    expect(parseTimestamp('31.02.2023 10:00')).toBeNull();
    expect(parseTimestamp('вчера')).toBeNull();
  });
});

describe('headerKey (DESIGN §3.1)', () => {
  it('ignores case, ё, quotes, punctuation, NBSP, repeated spaces and trailing notes', () => {
    expect(headerKey('  Общее  количество\u00a0обучающихся (чел.)')).toBe('общее количество обучающихся');
    expect(headerKey('Количество обучающихся, состоящих на различных видах учёта')).toBe('количество обучающихся состоящих на различных видах учета');
    expect(headerKey('«Код ОО»')).toBe('код оо');
  });
  it('keeps the meaning of «%»', () => {
    expect(headerKey('Доля из неполных семей (%)')).toBe('доля из неполных семей %');
  });
});

describe('text guard', () => {
  it.each(['=SUM(A1)', '+7 913', '-5', '@home', "'x", '12,5', '1 024', '01.02.2023'])('%p would be reinterpreted by Sheets', (t) => {
    expect(needsTextGuard(t)).toBe(true);
  });
  it.each(['МБОУ СОШ № 1', 'sch240101', '', 'ВПР-5'])('%p is safe', (t) => expect(needsTextGuard(t)).toBe(false));
});

it('formats numbers the Russian way', () => {
  expect(formatNumber(61.25, 2)).toBe('61,25');
  expect(formatNumber(-0.001, 2)).toBe('0,00');
});

it('recognises a % column that holds fractions', () => {
  expect(percentColumnHoldsFractions([0.35, 0.1, null, ''])).toBe(true);
  expect(percentColumnHoldsFractions([35, 0.1])).toBe(false);
  expect(percentColumnHoldsFractions(['33,3', null])).toBe(false);
  expect(percentColumnHoldsFractions([null])).toBe(false);
});
