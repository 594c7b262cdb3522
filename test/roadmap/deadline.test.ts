import { parseDeadline } from '../../src/engine/roadmap/deadline';

const end = (text: string | Date) => parseDeadline(text)?.end ?? null;

describe('«Сроки» of the roadmap (DESIGN §2.8: a date, a month or a quarter)', () => {
  it.each([
    ['31.03.2023', '2023-03-31'],
    ['1.9.2023', '2023-09-01'],
    ['31.03.23', '2023-03-31'],
    ['2023-03-31', '2023-03-31'],
    ['31 марта 2023', '2023-03-31'],
    ['31 марта 2023 г.', '2023-03-31'],
    ['до 31.03.2023', '2023-03-31'],
    ['не позднее 15.05.2023', '2023-05-15'],
  ])('a date: «%s» → %s', (text, iso) => expect(end(text)).toBe(iso));

  it.each([
    ['март 2023', '2023-03-31'],
    ['Март 2023 г.', '2023-03-31'],
    ['марта 2023 года', '2023-03-31'],
    ['февраль 2024', '2024-02-29'],
    ['февраль 2023', '2023-02-28'],
    ['в декабре 2022', '2022-12-31'],
    ['к маю 2023', '2023-05-31'],
    ['сент. 2023', '2023-09-30'],
    ['03.2023', '2023-03-31'],
  ])('a month: «%s» → %s', (text, iso) => expect(end(text)).toBe(iso));

  it.each([
    ['II квартал 2023', '2023-06-30'],
    ['I квартал 2023', '2023-03-31'],
    ['IV квартал 2022 года', '2022-12-31'],
    ['3 квартал 2023', '2023-09-30'],
    ['2-й квартал 2023', '2023-06-30'],
    ['III кв. 2023', '2023-09-30'],
  ])('a quarter: «%s» → %s', (text, iso) => expect(end(text)).toBe(iso));

  it.each([
    ['январь–март 2023', '2023-03-31'],
    ['январь-февраль 2023', '2023-02-28'],
    ['сентябрь 2022 — май 2023', '2023-05-31'],
    ['с сентября 2022 по май 2023', '2023-05-31'],
    ['01.02.2023 - 31.03.2023', '2023-03-31'],
  ])('a period of these ends on its last day: «%s» → %s', (text, iso) => expect(end(text)).toBe(iso));

  it.each(['в течение года', 'постоянно', 'ежегодно', 'по графику', 'март', 'январь-февраль', '2023', '2023 год', 'в течение 2023 года', 'Январь–май', '31.02.2023', 'V квартал 2023', 'май 2023 — январь 2023', 'при тарификации пед. кадров', ''])(
    'unreadable: «%s»',
    (text) => expect(end(text)).toBeNull(),
  );

  it('a date cell is that calendar day whatever the zone it was written in', () => {
    // Sheets: midnight in the spreadsheet's zone (Moscow, Kamchatka, New York); ExcelJS: midnight UTC.
    expect(end(new Date('2023-03-30T21:00:00Z'))).toBe('2023-03-31');
    expect(end(new Date('2023-03-30T12:00:00Z'))).toBe('2023-03-31');
    expect(end(new Date('2023-03-31T04:00:00Z'))).toBe('2023-03-31');
    expect(end(new Date('2023-03-31T00:00:00Z'))).toBe('2023-03-31');
    expect(end(new Date(Number.NaN))).toBeNull();
  });

  it('numbers and booleans are not dates', () => {
    expect(parseDeadline(45016)).toBeNull();
    expect(parseDeadline(true)).toBeNull();
    expect(parseDeadline(null)).toBeNull();
  });
});
