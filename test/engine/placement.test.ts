import { isGeneratedSheet, isPlacementCandidate, placeSheets } from '../../src/engine/sheets/placement';
import { GENERATED_NOTE } from '../../src/engine/strings';

describe('placement of generated sheets (issue 9)', () => {
  const wanted = ['ИСБШ', 'Сводка', 'Журнал проверки'];

  it('recognises our marker and nothing else', () => {
    expect(isGeneratedSheet(GENERATED_NOTE('01.12.2026 10:00'))).toBe(true);
    expect(isGeneratedSheet('Сводка по школам района')).toBe(false);
    expect(isGeneratedSheet(null)).toBe(false);
  });

  it('writes under the own name when the sheet is free or ours', () => {
    const plan = placeSheets(wanted, [{ name: 'Сводка', generated: true }]);
    expect(plan.placements.map((p) => p.name)).toEqual(wanted);
    expect(plan.placements.some((p) => p.displaced)).toBe(false);
  });

  it('never takes a user sheet: «Сводка (расчёт)», then «Сводка (расчёт 2)»', () => {
    const plan = placeSheets(wanted, [
      { name: 'сводка', generated: false },
      { name: 'Сводка (расчёт)', generated: false },
    ]);
    expect(plan.placements[1]).toEqual({ wanted: 'Сводка', name: 'Сводка (расчёт 2)', displaced: true });
  });

  it('finds its own alternative again on the next run', () => {
    const plan = placeSheets(wanted, [
      { name: 'Сводка', generated: false },
      { name: 'Сводка (расчёт)', generated: false },
      { name: 'Сводка (расчёт 3)', generated: true },
    ]);
    expect(plan.placements[1].name).toBe('Сводка (расчёт 3)');
    expect(plan.obsolete).toEqual([]);
  });

  it('goes back to the own name when it is free again and drops the old alternative', () => {
    const plan = placeSheets(wanted, [{ name: 'Сводка (расчёт)', generated: true }]);
    expect(plan.placements[1].name).toBe('Сводка');
    expect(plan.obsolete).toEqual(['Сводка (расчёт)']);
  });

  it('keeps a user sheet that merely looks like an alternative', () => {
    const plan = placeSheets(wanted, [{ name: 'Сводка (расчёт)', generated: false }]);
    expect(plan.obsolete).toEqual([]);
    expect(plan.placements[1].name).toBe('Сводка');
  });

  it('tells which sheets a shell must peek at', () => {
    expect(isPlacementCandidate('СВОДКА', wanted)).toBe(true);
    expect(isPlacementCandidate('Сводка (расчёт 12)', wanted)).toBe(true);
    expect(isPlacementCandidate('Ответы на форму (1)', wanted)).toBe(false);
  });
});
