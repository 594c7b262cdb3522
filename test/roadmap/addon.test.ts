/**
 * «Подготовить дорожную карту» in the built add-on (dist/Code.js in a vm over the in-memory
 * spreadsheet): the working group fills the sheet in Sheets — values, two more rows for a school, a
 * column, a formula, a note, a colour — the list changes, the roadmap follows in place, and the CLI
 * given the same workbook produces the same values and the same completeness.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readXlsx } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { ResultJson } from '../../src/engine';
import { Table, cellText } from '../../src/engine/table';
import { AppsScriptEnvironment, loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import { recordingIo } from '../support/cliHarness';
import { CODE_JS } from '../support/exampleWorkbook';
import { SeedSheet } from '../support/fakeSpreadsheetApp';
import { RESULTS, ROADMAP, changedList, col, exampleSheets, groupEdits, headerRow, rowsOf, syntheticSheets } from './helpers';

interface RoadmapResult {
  sheet: string;
  created: boolean;
  rows: Record<1 | 2 | 3, number>;
  changes: { added: Record<1 | 2, string[]>; left: Record<1 | 2, string[]>; moved: Record<1 | 2, string[]> };
  message: string;
}

interface Summary {
  roadmap: { rows: number; withoutMeasures: { code: string }[]; incompleteRows: number; unreadable: number; overdue: number } | null;
  sheets: string[];
}

function start(sheets: SeedSheet[] = exampleSheets()) {
  if (!fs.existsSync(CODE_JS)) throw new Error('dist/Code.js не собран: выполните npm run build');
  const env = sheetsEnvironment({ sheets, htmlFiles: { sidebar: '<!doctype html><p>панель</p>' } });
  return { env, addon: loadAddon(CODE_JS, env) };
}

/** What the group does in Sheets: the same edits as `groupEdits`, typed cell by cell, with rows inserted. */
function typeGroupEdits(env: AppsScriptEnvironment): void {
  const sheet = env.spreadsheet.getSheetByName(ROADMAP)!;
  const before = env.dumpSheet(ROADMAP).values as Table;
  const after = groupEdits(before);
  const [s02] = rowsOf(before, 'sch240102', 1);
  sheet.insertRowsAfter(s02 + 1, 2);
  const shifted = before.map((r) => r.slice());
  shifted.splice(s02 + 1, 0, [], []);
  after.forEach((row, r) =>
    row.forEach((value, c) => {
      if (cellText(value) !== cellText(shifted[r]?.[c] ?? null)) sheet.getRange(r + 1, c + 1).setValue(value);
    }),
  );
}

/** Every sheet of the fake spreadsheet as an .xlsx of values, as «Файл → Скачать → Microsoft Excel» gives it. */
async function exportXlsx(env: AppsScriptEnvironment, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const name of env.workbook.sheetNames()) {
    const ws = book.addWorksheet(name);
    for (const row of env.dumpSheet(name).values) ws.addRow(row.map((v) => (v === '' ? null : v)));
  }
  await book.xlsx.writeFile(file);
}

