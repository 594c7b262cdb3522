import { NBSP, typography } from '../../src/engine/documents/typography';

const nb = (text: string) => text.replace(/_/g, NBSP);

describe('Russian typography of the справка', () => {
  it.each([
    ['МБОУ "СОШ № 1"', nb('МБОУ «СОШ №_1»')],
    ['"Школа "Надежда" г. Нарткала"', '«Школа „Надежда“ г. Нарткала»'],
    ['1.1.2.1 «Динамика: «ОГЭ математика»»', '1.1.2.1 «Динамика: „ОГЭ математика“»'],
    ['Гимназия №3', nb('Гимназия №_3')],
    ['№№ 5 и 6', nb('№№_5 и 6')],
    ['не справились 30 % участников', nb('не справились 30_% участников')],
    ['не справились 30%', nb('не справились 30_%')],
    ['доля 12.5 %', nb('доля 12,5_%')],
    ['ВПР математика 5 кл.', nb('ВПР математика 5_кл.')],
    ['120 чел.', nb('120_чел.')],
    ['Граница - 73,99', nb('Граница_— 73,99')],
    ['ИСБШ — индекс', nb('ИСБШ_— индекс')],
    ['и т. д...', 'и т. д…'],
  ])('%s → %s', (input, expected) => {
    expect(typography(input)).toBe(expected);
  });

  it('leaves what is not prose alone: dates, school years, indicator numbers, ranges, hyphenated words', () => {
    for (const text of ['15.01.2023 10:32', '2021/2022', '1.1.2.1', '12–77 %'.replace(' ', NBSP), 'северо-западный', 'sch240101', 'ПРОЦЕНТИЛЬ.ВКЛ', '12.5']) {
      expect(typography(text)).toBe(text);
    }
  });

  it('does not guess nesting when the quotes of a text do not pair up', () => {
    expect(typography('школа «Луч')).toBe('школа «Луч');
    expect(typography('кавычка " одна')).toBe('кавычка « одна');
  });

  it('is idempotent: a text already set is unchanged', () => {
    for (const text of ['МБОУ "СОШ № 1" — 30 % "Гимназия "Лицей""', 'Критерий 1: 5 из 14, 35,7 %; 95 % интервал 12–77 %.']) {
      const once = typography(text);
      expect(typography(once)).toBe(once);
    }
  });
});
