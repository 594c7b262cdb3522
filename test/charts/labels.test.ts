import { SCHOOL_LABEL, abbreviateSchoolName, schoolLabel, wrapText } from '../../src/engine/charts';
import { LONG_NAMES } from './fixtures';

const nb = (s: string) => s.replace(/\u00a0/g, ' ');

describe('school names as chart labels', () => {
  it('keeps a short name whole on one line, «№ 1» joined by a no-break space', () => {
    expect(schoolLabel('МБОУ "СОШ № 1"')).toEqual({ lines: ['МБОУ "СОШ №\u00a01"'], abbreviated: false, cut: false });
  });

  it('wraps on word boundaries without abbreviating while the full name fits in three lines', () => {
    const name = 'Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 1 города Северного»';
    const label = schoolLabel(name);
    expect(label).toMatchObject({ abbreviated: false, cut: false });
    expect(label.lines).toEqual(['Муниципальное бюджетное', 'общеобразовательное учреждение', '«Гимназия №\u00a01 города Северного»']);
    expect(label.lines.every((l) => l.length <= SCHOOL_LABEL.width)).toBe(true);
    expect(nb(label.lines.join(' '))).toBe(name);
  });

  it('abbreviates the legal form and the school type only when the full name does not fit', () => {
    const label = schoolLabel(LONG_NAMES[0]);
    expect(label).toMatchObject({ abbreviated: true, cut: false });
    expect(nb(label.lines.join(' '))).toBe('МБОУ «СОШ № 5 с УИОП им. Героя Советского Союза И. И. Иванова» г. о. Северный');
    // Initials stay with the surname, «г. о.» stays whole.
    expect(label.lines.some((l) => l.includes('И.\u00a0И.\u00a0Иванова'))).toBe(true);
    expect(label.lines.some((l) => l.includes('г.\u00a0о.'))).toBe(true);
  });

  it('cuts the last line with «…» when even the abbreviated name is too long', () => {
    const label = schoolLabel(`${LONG_NAMES[0]} ${LONG_NAMES[0]}`);
    expect(label).toMatchObject({ abbreviated: true, cut: true });
    expect(label.lines).toHaveLength(3);
    expect(label.lines[2].endsWith('…')).toBe(true);
    expect(label.lines.every((l) => l.length <= SCHOOL_LABEL.width)).toBe(true);
  });

  it('cuts a one-line label after as many characters as fit, not after the first wrapped line', () => {
    expect(schoolLabel('МАОУ «Лицей № 2 имени А. С. Пушкина»', { width: 30, maxLines: 1 }).lines).toEqual(['МАОУ «Лицей №\u00a02 им. А.\u00a0С.\u00a0Пуш…']);
  });

  it('splits a word longer than a line and keeps letters of the languages of Russia', () => {
    expect(wrapText('Габдуллатукайисемендәгегимназия', 12)).toEqual(['Габдуллатука', 'йисемендәгег', 'имназия']);
    expect(wrapText('   ', 10)).toEqual(['']);
  });

  it('abbreviates feminine and «казенное» spellings too', () => {
    expect(abbreviateSchoolName('муниципальная казенная общеобразовательная организация «Начальная общеобразовательная школа»')).toBe('МКОУ «НОШ»');
    expect(abbreviateSchoolName('Государственное бюджетное общеобразовательное учреждение школа № 7')).toBe('ГБОУ школа №\u00a07');
  });
});