/** Values as text, without trailing empty cells and rows (the two readers pad differently). */
function normalized(table: unknown[][]): string[][] {
  const rows = table.map((r) => {
    const cells = Array.from(r, (c) => cellText((c ?? null) as never));
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-roadmap-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('«Дорожная карта» in the add-on', () => {
  it('the menu has «Подготовить дорожную карту» (AuthMode.NONE); prepareRoadmap() is a server function', () => {
    const { env, addon } = start();
    addon.call('onOpen', { authMode: env.globals.ScriptApp.AuthMode.NONE });
    expect(env.ui.menuItems()).toEqual(expect.arrayContaining([{ caption: 'Подготовить дорожную карту', functionName: 'menuPrepareRoadmap' }]));
    expect(addon.isTopLevelFunction('prepareRoadmap')).toBe(true);
    expect(addon.isTopLevelFunction('menuPrepareRoadmap')).toBe(true);
  });

  it('creates the sheet with the «Статус» drop-down, coloured headings and their goals', () => {
    const { env, addon } = start();
    const r = addon.call<RoadmapResult>('prepareRoadmap');
    expect(r).toMatchObject({ sheet: ROADMAP, created: true, rows: { 1: 7, 2: 6, 3: 3 } });
    const d = env.dumpSheet(ROADMAP);
    const t = d.values as Table;
    const h = headerRow(t);
    const status = col(t, 'Статус');
    for (let i = h + 1; i < t.length; i++) expect(d.valueLists[i][status]).toEqual(['запланировано', 'в работе', 'выполнено', 'не выполнено', 'вышла из перечня', 'перешла в другой трек']);
    expect(d.valueLists[h][status]).toBeNull();
    const heading1 = t.findIndex((row) => cellText(row[0]).startsWith('Трек 1.'));
    expect(d.backgrounds[heading1][0]).toBe('#fce8b2');
    expect(d.fontWeights[heading1][0]).toBe('bold');
    expect(d.notes[heading1][0]).toMatch(/^Цель: внедрить/);
    expect(d.frozenRows).toBe(h + 1);
  });

  it('follows the list in place without losing a word, a formula, a note or a colour — and agrees with the CLI', async () => {
    const { env, addon } = start();
    addon.call('prepareRoadmap');
    typeGroupEdits(env);
    const sheet = env.spreadsheet.getSheetByName(ROADMAP)!;
    let t = env.dumpSheet(ROADMAP).values as Table;
    const municipal = t.findIndex((r, i) => i > headerRow(t) && r[0] === 3);
    sheet.getRange(municipal + 1, col(t, 'Ответственные') + 1).setFormula("='Справочник ОО'!B2");
    const [s02] = rowsOf(t, 'sch240102', 1);
    sheet.getRange(s02 + 1, col(t, 'Мера — мероприятие') + 1).setNote('обсудить на заседании МРГ');
    sheet.getRange(s02 + 1, col(t, 'Статус') + 1).setNote('проверено 10.04');
    sheet.getRange(s02 + 1, col(t, 'Результаты / показатели') + 1).setBackground('#ff9900');

    // The coordinator corrects the results: the list changes (see changedList).
    const results = env.spreadsheet.getSheetByName(RESULTS)!;
    const wanted = changedList(exampleSheets()).find((s) => s.name === RESULTS)!.rows;
    const now = env.dumpSheet(RESULTS).values;
    wanted.forEach((row, r) => row.forEach((v, c) => cellText((v ?? null) as never) !== cellText(now[r][c] as never) && results.getRange(r + 1, c + 1).setValue(v)));

    const beforeFile = path.join(dir, 'до.xlsx');
    await exportXlsx(env, beforeFile);
    const before = env.dumpSheet(ROADMAP);

    env.calls.reset();
    const r = addon.call<RoadmapResult>('prepareRoadmap');
    expect(r.created).toBe(false);
    expect(r.changes.added).toEqual({ 1: ['МБОУ "СОШ № 1"'], 2: ['МАОУ "Гимназия № 3"'] });
    expect(r.changes.left).toEqual({ 1: ['МБОУ "СОШ № 2"'], 2: [] });
    expect(r.changes.moved).toEqual({ 1: [], 2: ['МБОУ "СОШ № 1"'] });
    // Calls bounded by the kinds of change: one block per track, one RangeList per value, the notes of «Статус».
    const calls = env.calls.snapshot();
    expect(calls['Sheet.insertRowsBefore']).toBe(2);
    expect(calls['Range.setValues']).toBe(2);
    expect(calls['RangeList.setValue']).toBe(3);
    expect(calls['Range.getNotes']).toBe(1);
    expect(calls['Range.setNotes']).toBe(1);
    expect(calls['Spreadsheet.insertSheet'] ?? 0).toBe(0);
    // One read per input sheet: registry, questionnaire, results, the roadmap itself.
    expect(calls['Range.getValues']).toBe(4);

    const after = env.dumpSheet(ROADMAP);
    t = after.values as Table;
    const [s02Now] = rowsOf(t, 'sch240102', 1);
    const muniNow = t.findIndex((row, i) => i > headerRow(t) && row[0] === 3);
    expect(after.formulas[muniNow][col(t, 'Ответственные')]).toBe("='Справочник ОО'!B2");
    expect(after.notes[s02Now][col(t, 'Мера — мероприятие')]).toBe('обсудить на заседании МРГ');
    expect(after.notes[s02Now][col(t, 'Статус')]).toMatch(/^проверено 10\.04\nСтатус до обновления дорожной карты \d\d\.\d\d\.\d{4}: «в работе»\.$/);
    expect(after.backgrounds[s02Now][col(t, 'Результаты / показатели')]).toBe('#ff9900');
    expect(t[s02Now][col(t, 'Статус')]).toBe('вышла из перечня');
    const [s03] = rowsOf(t, 'sch240103', 2);
    expect(after.valueLists[s03][col(t, 'Статус')]).not.toBeNull();
    expect(t[headerRow(t)][9]).toBe('Примечание');
    // Rows of the sheet not added by this run are those of before, the «Статус» of the schools that left aside
    // (and the date in the first line, the same when both runs fall in one minute).
    const added = new Set([...rowsOf(t, 'sch240101', 1), s03]);
    const kept = t.filter((_, i) => !added.has(i));
    const status = col(t, 'Статус');
    const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
    const differences = (before.values as Table).flatMap((row, i) => row.map((v, c) => (same(kept[i][c], v) ? '' : `${i}:${c}`)).filter(Boolean));
    expect(differences.filter((d) => !d.endsWith(`:${status}`) && d !== '0:0')).toEqual([]);

    // The CLI on the same workbook writes the same values.
    const afterFile = path.join(dir, 'после.xlsx');
    const cli = recordingIo();
    expect(await runCli(['roadmap', beforeFile, '-o', afterFile], cli.io)).toBe(0);
    expect(cli.out.join('\n')).toContain('Трек 1, отмечены «вышла из перечня»: МБОУ "СОШ № 2".');
    const fromCli = (await readXlsx(afterFile)).sheets.find((s) => s.name === ROADMAP)!.rows;
    expect(normalized(fromCli).slice(1)).toEqual(normalized(t).slice(1));

    // «Рассчитать» reads the roadmap without writing it; its completeness is the CLI's.
    const untouched = env.dumpSheet(ROADMAP);
    const summary = addon.call<Summary>('runCalculation');
    expect(env.dumpSheet(ROADMAP)).toEqual(untouched);
    expect(summary.sheets).not.toContain(ROADMAP);
    const json = path.join(dir, 'после.json');
    expect(await runCli(['analyze', afterFile, '-o', path.join(dir, 'расчёт.xlsx'), '--json', json], recordingIo().io)).toBe(0);
    const fromJson = (JSON.parse(fs.readFileSync(json, 'utf8')) as ResultJson).roadmap!;
    expect({
      rows: summary.roadmap!.rows,
      schoolsWithoutMeasures: summary.roadmap!.withoutMeasures.map((s) => s.code),
      incompleteRows: summary.roadmap!.incompleteRows,
      overdueRows: summary.roadmap!.overdue,
      unreadableDeadlines: summary.roadmap!.unreadable,
    }).toEqual(fromJson);
    expect(fromJson.rows).toBe(21);
    // «СОШ № 2» left: of the schools filled by the group only «СОШ № 1»'s new track-1 row is empty.
    expect(fromJson.schoolsWithoutMeasures).toContain('sch240101');
    expect(fromJson.schoolsWithoutMeasures).not.toContain('sch240102');
  });

  it('the service calls of an update do not depend on the number of schools', () => {
    const callsFor = (n: number) => {
      const { env, addon } = start(syntheticSheets(n));
      addon.call('prepareRoadmap');
      const results = env.spreadsheet.getSheetByName(RESULTS)!;
      const rows = syntheticSheets(n, true).find((s) => s.name === RESULTS)!.rows;
      results.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
      env.calls.reset();
      const r = addon.call<RoadmapResult>('prepareRoadmap');
      return { calls: env.calls.snapshot(), left: r.changes.left[1].length, added: r.changes.added[1].length };
    };
    const small = callsFor(40);
    const large = callsFor(400);
    expect([small.left, small.added, large.left, large.added]).toEqual([5, 5, 50, 50]);
    expect(large.calls).toEqual(small.calls);
  });

  it('a sheet of the user\'s named «Дорожная карта» is left alone with a clear message', () => {
    const own: SeedSheet = { name: ROADMAP, rows: [['№', 'Мероприятие', 'Срок'], [1, 'Совещание', 'январь']] };
    const { env, addon } = start([...exampleSheets(), own]);
    const before = env.dumpSheet(ROADMAP);
    expect(() => addon.call('prepareRoadmap')).toThrow(/Лист «Дорожная карта» не распознан как дорожная карта: не найдены столбцы «Ответственные», «Результаты \/ показатели», «Трек» или «Код ОО»/);
    expect(env.dumpSheet(ROADMAP)).toEqual(before);
    addon.call('menuPrepareRoadmap');
    expect(env.ui.alerts.at(-1)?.prompt).toMatch(/не распознан как дорожная карта/);
  });
});
