import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/main';
import { HEADERS } from '../../src/engine/strings';
import { Table } from '../../src/engine/table';
import { sheetValues } from '../support/cliHarness';
import { loadPaste, typed } from './paste';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: Table): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name);
  rows.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== '') ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
  }));
  return ws;
}

/** A coordinator's workbook: the registry, one typed result, and the ФИС ОКО report pasted on its own sheet. */
async function makeWorkbook(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  addSheet(workbook, 'Справочник ОО', loadPaste('registry.tsv'));
  addSheet(workbook, 'Результаты ОП', [[...HEADERS.results], ['2022/2023', 'sch240101', 'МБОУ "СОШ № 1"', 'ОГЭ математика', 60, 6, null, null, null, null]]);
  const paste = addSheet(workbook, 'Вставка ВПР', typed(loadPaste('fis-oko-math5-2022.tsv')));
  paste.mergeCells('D7:G7'); // «Распределение групп баллов в %» over the mark columns
  addSheet(workbook, 'Без заголовка', loadPaste('students-untitled.tsv'));
  const path = join(dir, file);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), now: () => new Date(Date.UTC(2024, 0, 15, 9, 0)) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('shnor-monitor import', () => {
  it('appends the pasted report to «Результаты ОП», leaves the other sheets as they were, and says what it did', async () => {
    const input = await makeWorkbook('book.xlsx');
    const output = join(dir, 'book-out.xlsx');
    const r = await run(['import', input, '--sheet', 'Вставка ВПР', '-o', output]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('ФИС ОКО: статистика по отметкам (ВПР)');
    expect(r.out).toContain('Добавлено строк: 4. Уже есть: 0. Конфликтов: 0. Пропущено строк: 4.');
    expect(r.out).toContain('пропущена строка 16: школа «МБОУ "СОШ № 99" (sch240199)» не найдена в справочнике');
    const results = await sheetValues(output, 'Результаты ОП');
    expect(results).toHaveLength(6);
    expect(results[1]).toEqual(['2022/2023', 'sch240101', 'МБОУ "СОШ № 1"', 'ОГЭ математика', 60, 6]);
    expect(results[2]).toEqual(['2021/2022', 'sch240101', 'МБОУ "СОШ № 1"', 'ВПР математика 5 кл.', 87, undefined, '11,49 %']);
    expect(await sheetValues(output, 'Вставка ВПР')).toEqual(await sheetValues(input, 'Вставка ВПР'));
    expect(await sheetValues(output, 'Справочник ОО')).toEqual(await sheetValues(input, 'Справочник ОО'));
    const journal = await sheetValues(output, 'Журнал импорта');
    expect(journal.some((row) => row.includes('Ошибка') && String(row[4]).includes('sch240199'))).toBe(true);

    const again = await run(['import', output, '--sheet', 'Вставка ВПР', '-o', join(dir, 'book-out2.xlsx')]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Добавлено строк: 0. Уже есть: 4. Конфликтов: 0.');
    expect(await sheetValues(join(dir, 'book-out2.xlsx'), 'Результаты ОП')).toHaveLength(6);
  });

  it('exits 2 and names the flags when the paste does not say its procedure or year; imports once given', async () => {
    const input = await makeWorkbook('untitled.xlsx');
    const asked = await run(['import', input, '--sheet', 'Без заголовка', '-o', join(dir, 'u.xlsx')]);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain('укажите --procedure и --year');
    const told = await run(['import', input, '--sheet', 'Без заголовка', '--procedure', 'ОГЭ русский язык', '--year', '2022/2023', '-o', join(dir, 'u.xlsx')]);
    expect(told.code).toBe(0);
    const results = await sheetValues(join(dir, 'u.xlsx'), 'Результаты ОП');
    expect(results.slice(2)).toEqual([
      ['2022/2023', 'sch240101', 'МБОУ "СОШ № 1"', 'ОГЭ русский язык', 3, 1, undefined, 3],
      ['2022/2023', 'sch240103', 'МАОУ "Гимназия № 3"', 'ОГЭ русский язык', 2, 0, undefined, 5],
    ]);
  });

  it('rejects a bad procedure, a missing or non-paste sheet with exit 2', async () => {
    const input = await makeWorkbook('bad.xlsx');
    const bad = await run(['import', input, '--sheet', 'Вставка ВПР', '--procedure', 'ВПР физика 7', '-o', join(dir, 'b.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Процедура «ВПР физика 7» не найдена в перечне процедур.');
    expect((await run(['import', input, '-o', join(dir, 'b.xlsx')])).code).toBe(2);
    expect((await run(['import', input, '--sheet', 'Нет такого', '-o', join(dir, 'b.xlsx')])).err).toContain('Лист «Нет такого» не найден.');
    expect((await run(['import', input, '--sheet', 'Результаты ОП', '-o', join(dir, 'b.xlsx')])).code).toBe(2);
  });
});
