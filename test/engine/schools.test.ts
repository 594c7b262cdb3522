import fc from 'fast-check';
import { Journal } from '../../src/engine/journal';
import { compareNames } from '../../src/engine/text';
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

describe('schools by name (one ranking instead of a collation per comparison)', () => {
  const pool = ['МБОУ "СОШ № 1"', 'МБОУ "СОШ № 10"', 'МБОУ "СОШ № 2"', 'Школа № 01', 'Школа № 1', 'Ёлкинская СОШ', 'Елкинская СОШ', 'елкинская сош', 'Лицей №7', 'lyceum 7', '', 'Гимназия', 'Гимназия '];

  it('orders schools exactly as compareNames does, equal names keeping their order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 0, maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }), (names, shuffle) => {
        const registry = new SchoolRegistry(true);
        const schools = names.map((name, i) => registry.add({ code: `c${i}`, name }));
        const list = schools.slice().sort((x, y) => (shuffle[x.index] ?? 0) - (shuffle[y.index] ?? 0));
        const expected = list.slice().sort((x, y) => compareNames(x.name, y.name));
        expect(list.slice().sort(registry.schoolsByName())).toEqual(expected);
      }),
    );
  });

  it('ranks again after a school is added, and falls back to the collator for a school of another registry', () => {
    const registry = new SchoolRegistry(true);
    const b = registry.add({ code: '2', name: 'СОШ № 2' });
    expect(registry.schoolsByName()(b, b)).toBe(0);
    const a = registry.add({ code: '10', name: 'СОШ № 10' });
    const other = new SchoolRegistry(true).add({ code: '1', name: 'СОШ № 1' });
    expect([a, b, other].sort(registry.schoolsByName()).map((s) => s.name)).toEqual(['СОШ № 1', 'СОШ № 2', 'СОШ № 10']);
  });
});
