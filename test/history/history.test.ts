import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ExcelJS from 'exceljs';
import { buildReport } from '../../src/engine';
import { runCli } from '../../src/cli/main';
import { readWorkbookPath } from '../../src/cli/io';
import { loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import { recordingIo } from '../support/cliHarness';
import { CODE_JS } from '../support/exampleWorkbook';
import { PREV, Y, YEARS, code, sheets } from './fixture';

// Worked out by hand from fixture.ts (20 participants: low from 6 failed; ИСБШ with N = 100):
// ИСБШ 2021/2022: A 75,5; B 87,7; C 89,35; D 82,25; E 90,85; F 85+3,75−5−13 = 70,75.
//   Sorted F 70,75 · A 75,5 · D 82,25 …: cut-off = 75,5 + 0,25·(82,25 − 75,5) = 77,1875 → ШНСУ F, A.
// ИСБШ 2022/2023: F 85+4,5−2−1,3 = 86,2; the others as before.
//   Sorted A 75,5 · D 82,25 · F 86,2 …: cut-off = 82,25 + 0,25·(86,2 − 82,25) = 83,2375 → ШНСУ A, D.
// ШНОР: A every year (two lows: К1). B only in 2022/2023 (two lows). C: one low in 2020/2021 (К1 no,
// К2 no: nothing in 2019/2020), two in 2021/2022 (К1), none in 2022/2023. D, F: never low.
// E: results only in 2022/2023, two lows (К1).
// Approved 2021/2022: A «ШНОР и ШНСУ», C «ШНОР», D «ШНОР» (the data say no), F «ШНСУ».
const EXPECTED: Record<string, { categories: (string | null)[]; sources: string[]; shnsu: (boolean | null)[]; yearsOnList: number; clear: number; exit: string | null }> = {
  sA: { categories: ['ШНОР', 'ШНОР', 'ШНОР и ШНСУ', 'ШНОР и ШНСУ'], shnsu: [null, null, true, true], sources: ['computed', 'computed', 'approved', 'computed'], yearsOnList: 4, clear: 0, exit: null },
  sB: { categories: [null, null, null, 'ШНОР'], shnsu: [null, null, false, false], sources: ['computed', 'computed', 'approved', 'computed'], yearsOnList: 1, clear: 0, exit: null },
  sC: { categories: [null, null, 'ШНОР', null], shnsu: [null, null, false, false], sources: ['computed', 'computed', 'approved', 'computed'], yearsOnList: 1, clear: 1, exit: 'left' },
  sD: { categories: [null, null, 'ШНОР', 'ШНСУ'], shnsu: [null, null, false, true], sources: ['computed', 'computed', 'approved', 'computed'], yearsOnList: 2, clear: 0, exit: null },
  sE: { categories: [null, null, null, 'ШНОР'], shnsu: [null, null, false, false], sources: ['computed', 'computed', 'approved', 'computed'], yearsOnList: 1, clear: 0, exit: null },
  sF: { categories: [null, null, 'ШНСУ', null], shnsu: [null, null, true, false], sources: ['computed', 'computed', 'approved', 'computed'], yearsOnList: 1, clear: 1, exit: 'left' },
};

interface SchoolJson {
  code: string;
  history: { year: string; shnor: boolean; shnsu: boolean | null; category: string | null; source: string }[];
  yearsOnList: number;
  clearYearsInRow: number;
  exit: string | null;
}

function input(withApproved = true) {
  const s = sheets(withApproved);
  return { sheetNames: s.map((x) => x.name), tables: Object.fromEntries(s.map((x) => [x.name, x.rows])) };
}

function expectHistory(schools: SchoolJson[]): void {
  for (const s of schools) {
    const e = EXPECTED[s.code];
    expect({ code: s.code, years: s.history.map((h) => h.year) }).toEqual({ code: s.code, years: YEARS });
    expect({ code: s.code, categories: s.history.map((h) => h.category), shnsu: s.history.map((h) => h.shnsu), sources: s.history.map((h) => h.source) }).toEqual({
      code: s.code,
      categories: e.categories,
      shnsu: e.shnsu,
      sources: e.sources,
    });
    expect({ code: s.code, yearsOnList: s.yearsOnList, clear: s.clearYearsInRow, exit: s.exit }).toEqual({ code: s.code, yearsOnList: e.yearsOnList, clear: e.clear, exit: e.exit });
  }
}

describe('history across years (issue 13, DESIGN §2.6)', () => {
  const report = buildReport(input(), '01.12.2026 10:00');

  it('gives every school one entry per school year of the results, the approved list winning for 2021/2022', () => {
    expect(report.json.year).toBe(Y);
    expectHistory(report.json.schools as unknown as SchoolJson[]);
  });

  it('says who entered, who left and who stayed since the year before, by code', () => {
    expect(report.json.listChanges).toEqual({ previousYear: PREV, entered: [code('B'), code('E')], left: [code('C'), code('F')], stayed: [code('A'), code('D')] });
  });

  it('counts per year, with entered and left against the year before', () => {
    expect(report.analysis.history.perYear).toEqual([
      { year: YEARS[0], source: 'computed', shnor: 1, shnsu: null, both: null, onList: 1, entered: null, left: null },
      { year: YEARS[1], source: 'computed', shnor: 1, shnsu: null, both: null, onList: 1, entered: 0, left: 0 },
      { year: YEARS[2], source: 'approved', shnor: 3, shnsu: 2, both: 1, onList: 4, entered: 3, left: 0 },
      { year: Y, source: 'computed', shnor: 3, shnsu: 2, both: 1, onList: 4, entered: 2, left: 2 },
    ]);
  });

  it('journals the years without questionnaire once, and the school whose approved category differs from today’s data', () => {
    const issues = report.json.issues.map((i) => i.message);
    expect(issues.filter((m) => m.includes('нет (или в анкете нет столбца «Учебный год»)'))).toEqual([`Ответов на анкету за ${YEARS[0]}, ${YEARS[1]} нет (или в анкете нет столбца «Учебный год»): в истории за эти годы ШНСУ не определены.`]);
    const differs = report.json.issues.filter((i) => i.message.startsWith('Утверждённый перечень расходится'));
    expect(differs.map((i) => [i.school, i.message])).toEqual([[`Школа Г`, `Утверждённый перечень расходится с расчётом по нынешним данным (данные изменились после приказа): ${PREV}: в утверждённом перечне — «ШНОР», по данным сейчас — не в перечне.`]]);
  });

  it('«Сводка» names who entered and who left, the schools three years running and the share of last year’s ШНОР that left', () => {
    const summary = report.sheets.find((s) => s.name === 'Сводка')?.values.map((r) => String(r[0])) ?? [];
    expect(summary).toContain('Перечень (ШНОР или ШНСУ) — вошли в перечень: Школа Б, Школа Д');
    expect(summary).toContain('Перечень (ШНОР или ШНСУ) — вышли из перечня: Школа В, Школа Е');
    expect(summary).toContain('В перечне три года подряд и дольше: Школа А');
    // ШНОР 2021/2022 (approved): A, C, D; of them C is not on the list in 2022/2023.
    expect(summary).toContain(`Из 3 ШНОР ${PREV} вышли из перечня 1 (33,3 %).`);
  });

  it('«История» shows each year’s category with its source and the exit status', () => {
    const sheet = report.sheets.find((s) => s.name === 'История');
    const values = sheet?.values ?? [];
    const head = values.findIndex((r) => r[0] === 'Код ОО');
    expect(values[head]).toEqual(['Код ОО', 'Наименование ОО', ...YEARS, 'Лет в перечне', 'Лет подряд без оснований', 'Выход из перечня']);
    expect(values[head + 1].slice(2, 6)).toEqual(['расчёт', 'расчёт', 'утверждён', 'расчёт']);
    const row = (c: string) => values.find((r) => r[0] === c);
    expect(row(code('C'))).toEqual([code('C'), 'Школа В', '—', '—', 'ШНОР', '—', 1, 1, 'вышла из перечня']);
    expect(row(code('A'))?.slice(2)).toEqual(['ШНОР', 'ШНОР', 'ШНОР и ШНСУ', 'ШНОР и ШНСУ', 4, 0, '']);
  });

  it('without the approved list the year is recomputed, and D is not on the list of 2021/2022', () => {
    const plain = buildReport(input(false), '01.12.2026 10:00');
    const d = (plain.json.schools as unknown as SchoolJson[]).find((s) => s.code === code('D'));
    expect(d?.history[2]).toEqual({ year: PREV, shnor: false, shnsu: false, category: null, source: 'computed' });
    expect(plain.json.listChanges?.entered).toEqual([code('B'), code('D'), code('E')]);
  });

  it('«на пути к выходу» while a school has been clear for fewer years than the setting', () => {
    const withSetting = input();
    withSetting.tables['Настройки'] = [['Параметр', 'Значение'], ['Выход из перечня: лет подряд без оснований', 2]];
    withSetting.sheetNames.push('Настройки');
    const r = buildReport(withSetting, '01.12.2026 10:00');
    const exits = Object.fromEntries((r.json.schools as unknown as SchoolJson[]).map((s) => [s.code, s.exit]));
    expect(exits).toEqual({ sA: null, sB: null, sC: 'leaving', sD: null, sE: null, sF: 'leaving' });
  });
});

async function writeBook(file: string, withApproved: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets(withApproved)) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

describe('the same history from the CLI and from the add-on; recording the list', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'history-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('CLI and add-on give the same history', async () => {
    const book = path.join(dir, 'book.xlsx');
    await writeBook(book, true);
    const { io } = recordingIo();
    expect(await runCli(['analyze', book, '-o', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 'out.json')], io)).toBe(0);
    const cli = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'));
    expectHistory(cli.schools);

    const env = sheetsEnvironment({ sheets: sheets(true) });
    const addon = loadAddon(CODE_JS, env);
    addon.call('runCalculation');
    const history = env.dumpSheet('История').values;
    const cliBook = await readWorkbookPath(path.join(dir, 'out.xlsx'));
    const cliHistory = cliBook.sheets.find((s) => s.name === 'История')?.rows ?? [];
    const table = (rows: unknown[][]) => rows.slice(rows.findIndex((r) => r?.[0] === 'Код ОО')).map((r) => YEARS.concat(['', '', '', '', '']).map((_, i) => (r[i] === undefined || r[i] === null ? '' : r[i])));
    expect(table(cliHistory)).toEqual(table(history));
  });

  it('CLI `record` appends the year once and refuses to replace it', async () => {
    const book = path.join(dir, 'plain.xlsx');
    await writeBook(book, false);
    const first = path.join(dir, 'recorded.xlsx');
    const run1 = recordingIo();
    expect(await runCli(['record', book, '--order', '№ 7 от 19.01.2023', '-o', first], run1.io)).toBe(0);
    expect(run1.out.join('\n')).toContain(`Перечень ${Y} записан в лист «Перечни прошлых лет»: 4 школы.`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const rows: unknown[][] = [];
    wb.getWorksheet('Перечни прошлых лет')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['Учебный год', 'Код ОО', 'Наименование ОО', 'Категория', 'Приказ (№, дата)'],
      [Y, code('A'), 'Школа А', 'ШНОР и ШНСУ', '№ 7 от 19.01.2023'],
      [Y, code('B'), 'Школа Б', 'ШНОР', '№ 7 от 19.01.2023'],
      [Y, code('E'), 'Школа Д', 'ШНОР', '№ 7 от 19.01.2023'],
      [Y, code('D'), 'Школа Г', 'ШНСУ', '№ 7 от 19.01.2023'],
    ]);
    const run2 = recordingIo();
    expect(await runCli(['record', first, '-o', path.join(dir, 'again.xlsx')], run2.io)).toBe(3);
    expect(run2.err.join('\n')).toContain(`Перечень ${Y} уже записан в лист «Перечни прошлых лет» (строки 2–5): утверждённый перечень не заменяется.`);
    expect(fs.existsSync(path.join(dir, 'again.xlsx'))).toBe(false);
  });

  it('the add-on records once (the order asked for in the menu) and refuses the second time', () => {
    const env = sheetsEnvironment({ sheets: sheets(false) });
    const addon = loadAddon(CODE_JS, env);
    env.ui.answerPromptWith('№ 7 от 19.01.2023');
    addon.call('menuRecordList');
    expect(env.ui.prompts[0].prompt).toContain(`Перечень ${Y} будет записан`);
    expect(env.ui.alerts.at(-1)?.prompt).toBe(`Перечень ${Y} записан в лист «Перечни прошлых лет»: 4 школы. Теперь история использует его как утверждённый.`);
    const recorded = env.dumpSheet('Перечни прошлых лет').values;
    expect(recorded.length).toBe(5);
    const second = addon.call<{ recorded: boolean; message: string }>('recordList', '');
    expect(second.recorded).toBe(false);
    expect(second.message).toContain('утверждённый перечень не заменяется');
    expect(env.dumpSheet('Перечни прошлых лет').values).toEqual(recorded);
    // The recorded list is now the approved one: its source in the history.
    addon.call('runCalculation');
    const history = env.dumpSheet('История').values;
    const head = history.findIndex((r) => r[0] === 'Код ОО');
    expect(history[head + 1].slice(2, 6)).toEqual(['расчёт', 'расчёт', 'расчёт', 'утверждён']);
  });
});
