import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import { recordingIo } from '../support/cliHarness';
import { readXlsx } from '../../src/cli/io';
import { ResultJson } from '../../src/engine';
import { cell, columnOf, rowOf } from './sheetEdit';

const example = path.resolve(__dirname, '../../examples/municipality');

const io = () => recordingIo(new Date(Date.UTC(2024, 0, 15, 7, 0)));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-indicators-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function monitoringOf(file: string) {
  const { sheets } = await readXlsx(file);
  return sheets.find((s) => s.name === 'Мониторинг')!.rows;
}

describe('shnor-monitor monitoring / analyze with indicators', () => {
  it('prepares «Мониторинг», keeps the entries on a second run, and analyze reads it and writes the SVG beside the workbook', async () => {
    const first = path.join(dir, 'мониторинг.xlsx');
    const a = io();
    expect(await runCli(['monitoring', example, '-o', first], a.io)).toBe(0);
    expect(a.out.join('\n')).toContain('Лист «Мониторинг» создан: 21 школа, из них в перечне ШНОР и ШНСУ — 10.');
    let rows = await monitoringOf(first);
    const school = cellOfFirstListed(rows);
    expect(cell(rows, school, '1.1.1.1')).toBe(false);

    // The working group ticks a box, types a number and adds a column — in Excel.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(first);
    const ws = book.getWorksheet('Мониторинг')!;
    ws.getCell(rowOf(rows, school) + 1, columnOf(rows, '1.1.1.1') + 1).value = true;
    ws.getCell(rowOf(rows, school) + 1, columnOf(rows, 'Педагогов всего') + 1).value = 12;
    ws.getCell(rowOf(rows, school) + 1, columnOf(rows, 'Прошли диагностику') + 1).value = 9;
    const extra = rows[2].length + 1;
    ws.getCell(3, extra).value = 'Примечание';
    ws.getCell(rowOf(rows, school) + 1, extra).value = 'проверено';
    const filled = path.join(dir, 'заполнено.xlsx');
    await book.xlsx.writeFile(filled);

    const second = path.join(dir, 'январь.xlsx');
    expect(await runCli(['monitoring', filled, '-o', second], io().io)).toBe(0);
    rows = await monitoringOf(second);
    expect(cell(rows, school, '1.1.1.1')).toBe(true);
    expect(cell(rows, school, 'Педагогов всего')).toBe(12);
    expect(cell(rows, school, 'Примечание')).toBe('проверено');

    const out = path.join(dir, 'результат.xlsx');
    const json = path.join(dir, 'результат.json');
    const b = io();
    expect(await runCli(['analyze', second, '-o', out, '--json', json], b.io)).toBe(0);
    expect(b.out.join('\n')).toContain(`Записано: ${path.join(dir, 'результат-isbsh.svg')}`);
    expect(fs.readFileSync(path.join(dir, 'результат-isbsh.svg'), 'utf8')).toMatch(/^<\?xml[^]*<svg[^]*<\/svg>\n$/);
    expect(await monitoringOf(out)).toEqual(rows);
    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as ResultJson;
    expect(result.indicators?.find((i) => i.id === '1.1.3.3')).toMatchObject({ numerator: 9, denominator: 12, value: 0.75, status: 'достигнуто' });
    const names = (await readXlsx(out)).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Показатели', 'Сводка']));
    expect(names.indexOf('Сводка')).toBeLessThan(names.indexOf('Журнал проверки'));
  });
});

/** The code of the first school of the list (rows are ordered ШНОР/ШНСУ first). */
function cellOfFirstListed(rows: unknown[][]): string {
  const head = rows.findIndex((r) => r[0] === 'Код ОО');
  return String(rows[head + 1][0]);
}
