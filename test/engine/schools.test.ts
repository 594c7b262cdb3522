import { Journal } from '../../src/engine/journal';
import { SchoolRegistry, normalizeSchoolName, readRegistry, resolveSchool } from '../../src/engine/schools/registry';

describe('normalizeSchoolName (DESIGN §3.1)', () => {
  it.each([
    ['МБОУ "СОШ № 1"', 'сош №1'],
    ['МБОУ «СОШ №1»', 'сош №1'],
    ['Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»', 'сош №1'],
    ['МАОУ СОШ 1', 'сош №1'],
    ['МКОУ "Ивановская ООШ"', 'ивановская оош'],
    ['МКОУ Ивановская основная общеобразовательная школа', 'ивановская оош'],
    ['Лицей №7', 'лицей №7'],
    ['Алёшинская СОШ', 'алешинская сош'],
  ])('%p → %p', (name, key) => expect(normalizeSchoolName(name)).toBe(key));
});

function registry(): SchoolRegistry {
  const j = new Journal();
  return readRegistry(
    [
      ['Код ОО', 'Наименование ОО', 'Другие написания (через «;»)'],
      ['sch1', 'МБОУ "СОШ № 1"', 'Первая школа; Школа у парка'],
      ['sch2', 'МБОУ "СОШ № 2"', ''],
      ['sch3', 'МКОУ "Ивановская СОШ"', ''],
      ['sch4', 'МКОУ "Ивановская СОШ"', ''],
      ['sch1', 'дубль', ''],
    ],
    j,
  );
}

describe('school matching', () => {
  it('matches by code first, then by normalised name or alias', () => {
    const r = registry();
    expect(r.match('SCH2', '')).toMatchObject({ kind: 'matched', school: { code: 'sch2' } });
    expect(r.match('', 'средняя общеобразовательная школа №2')).toMatchObject({ kind: 'matched', school: { code: 'sch2' } });
    expect(r.match('', 'Школа у парка')).toMatchObject({ kind: 'matched', school: { code: 'sch1' } });
  });
  it('never guesses: ambiguous and unknown names come back with candidates', () => {
    const r = registry();
    const amb = r.match('', 'Ивановская средняя общеобразовательная школа');
    expect(amb.kind).toBe('ambiguous');
    const un = r.match('', 'СОШ № 12');
    expect(un.kind).toBe('unmatched');
  });
  it('reports unmatched rows with candidates and skips them', () => {
    const r = registry();
    const j = new Journal();
    expect(resolveSchool(r, '', 'СОШ №2 имени Героя', j, 'Анкета', 5)).toBeNull();
    expect(j.entries[0]).toMatchObject({ level: 'error', sheet: 'Анкета', row: 5 });
    expect(j.entries[0].message).toContain('«МБОУ "СОШ № 2"» (sch2)');
  });
  it('reports duplicate codes in the registry', () => {
    const j = new Journal();
    readRegistry([['Код ОО', 'Наименование ОО'], ['a', 'Школа А'], ['a', 'Школа Б']], j);
    expect(j.entries).toHaveLength(1);
    expect(j.entries[0].message).toContain('повторяется');
  });
  it('without a registry, learns schools from the data and links name-only rows to them', () => {
    const r = new SchoolRegistry(false);
    const j = new Journal();
    const a = resolveSchool(r, 'sch9', 'МБОУ СОШ № 9', j, 'X', 2);
    const b = resolveSchool(r, '', 'СОШ №9', j, 'X', 3);
    expect(b?.id).toBe(a?.id);
    expect(j.entries).toHaveLength(0);
  });
});

it('a numeric code that lost its leading zeros in a number cell still matches', () => {
  const j = new Journal();
  const r = readRegistry([['Код ОО', 'Наименование ОО'], ['007', 'Школа Бонда']], j);
  expect(r.match('7', '')).toMatchObject({ kind: 'matched', school: { code: '007' } });
});
