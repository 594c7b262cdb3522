/**
 * ФИС ОКО «Сравнение отметок с отметками по журналу» (issue 16): the three comparison columns of
 * «Результаты ОП» filled from the aggregated report, in its vertical and wide forms.
 */
import { ImportPlan, detectLayout, planImport } from '../../src/engine/import';
import { defaultSettings } from '../../src/engine/settings';
import { Table } from '../../src/engine/table';
import { loadPaste, loadProtocol, typed } from './paste';

const registry = loadPaste('registry.tsv');

function plan(rows: Table): ImportPlan {
  return planImport({ paste: { name: 'Сравнение', rows }, results: null, registry, settings: defaultSettings() });
}

/** Code, then P · F · % · mean (blank: the report has no result), then down · same · up · the boundary columns (blank). */
const summary = (p: ImportPlan) => p.rows.map((r) => [r[1], r.slice(4, 8).join('|'), ...r.slice(10)]);
const reasons = (p: ImportPlan) => p.skipped.map((s) => `${s.row}: ${s.reason}`);

describe('vertical form: a row per group, the three rows «Понизили / Подтвердили / Повысили» and «Всего» under it', () => {
  const rows = loadProtocol('fis-oko-comparison-math5-2021.tsv');

  it('is recognised, with procedure and year from its titles', () => {
    expect(detectLayout(rows)).toMatchObject({ kind: 'fis-oko-comparison', headerRow: 5 });
    expect(plan(rows)).toMatchObject({ layout: 'fis-oko-comparison', procedure: 'ВПР математика 5 кл.', year: '2020/2021', needs: [], scale: null });
  });

  it('takes the counts of each school; totals of the sample, the region and the municipality are left out', () => {
    const p = plan(rows);
    expect(summary(p)).toEqual([
      ['sch240101', '|||', 3, 3, 1, '', '', '', ''],
      ['sch240102', '|||', 2, 2, 1, '', '', '', ''],
      ['sch240104', '|||', 1, 8, 11, '', '', '', ''],
    ]);
    expect(reasons(p)).toEqual([
      '7: итоговая строка «Вся выборка»',
      '12: итоговая строка «Иркутская обл.»',
      '17: итоговая строка «Северный район»',
      // 0 + 10 + 10 is not the 21 written under «Всего».
      '32: понизили + подтвердили + повысили = 20, а всего указано 21',
      expect.stringMatching(/^42: школа «МБОУ "СОШ № 99" \(sch240199\)» не найдена в справочнике/),
    ]);
  });

  it('the same after Google Sheets typed the numbers (and «218 564» stayed text)', () => {
    expect(summary(plan(typed(rows)))).toEqual(summary(plan(rows)));
  });

  it('from the shares alone when the report has no counts: count = share × «Всего»', () => {
    const sharesOnly = rows.map((r, i) => (i >= 6 && r[0] !== 'Всего' && /^(Пониз|Подтв|Повыс)/.test(String(r[0])) ? [r[0], null, r[2]] : r));
    expect(summary(plan(sharesOnly))).toEqual(summary(plan(rows)));
  });
});

describe('wide form: a row per school with a column for each share', () => {
  it('counts from the shares and «Кол-во участников»; shares not adding up to 100 % and a missing count are errors', () => {
    const p = plan(loadProtocol('fis-oko-comparison-wide.tsv'));
    expect(p).toMatchObject({ layout: 'fis-oko-comparison', procedure: 'ВПР математика 5 кл.', year: '2020/2021' });
    // 42,86 % of 7 = 3; 14,29 % of 7 = 1. 33,33 % of 6 = 2; 66,67 % of 6 = 4.
    expect(summary(p)).toEqual([
      ['sch240101', '|||', 3, 3, 1, '', '', '', ''],
      ['sch240104', '|||', 2, 4, 0, '', '', '', ''],
    ]);
    expect(reasons(p)).toEqual([
      '3: итоговая строка «Северный район»',
      '6: доли «понизили», «подтвердили», «повысили» в сумме дают 110 %, а не 100 %',
      '7: нет числа участников: по одним долям нельзя восстановить число обучающихся',
    ]);
    expect(p.journal.some((e) => e.level === 'warning' && e.message === 'Год «2021» понят как учебный год 2020/2021.')).toBe(true);
  });
});
