import { isbsh, percentileInc, rankAscending } from '../../src/engine/isbsh/formula';
import { defaultSettings } from '../../src/engine/settings';

const w = defaultSettings().weights;

describe('ИСБШ formula', () => {
  it('is 85 + 15h − 20s − 65r', () => {
    expect(isbsh({ h: 0.5, s: 0.25, r: 0.1 }, w)).toBeCloseTo(85 + 7.5 - 5 - 6.5, 12);
  });
  it('spans exactly 0..100 with the default weights', () => {
    expect(isbsh({ h: 1, s: 0, r: 0 }, w)).toBe(100);
    expect(isbsh({ h: 0, s: 1, r: 1 }, w)).toBe(0);
  });
});

describe('PERCENTILE.INC as Google Sheets computes it', () => {
  // Reference values: =PERCENTILE.INC({…}; p) in Google Sheets / Excel.
  it.each([
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4, 5], 0.25, 2],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.2, 28],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.25, 32.5],
    [[42], 0.25, 42],
    [[5, 1, 4, 2, 3], 0.2, 1.8],
  ])('%p at p=%p → %p', (values, p, expected) => {
    expect(percentileInc(values, p)).toBeCloseTo(expected, 12);
  });
  it('refuses an empty list and a p outside 0..1', () => {
    expect(() => percentileInc([], 0.25)).toThrow();
    expect(() => percentileInc([1], 1.5)).toThrow();
  });
});

it('ranks ascending with ties sharing the lowest rank (RANK.EQ)', () => {
  expect(rankAscending([60, 50, 60, 70, 50])).toEqual([3, 1, 3, 5, 1]);
});
