import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import { recordingIo } from '../support/cliHarness';
import { readCsvFolder, writeCsvFolderAsXlsx } from '../../src/cli/io';
import { ResultJson } from '../../src/engine';

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'examples/municipality');
const expected = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/municipality.expected.json'), 'utf8'));

const io = () => recordingIo(new Date(Date.UTC(2026, 0, 15, 7, 0)));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function checkAgainstExpected(json: ResultJson): void {
  expect(json.year).toBe(expected.year);
  expect(json.shnsuCutoff).toBeCloseTo(expected.shnsuCutoff, 10);
  const byCode = new Map(json.schools.map((s) => [s.code, s]));
  for (const [code, want] of Object.entries<Record<string, unknown>>(expected.schools)) {
    const got = byCode.get(code);
    expect({ code, ...got }).toMatchObject({ code, isbshRank: want.isbshRank, shnsu: want.shnsu, shnor: want.shnor, criterion1: want.criterion1, criterion2: want.criterion2, status: want.status });
    if (want.isbsh === null) expect(got?.isbsh).toBeNull();
    else expect(got?.isbsh).toBeCloseTo(want.isbsh as number, 10);
  }
  expect(json.schools).toHaveLength(Object.keys(expected.schools).length);
}

describe('shnor-monitor analyze', () => {
  it('on the CSV folder: exit 0, the expected flags, a summary in Russian, the journal in the JSON', async () => {
    const c = io();
    const out = path.join(dir, 'csv-result.xlsx');
    const json = path.join(dir, 'csv-result.json');
    expect(await runCli(['analyze', example, '-o', out, '--json', json], c.io)).toBe(0);
    const result: ResultJson = JSON.parse(fs.readFileSync(json, 'utf8'));
    checkAgainstExpected(result);
    expect(c.out.join('\n')).toContain('Учебный год анализа: 2022/2023');
    expect(result.issues.some((i) => i.level === 'error')).toBe(true);
    for (const field of ['code', 'name', 'isbsh', 'isbshRank', 'shnsu', 'shnor', 'criterion1', 'criterion2', 'lowResults', 'status']) {
      expect(result.schools[0]).toHaveProperty(field);
    }
  });

  it('on the same data as .xlsx: the same result, and the input sheets come out unchanged', async () => {
    const xlsx = path.join(dir, 'example.xlsx');
    await writeCsvFolderAsXlsx(example, xlsx);
    const out = path.join(dir, 'xlsx-result.xlsx');
    const json = path.join(dir, 'xlsx-result.json');
    const c = io();
    expect(await runCli(['analyze', xlsx, '-o', out, '--json', json], c.io)).toBe(0);
    checkAgainstExpected(JSON.parse(fs.readFileSync(json, 'utf8')));

    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(xlsx);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    for (const ws of before.worksheets) {
      const copy = after.getWorksheet(ws.name);
      expect(copy).toBeDefined();
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c2) => {
          expect({ at: `${ws.name}!${cell.address}`, value: copy?.getRow(r).getCell(c2).value }).toEqual({ at: `${ws.name}!${cell.address}`, value: cell.value });
        });
      });
    }
    const names = after.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['ИСБШ', 'ШНОР', 'Перечень ШНОР и ШНСУ', 'Журнал проверки', 'Настройки']));
    const list = after.getWorksheet('Перечень ШНОР и ШНСУ');
    const text = JSON.stringify(list?.getSheetValues());
    expect(text).toContain('списком школ для адресной методической поддержки');
  });

  it('an export from Google Sheets (timestamps as dates, counts as numbers) gives the same result', async () => {
    const wb = new ExcelJS.Workbook();
    for (const sheet of readCsvFolder(example)) {
      const ws = wb.addWorksheet(sheet.name);
      sheet.rows.forEach((row, r) =>
        ws.addRow(
          row.map((v) => {
            const text = typeof v === 'string' ? v : '';
            const ts = text.match(/^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})$/);
            if (r > 0 && ts) return new Date(Date.UTC(+ts[3], +ts[2] - 1, +ts[1], +ts[4], +ts[5], +ts[6]));
            return r > 0 && /^\d+$/.test(text) ? Number(text) : v;
          }),
        ),
      );
    }
    const xlsx = path.join(dir, 'google-export.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const json = path.join(dir, 'google-export.json');
    expect(await runCli(['analyze', xlsx, '-o', path.join(dir, 'google-export-result.xlsx'), '--json', json], io().io)).toBe(0);
    checkAgainstExpected(JSON.parse(fs.readFileSync(json, 'utf8')));
  });

  it('--cutoff quintile and --year change the settings of the run', async () => {
    const json = path.join(dir, 'quintile.json');
    expect(await runCli(['analyze', example, '-o', path.join(dir, 'q.xlsx'), '--json', json, '--cutoff', 'quintile', '--year', '2021-22'], io().io)).toBe(0);
    const result: ResultJson = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(result.settings.cutoff).toBe('quintile');
    expect(result.settings.cutoffP).toBe(0.2);
    expect(result.year).toBe('2021/2022');
    expect(result.shnsuCutoff).toBeLessThanOrEqual(expected.shnsuCutoff);
  });

  it('a file it cannot read: a clear message and exit 1; bad flags: exit 2', async () => {
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, 'это не книга');
    const c = io();
    expect(await runCli(['analyze', broken], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/^Ошибка: /);
    const d = io();
    expect(await runCli(['analyze', example, '--cutoff', 'median'], d.io)).toBe(2);
    expect(d.err.join('')).toContain('--cutoff');
    expect(await runCli(['frobnicate'], io().io)).toBe(2);
    expect(await runCli(['analyze', path.join(dir, 'missing.xlsx')], io().io)).toBe(1);
  });

  it('a formula-like school name stays text in the generated sheets', async () => {
    const csvDir = path.join(dir, 'formula');
    fs.mkdirSync(csvDir);
    fs.writeFileSync(path.join(csvDir, 'Ответы на форму (1).csv'), 'Отметка времени,Код ОО,Наименование ОО,Всего обучающихся,Оба родителя с высшим образованием,Из неполных семей,На учёте\n15.01.2023 10:00:00,x1,"=HYPERLINK(""http://evil"")",100,10,10,10\n');
    const out = path.join(dir, 'formula.xlsx');
    expect(await runCli(['analyze', csvDir, '-o', out], io().io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const values = JSON.stringify(wb.getWorksheet('ИСБШ')?.getSheetValues());
    expect(values).toContain('=HYPERLINK');
    wb.getWorksheet('ИСБШ')?.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(readCsvFolder(csvDir)[0].rows[1][2]).toBe('=HYPERLINK("http://evil")');
  });
});

describe('the built CLI (bin/shnor-monitor.js → build/cli.cjs)', () => {
  it('runs the example like `npm start` does', () => {
    const out = path.join(dir, 'bin.xlsx');
    const stdout = execFileSync(process.execPath, [path.join(root, 'bin/shnor-monitor.js'), 'analyze', example, '-o', out], { encoding: 'utf8' });
    expect(stdout).toContain('ШНОР:');
    expect(fs.existsSync(out)).toBe(true);
  });
});
