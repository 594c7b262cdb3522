/**
 * `shnor-monitor import` with a student-level ВПР protocol (issue 16): from a separate file
 * (`--from`, as ФИС ОКО exports it) or pasted on a sheet; the scale from `--scale` or «Настройки».
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/main';
import { HEADERS } from '../../src/engine/strings';
import { Table } from '../../src/engine/table';
import { recordingIo, sheetValues } from '../support/cliHarness';
import { loadPaste, loadProtocol, typed } from './paste';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'protocol-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: Table): void {
  const ws = workbook.addWorksheet(name);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== '') ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
}

async function save(file: string, sheets: [string, Table][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) addSheet(workbook, name, rows);
  const path = join(dir, file);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** The coordinator's workbook: the registry and «Результаты ОП» in the old ten columns, with one ВПР result. */
function coordinatorSheets(settings: Table | null = null): [string, Table][] {
  const sheets: [string, Table][] = [
    ['Справочник ОО', loadPaste('registry.tsv')],
    ['Результаты ОП', [HEADERS.results.slice(0, 10), ['2020/2021', 'sch240104', 'МБОУ "СОШ № 4"', 'ВПР математика 5 кл.', 6, 2]]],
  ];
  if (settings) sheets.push(['Настройки', settings]);
  return sheets;
}

async function run(args: string[]) {
  const r = recordingIo();
  const code = await runCli(args, r.io);
  return { code, out: r.out.join('\n'), err: r.err.join('\n') };
}

describe('shnor-monitor import --from <protocol.xlsx>', () => {
  let book: string;
  let protocol: string;
  beforeAll(async () => {
    book = await save('book.xlsx', coordinatorSheets());
    // As ФИС ОКО exports it: the protocol on the sheet «Протокол», numbers as numbers.
    protocol = await save('protocol.xlsx', [['Инструкция', [['Протокол проверки ВПР']]], ['Протокол', typed(loadProtocol('protocol-sheet-math5-2021.tsv'))]]);
  });

  it('stops with exit 2 and asks for the scale when «Настройки» has none', async () => {
    const r = await run(['import', book, '--from', protocol, '--procedure', 'ВПР математика 5 кл.', '-o', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Протокол ВПР из ФИС ОКО (строка на обучающегося)');
    expect(r.err).toContain('добавьте в «Настройки» строку «Шкала ВПР: ВПР математика 5 кл., 2020/2021»');
    expect(r.err).toContain('Ошибка: отчёт не называет шкалу перевода баллов в отметки: укажите --scale (минимальные баллы для «3», «4», «5», например --scale 7,11,15).');
  });

  it('asks for the procedure first, and says the scale may be needed too', async () => {
    const r = await run(['import', book, '--from', protocol, '-o', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Ошибка: отчёт не называет процедуру: укажите --procedure (и --scale, если шкалы нет в «Настройках»).');
  });

  it('with --scale: P and F of every school, the journal comparison, the columns added to the old header', async () => {
    const output = join(dir, 'book-out.xlsx');
    const r = await run(['import', book, '--from', protocol, '--procedure', 'ВПР математика 5 кл.', '--scale', '7,11,15', '-o', output]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Шкала перевода баллов в отметки: «3» — от 7, «4» — от 11, «5» — от 15 баллов (указана при импорте).');
    expect(r.out).toContain('Участников с итоговым баллом: 11; отсутствовали: 1; без отметки по журналу 2–5: 1.');
    expect(r.out).toContain('Добавлено строк: 2. Уже есть: 0.');
    expect(r.out).toContain('В лист «Результаты ОП» добавлены столбцы «Понизили»');
    const rows = await sheetValues(output, 'Результаты ОП');
    expect(rows[0]).toEqual([...HEADERS.results]);
    // sch240104's result was there (6, 2): only its counts are added. sch240103 (edu240103) is new.
    expect(rows.slice(1)).toEqual([
      ['2020/2021', 'sch240104', 'МБОУ "СОШ № 4"', 'ВПР математика 5 кл.', 6, 2],
      ['2020/2021', 'sch240103', 'МАОУ "Гимназия № 3"', 'ВПР математика 5 кл.', 5, 0, undefined, 13.6, undefined, undefined, 1, 2, 1, 1, 0, 1, 0],
      ['2020/2021', 'sch240104', 'МБОУ "СОШ № 4"', 'ВПР математика 5 кл.', undefined, undefined, undefined, undefined, undefined, undefined, 2, 4, 0, 3, 1, 0, 1],
    ]);
    expect(await sheetValues(output, 'Справочник ОО')).toEqual(await sheetValues(book, 'Справочник ОО'));
    const journal = await sheetValues(output, 'Журнал импорта');
    expect(journal.some((row) => String(row[4]).startsWith('Итоговый балл 21 больше максимального'))).toBe(true);

    const again = await run(['import', output, '--from', protocol, '--procedure', 'ВПР математика 5 кл.', '--scale', '7,11,15', '-o', join(dir, 'again.xlsx')]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Добавлено строк: 0. Уже есть: 2. Конфликтов: 0.');
  });

  it('takes the scale from «Настройки»', async () => {
    const withScale = await save('scaled.xlsx', coordinatorSheets([['Параметр', 'Значение'], ['Шкала ВПР: ВПР математика 5 кл., 2020/2021', '7; 11; 15']]));
    const r = await run(['import', withScale, '--from', protocol, '--procedure', 'ВПР математика 5 кл.', '-o', join(dir, 'scaled-out.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('(из листа «Настройки»)');
  });

  it('a protocol pasted on a sheet of the workbook, and one CSV file with --from', async () => {
    const pasted = await save('pasted.xlsx', [...coordinatorSheets(), ['Вставка', loadProtocol('vpr-russian5-2021-latin.tsv')]]);
    const r = await run(['import', pasted, '--sheet', 'Вставка', '--procedure', 'ВПР русский язык 5 кл.', '--year', '2020/2021', '--scale', '18 29 39', '-o', join(dir, 'pasted-out.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Добавлено строк: 2.');
    const csv = join(dir, 'protocol.csv');
    writeFileSync(csv, loadProtocol('vpr-math5-2021-logins.tsv').map((row) => row.map((v) => v ?? '').join(';')).join('\n'));
    const c = await run(['import', book, '--from', csv, '--procedure', 'ВПР математика 5 кл.', '--year', '2020/2021', '--scale', '7,11,15', '-o', join(dir, 'csv-out.xlsx')]);
    expect(c.code).toBe(0);
    expect(c.out).toContain('Добавлено строк: 2.');
  });

  it('refuses a bad scale and a missing sheet of the report file with exit 2', async () => {
    const bad = await run(['import', book, '--from', protocol, '--procedure', 'ВПР математика 5 кл.', '--scale', '7,11', '-o', join(dir, 'x.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Шкала «7,11» не распознана');
    const over = await run(['import', book, '--from', protocol, '--procedure', 'ВПР математика 5 кл.', '--scale', '7,11,25', '-o', join(dir, 'x.xlsx')]);
    expect(over.code).toBe(2);
    expect(over.err).toContain('Минимальный балл для «5» (25) больше максимального балла работы (20 — сумма максимумов заданий): проверьте шкалу.');
    expect(over.err).toContain('Ошибка: укажите --scale');
    const noSheet = await run(['import', book, '--from', protocol, '--sheet', 'Лист9', '-o', join(dir, 'x.xlsx')]);
    expect(noSheet.code).toBe(2);
    expect(noSheet.err).toContain('--sheet: в файле отчёта нет листа «Лист9» (есть: «Инструкция», «Протокол»)');
  });
});
