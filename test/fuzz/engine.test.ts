import fc from 'fast-check';
import { Settings, Table, buildReport, isGeneratedSheet } from '../../src/engine';
import { cloneTables, reportProblems, tableDifferences } from './invariants';
import { checkProperty, envNumber } from './run';
import { tablesOf, workbookArb } from './workbooks';

/** `npm test` runs a sample within a time budget; `npm run fuzz` soaks (FUZZ_RUNS, FUZZ_TIME_LIMIT). */
const RUNS = envNumber('FUZZ_RUNS', 2000);
const TIME_LIMIT = envNumber('FUZZ_TIME_LIMIT', 30_000);

const overrides: fc.Arbitrary<Partial<Settings>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constantFrom<Partial<Settings>>({ year: '2050/2051' }, { year: '2022/2023' }, { cutoff: 'quintile' }, { year: '2021/2022', cutoff: 'quintile' }) },
);

describe('property: the engine on thousands of damaged workbooks', () => {
  it(`buildReport never throws, never changes its input, and every invariant holds (up to ${RUNS} workbooks)`, async () => {
    await checkProperty(
      fc.property(fc.tuple(workbookArb({ merges: true, textOnly: false }), overrides), ([model, o]) => {
        const sheets = tablesOf(model);
        const tables: Record<string, Table> = Object.fromEntries(sheets.map((s) => [s.name, s.rows]));
        const before = cloneTables(tables);
        const existingSheets = sheets.map((s) => ({ name: s.name, generated: isGeneratedSheet(s.rows[0]?.[0]) }));
        const report = buildReport({ sheetNames: sheets.map((s) => s.name), tables, overrides: o, existingSheets }, '15.01.2026 10:00');
        const problems = [...tableDifferences(before, tables), ...reportProblems(tables, sheets, report)];
        if (problems.length > 0) throw new Error(problems.slice(0, 10).join('\n'));
      }),
      RUNS,
      TIME_LIMIT,
      300,
    );
  });
});
