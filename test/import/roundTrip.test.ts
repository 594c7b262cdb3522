import { analyze } from '../../src/engine/analyze';
import { planImport } from '../../src/engine/import';
import { defaultSettings } from '../../src/engine/settings';
import { Table } from '../../src/engine/table';
import { applyAppend, loadPaste, typed } from './paste';

const registry = loadPaste('registry.tsv');
const PASTES = [
  'fis-oko-math5-2022.tsv',
  'fis-oko-russian5-login-column.tsv',
  'vpr-export.tsv',
  'gia-oge-math-2023.tsv',
  'gia-ege-russian-2023.tsv',
  'students-ege-math-profile-2023.tsv',
];

function importAll(load: (file: string) => Table): Table {
  let results: Table | null = null;
  for (const file of PASTES) {
    const plan = planImport({ paste: { name: file, rows: load(file) }, results: results ? { name: 'Результаты ОП', rows: results } : null, registry, settings: defaultSettings() });
    expect(plan.needs).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    results = applyAppend(results, plan.append);
  }
  return results as Table;
}

function flags(results: Table) {
  const a = analyze({ sheetNames: ['Справочник ОО', 'Результаты ОП'], tables: { 'Справочник ОО': registry, 'Результаты ОП': results } });
  return {
    year: a.year,
    schools: a.schools.map((o) => ({
      code: o.school.code,
      shnor: o.shnor?.shnor,
      criterion1: o.shnor?.criterion1,
      criterion2: o.shnor?.criterion2,
      status: o.shnor?.status,
      low: o.shnor?.lowResults.map((l) => ({ year: l.year, procedure: l.procedure, participants: l.participants, failed: l.failed, share: Number(l.share.toFixed(10)) })),
    })),
  };
}

describe('round trip: import, then analyze = the same data typed into «Результаты ОП»', () => {
  const expected = flags(loadPaste('canonical-results.tsv'));

  it('the data itself flags СОШ № 2 (К1 and К2) and СОШ № 4 (К2)', () => {
    expect(expected.year).toBe('2022/2023');
    expect(expected.schools.filter((s) => s.shnor).map((s) => [s.code, s.criterion1, s.criterion2])).toEqual([
      ['sch240102', true, true],
      ['sch240104', false, true],
    ]);
  });

  it('from the pastes as text', () => {
    expect(flags(importAll(loadPaste))).toEqual(expected);
  });

  it('from the pastes after Sheets typed their numbers', () => {
    expect(flags(importAll((f) => typed(loadPaste(f))))).toEqual(expected);
  });

  it('importing every paste a second time adds nothing', () => {
    const once = importAll(loadPaste);
    for (const file of PASTES) {
      const plan = planImport({ paste: { name: file, rows: loadPaste(file) }, results: { name: 'Результаты ОП', rows: once }, registry, settings: defaultSettings() });
      expect([file, plan.rows.length, plan.conflicts.length]).toEqual([file, 0, 0]);
    }
  });
});
