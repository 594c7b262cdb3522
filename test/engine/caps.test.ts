import { buildReport } from '../../src/engine/report';
import { HEADERS, MAX_JOURNAL_ROWS } from '../../src/engine/strings';
import { MAX_CELL_TEXT, MAX_QUOTE, quote } from '../../src/engine/text';

// Issue 9, item 4: no message outgrows a cell however long the input is.
const LONG = 'Ш'.repeat(60000);

function workbook(rows: (string | number)[][]) {
  return {
    sheetNames: ['Результаты ОП'],
    tables: { 'Результаты ОП': [[...HEADERS.results], ...rows] },
  };
}

describe('cell caps', () => {
  it('quotes at most MAX_QUOTE characters of a value, with «…»', () => {
    expect(quote('короткое')).toBe('короткое');
    const q = quote(LONG);
    expect(q).toHaveLength(MAX_QUOTE);
    expect(q.endsWith('…')).toBe(true);
  });

  it('a 60 000-character procedure, year or school name is quoted short in the journal; every generated cell stays below the cap', () => {
    const report = buildReport(workbook([[LONG, 'sch1', LONG, 'ОГЭ математика', 10, 3], ['2022/2023', 'sch2', 'Школа', LONG, 10, 3], ['2022/2023', '', LONG, 'ОГЭ математика', 10, 'много']]), 'сейчас');
    const messages = report.json.issues.map((i) => i.message);
    expect(messages.some((m) => m.includes('Учебный год «ШШШ'))).toBe(true);
    for (const m of messages) expect(m.length).toBeLessThan(MAX_QUOTE * 3 + 400);
    for (const sheet of report.sheets) {
      for (const row of sheet.values) for (const cell of row) if (typeof cell === 'string') expect(cell.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    }
  });

  it('a journal longer than the sheet holds is cut with a line saying how many were left out; the JSON keeps them all', () => {
    const rows = Array.from({ length: MAX_JOURNAL_ROWS + 250 }, (_, i) => ['2022/2023', `sch${i}`, `Школа ${i}`, 'ОГЭ математика', 10, 'много']);
    const report = buildReport(workbook(rows), 'сейчас');
    const journal = report.sheets.find((s) => s.name === 'Журнал проверки');
    const errors = report.json.issues.length;
    expect(errors).toBeGreaterThan(MAX_JOURNAL_ROWS);
    const lines = (journal?.values ?? []).filter((r) => r[0] !== '' && r[0] !== 'Уровень');
    expect(lines.length).toBeLessThanOrEqual(MAX_JOURNAL_ROWS + 2);
    const last = journal?.values[journal.values.length - 1]?.[4];
    expect(String(last)).toMatch(new RegExp(`^… и ещё ${errors - MAX_JOURNAL_ROWS} записей не показаны`));
  });
});
