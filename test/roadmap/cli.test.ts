import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readXlsx } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { ResultJson } from '../../src/engine';
import { Table, cellText } from '../../src/engine/table';
import { recordingIo } from '../support/cliHarness';
import { EXAMPLE_DIR } from '../support/exampleWorkbook';
import { SeedSheet } from '../support/fakeSpreadsheetApp';
import { ROADMAP, changedList, col, exampleSheets, groupEdits, headerRow, rowsOf } from './helpers';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-roadmap-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sheetOf(file: string, name = ROADMAP): Promise<Table> {
  return (await readXlsx(file)).sheets.find((s) => s.name === name)!.rows;
}

async function writeBook(file: string, sheets: SeedSheet[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow(row.map((v) => (v === '' || v === undefined ? null : v)));
  }
  await book.xlsx.writeFile(file);
}

describe('shnor-monitor roadmap', () => {
  it('creates «Дорожная карта» with the «Статус» list and the goals as notes', async () => {
    const out = path.join(dir, 'карта.xlsx');
    const io = recordingIo();
    expect(await runCli(['roadmap', EXAMPLE_DIR, '-o', out], io.io)).toBe(0);
    expect(io.out.join('\n')).toBe(`Лист «Дорожная карта» создан: 16 строк — трек 1: 7, трек 2: 6, трек 3: 3. Заполните меры, сроки, ответственных и результаты.\nЗаписано: ${out}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.getWorksheet(ROADMAP)!;
    const t = await sheetOf(out);
    const h = headerRow(t);
    const status = col(t, 'Статус') + 1;
    expect(ws.getCell(h + 2, status).dataValidation).toMatchObject({ type: 'list', formulae: ['"запланировано,в работе,выполнено,не выполнено,вышла из перечня,перешла в другой трек"'], errorStyle: 'stop' });
    expect(ws.getCell(h + 1, status).dataValidation).toBeFalsy();
    const heading = t.findIndex((r) => cellText(r[0]).startsWith('Трек 2.'));
    expect(String(ws.getCell(heading + 1, 1).note)).toMatch(/Цель: внедрить технологии эффективного школьного управления/);
    // The input sheets are there unchanged.
    expect((await readXlsx(out)).sheets.map((s) => s.name)).toEqual(['Ответы на форму (1)', 'Результаты ОП', 'Справочник ОО', ROADMAP]);
  });

  it('the working group fills it in Excel, the list changes: the rebuilt sheet keeps every value and marks the school that left', async () => {
    const first = path.join(dir, 'первая.xlsx');
    expect(await runCli(['roadmap', EXAMPLE_DIR, '-o', first], recordingIo().io)).toBe(0);
    const filled = groupEdits(await sheetOf(first));
    const book = path.join(dir, 'заполнена.xlsx');
    await writeBook(book, [...changedList(exampleSheets()), { name: ROADMAP, rows: filled }]);

    const second = path.join(dir, 'вторая.xlsx');
    const io = recordingIo();
    expect(await runCli(['roadmap', book, '-o', second], io.io)).toBe(0);
    expect(io.out[0]).toContain('Трек 1, отмечены «вышла из перечня»: МБОУ "СОШ № 2".');
    const t = await sheetOf(second);
    const status = col(t, 'Статус');
    expect(rowsOf(t, 'sch240102', 1).map((r) => t[r][status])).toEqual(['вышла из перечня', 'выполнено', 'вышла из перечня']);
    expect(rowsOf(t, 'sch240103', 2)).toHaveLength(1);
    const [s02] = rowsOf(t, 'sch240102', 1);
    expect(t[s02].slice(5, 8)).toEqual(['март 2023', 'Иванова И. И., заместитель директора', 'Программа утверждена и размещена на сайте']);
    expect(t[s02][9]).toBe('на контроле у начальника');
    expect(t[s02 + 1][9]).toBe('перенесено с февраля');

    const json = path.join(dir, 'вторая.json');
    expect(await runCli(['analyze', second, '-o', path.join(dir, 'расчёт.xlsx'), '--json', json], recordingIo().io)).toBe(0);
    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as ResultJson;
    expect(result.roadmap).toMatchObject({ rows: 21 });
    // Of the schools now in tracks 1 and 2 only «СОШ № 1» in track 2 had a complete measure — and it moved to track 1.
    expect(result.roadmap!.schoolsWithoutMeasures).toHaveLength(13);
    expect(result.issues.some((i) => i.sheet === ROADMAP && i.school === 'МБОУ "СОШ № 1"' && /Трек 1: нет ни одной полной меры/.test(i.message))).toBe(true);
  });

  it('refuses to write over its input and leaves a sheet that is not a roadmap alone', async () => {
    const io = recordingIo();
    const input = path.join(dir, 'своя.xlsx');
    await writeBook(input, [...exampleSheets(), { name: ROADMAP, rows: [['№', 'Мероприятие'], [1, 'Совещание']] }]);
    expect(await runCli(['roadmap', input, '-o', input], io.io)).toBe(2);
    expect(io.err.join('\n')).toContain('— это исходная книга: запись заменила бы ваши данные');
    const refused = recordingIo();
    expect(await runCli(['roadmap', input, '-o', path.join(dir, 'нет.xlsx')], refused.io)).toBe(3);
    expect(refused.err.join('\n')).toContain('Лист «Дорожная карта» не распознан как дорожная карта');
    expect(fs.existsSync(path.join(dir, 'нет.xlsx'))).toBe(false);
    const help = recordingIo();
    await runCli(['roadmap', '--help'], help.io);
    expect(help.out.join('\n')).toContain('shnor-monitor roadmap <книга.xlsx | папка с .csv> [-o книга-дорожная-карта.xlsx] [--in-place]');
    const general = recordingIo();
    await runCli(['help'], general.io);
    expect(general.out.join('\n')).toContain('roadmap     создать или обновить «Дорожная карта» по трём трекам ФИОКО');
  });
});
