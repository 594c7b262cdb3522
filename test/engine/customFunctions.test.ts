import { isbshFromCounts, isbshFromShares, lowResult, shnsuCutoff } from '../../src/engine/customFunctions';

describe('custom functions: single values and ranges of the same shape', () => {
  it('ISBSH over single values and columns', () => {
    expect(isbshFromShares(0.5, 0.25, 0.1)).toBeCloseTo(81, 12);
    expect(isbshFromShares('50%', '25%', '10%')).toBeCloseTo(81, 12);
    expect(isbshFromShares([[0.5], [1], ['']], [[0.25], [0], ['']], [[0.1], [0], ['']])).toEqual([[expect.closeTo(81, 12)], [100], ['']]);
  });
  it('broadcasts a single value against a range', () => {
    expect(isbshFromShares([[0], [1]], 0, 0)).toEqual([[85], [100]]);
  });
  it('puts a Russian message in a bad cell and computes the rest', () => {
    const out = isbshFromShares([[1.5], [0.5], ['abc']], [[0], [0], [0]], [[0], [0], [0]]) as unknown[][];
    expect(out[0][0]).toBe('Ошибка: h = 1,500 вне диапазона 0–1');
    expect(out[1][0]).toBeCloseTo(92.5, 12);
    expect(out[2][0]).toBe('Ошибка: h «abc» — не число');
  });
  it('refuses ranges of different shapes with a clear message', () => {
    expect(() => isbshFromShares([[0], [1]], [[0]], 0)).toThrow('Диапазон «s» размером 1×1, а должен быть 2×1, как остальные.');
  });
  it('ISBSH_COUNTS validates counts', () => {
    expect(isbshFromCounts(100, 25, 10, 4)).toBeCloseTo(85 + 3.75 - 2 - 2.6, 12);
    expect(isbshFromCounts(100, 120, 10, 4)).toBe('Ошибка: H = 120 больше N = 100');
    expect(isbshFromCounts(0, 0, 0, 0)).toBe('Ошибка: N должно быть больше нуля');
    expect(isbshFromCounts(100, 2.5, 0, 0)).toBe('Ошибка: H = 2.5 — нужно целое неотрицательное число');
  });
  it('SHNSU_CUTOFF is PERCENTILE.INC over the numbers of a range', () => {
    expect(shnsuCutoff([[1], [2], [''], [3], [4], ['н/д']])).toBeCloseTo(1.75, 12);
    expect(shnsuCutoff([[1, 2, 3, 4, 5]], 0.2)).toBeCloseTo(1.8, 12);
    expect(shnsuCutoff([[1, 2, 3, 4, 5]], 'квинтиль')).toBeCloseTo(1.8, 12);
    expect(() => shnsuCutoff([['']])).toThrow('нет ни одного числа');
    expect(() => shnsuCutoff([[1]], 5)).toThrow('должен быть числом от 0 до 1');
  });
  it('LOW_RESULT compares exactly and says «нет данных» for P = 0', () => {
    expect(lowResult([[40], [37], [0], ['']], [[12], [11], [0], ['']])).toEqual([[true], [false], ['нет данных'], ['']]);
    expect(lowResult(40, 10, 25)).toBe(true);
    expect(lowResult(10, 11)).toBe('Ошибка: F = 11 больше P = 10');
    expect(() => lowResult(10, 1, 'много')).toThrow('Порог «много»');
  });
});
