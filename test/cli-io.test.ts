import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import { GeneratedSheet } from '../src/engine/sheets/generated';
import { GENERATED_NOTE } from '../src/engine/strings';
import { detectDelimiter, readCsvFolder } from '../src/cli/io/csvFolder';
import { readWorkbookPath, typedValue, writeCsvFolderAsXlsx } from '../src/cli/io/index';
import { readXlsx, SourceWorkbook, writeXlsx } from '../src/cli/io/xlsxWorkbook';

let root: string;
let counter = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cli-io-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function tempPath(name: string): string {
  counter += 1;
  const dir = join(root, String(counter));
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const worksheet = workbook.getWorksheet(name);
  if (!worksheet) throw new Error(`no sheet ${name}`);
  return worksheet;
}

const DATE = new Date(Date.UTC(2023, 0, 15, 10, 32, 11));

/** What the first cell of a sheet we generated earlier says. */
const OLD_MARKER = GENERATED_NOTE('01.09.2025 10:00');

/** An input workbook as a coordinator would have it, plus a stale generated sheet. */
async function makeInputWorkbook(path: string, withSettings: boolean): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const results = workbook.addWorksheet('Результаты ОП');
  results.getCell('A1').value = 'Результаты оценочных процедур';
  results.mergeCells('A1:C1');
  results.getRow(2).values = ['Код ОО', 'Текст', 'Дата', 'Участников', 'Формула', 'Ноль', 'Ошибка', 'Флаг', 'Ссылка', 'Без результата'];
  results.getCell('A3').value = 'sch001';
  results.getCell('B3').value = '=1+2';
  results.getCell('C3').value = DATE;
  results.getCell('D3').value = 40;
  results.getCell('E3').value = { formula: 'D3*2', result: 80 };
  results.getCell('F3').value = { formula: 'D3-40', result: 0 };
  results.getCell('G3').value = { formula: 'D3/0', result: { error: '#DIV/0!' } };
  results.getCell('H3').value = true;
  results.getCell('I3').value = { text: 'сайт', hyperlink: 'https://example.org' };
  results.getCell('J3').value = { formula: 'D3+1' };
  results.getCell('A4').value = { richText: [{ text: 'Школа ' }, { text: '№ 1', font: { bold: true } }] };
  results.getCell('B4').font = { italic: true }; // styled but empty: not part of the values
  const stale = workbook.addWorksheet('ИСБШ');
  stale.getCell('A1').value = OLD_MARKER;
  stale.getCell('A2').value = 'старый расчёт';
  if (withSettings) {
    const settings = workbook.addWorksheet('Настройки');
    settings.addRow(['Параметр', 'Значение', 'Пояснение']);
    settings.addRow(['Учебный год', '2021/2022', '']);
  }
  await workbook.xlsx.writeFile(path);
}

function generatedSheet(): GeneratedSheet {
  const values = [
    ['Лист сформирован автоматически', '', ''],
    ['Школа', 'ИСБШ', 'Отмечено'],
    ['=1+2', 0.58333, ''],
    ['Школа № 2', 0.25, true],
  ];
  return {
    name: 'ИСБШ',
    values,
    backgrounds: [
      [null, null, null],
      ['#e8eaed', '#e8eaed', '#e8eaed'],
      [null, '#f4c7c3', null],
      [null, null, null],
    ],
    bold: [
      [false, false, false],
      [true, true, true],
      [false, false, false],
      [false, false, false],
    ],
    numberFormats: [
      [null, null, null],
      [null, null, null],
      [null, '0.00', null],
      [null, '0.00', null],
    ],
    notes: [{ row: 2, col: 1, text: 'выше отсечки' }],
    merges: [{ row: 0, col: 0, rows: 1, cols: 3 }],
    headerRows: [1],
    frozenRows: 2,
    columnWidths: [250, 75],
    checkboxes: [{ row: 2, col: 2, rows: 2, cols: 1 }],
    wrapColumns: [0],
  };
}

/** Every cell's value and type, by address. */
function snapshot(worksheet: ExcelJS.Worksheet): Record<string, { type: number; value: unknown }> {
  const cells: Record<string, { type: number; value: unknown }> = {};
  worksheet.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { type: cell.type, value: cell.value };
    });
  });
  return cells;
}

describe('readXlsx', () => {
  test('reads values the way they are shown', async () => {
    const path = tempPath('input.xlsx');
    await makeInputWorkbook(path, false);
    const { workbook, sheets } = await readXlsx(path);
    expect(workbook.sheets.map((s) => s.entry.name)).toEqual(['Результаты ОП', 'ИСБШ']);
    expect(workbook.sheets.map((s) => s.generated)).toEqual([false, true]);
    const rows = sheets[0].rows;
    expect(sheets[0].name).toBe('Результаты ОП');
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.length === 10)).toBe(true);
    expect(rows[0].slice(0, 3)).toEqual(['Результаты оценочных процедур', null, null]);
    expect(rows[2]).toEqual(['sch001', '=1+2', DATE, 40, 80, 0, '#DIV/0!', true, 'сайт', '=D3+1']);
    expect(rows[3]).toEqual(['Школа № 1', ...new Array(9).fill(null)]);
    expect(sheets[1]).toEqual({ name: 'ИСБШ', rows: [[OLD_MARKER], ['старый расчёт']] });
  });

  test('empty worksheet gives no rows', async () => {
    const path = tempPath('empty.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Пустой');
    await workbook.xlsx.writeFile(path);
    expect((await readXlsx(path)).sheets).toEqual([{ name: 'Пустой', rows: [] }]);
  });

  test('Russian errors for a missing or non-xlsx file', async () => {
    const missing = join(root, 'нет.xlsx');
    await expect(readXlsx(missing)).rejects.toThrow(`Не удалось прочитать файл «${missing}»: файл не найден`);

    const text = tempPath('x.xlsx');
    writeFileSync(text, 'Код ОО;Наименование ОО\n');
    await expect(readXlsx(text)).rejects.toThrow(`Не удалось прочитать файл «${text}»: это не книга Excel (.xlsx)`);

    const xls = tempPath('old.xlsx');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    await expect(readXlsx(xls)).rejects.toThrow(/старого формата Excel \(\.xls\)/);

    const broken = tempPath('broken.xlsx');
    writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]));
    await expect(readXlsx(broken)).rejects.toThrow(/^Не удалось прочитать файл «.*broken\.xlsx»: /);
  });
});

describe('writeXlsx', () => {
  test('keeps input sheets unchanged, replaces generated sheets, appends settings', async () => {
    const input = tempPath('input.xlsx');
    const output = join(tempPath('out'), 'nested', 'result.xlsx');
    await makeInputWorkbook(input, true);
    const before = snapshot(sheet(await openWorkbook(input), 'Результаты ОП'));
    const { workbook, sheets } = await readXlsx(input);

    await writeXlsx(output, {
      workbook,
      inputSheets: sheets,
      generated: [generatedSheet()],
      settingsUpdate: { kind: 'append', rows: [['Порог', 30, 'в процентах']] },
      settingsSheetName: 'Настройки',
    });

    const result = await openWorkbook(output);
    // The new «ИСБШ» takes the place of the old one.
    expect(result.worksheets.map((w) => w.name)).toEqual(['Результаты ОП', 'ИСБШ', 'Настройки']);
    expect(sheet(result, 'ИСБШ').getCell('A1').value).toBe('Лист сформирован автоматически');

    const results = sheet(result, 'Результаты ОП');
    expect(snapshot(results)).toEqual(before);
    expect(results.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(results.getCell('B3').value).toBe('=1+2');
    expect(results.getCell('C3').value).toEqual(DATE);
    expect(results.getCell('D3').value).toBe(40);
    expect(results.getCell('E3').formula).toBe('D3*2');
    expect(results.getCell('B1').master.address).toBe('A1');

    const settings = sheet(result, 'Настройки');
    expect(settings.getRow(1).values).toEqual([undefined, 'Параметр', 'Значение', 'Пояснение']);
    expect(settings.getRow(2).values).toEqual([undefined, 'Учебный год', '2021/2022', '']);
    expect(settings.getRow(3).values).toEqual([undefined, 'Порог', 30, 'в процентах']);
  });

  test('formats the generated sheet', async () => {
    const input = tempPath('input.xlsx');
    const output = tempPath('result.xlsx');
    await makeInputWorkbook(input, false);
    const read = await readXlsx(input);
    await writeXlsx(output, { ...read, inputSheets: read.sheets, generated: [generatedSheet()], settingsSheetName: 'Настройки' });

    const result = await openWorkbook(output);
    const isbsh = sheet(result, 'ИСБШ');
    expect(result.worksheets.filter((w) => w.name === 'ИСБШ')).toHaveLength(1);
    expect(isbsh.getCell('A1').value).toBe('Лист сформирован автоматически');
    expect(isbsh.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(isbsh.getCell('A3').value).toBe('=1+2');
    expect(isbsh.getCell('A3').formula).toBeUndefined();
    expect(isbsh.getCell('B3').value).toBe(0.58333);

    expect(isbsh.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAED' } });
    expect(isbsh.getCell('B3').fill).toMatchObject({ fgColor: { argb: 'FFF4C7C3' } });
    expect(isbsh.getCell('A2').font?.bold).toBe(true);
    expect(isbsh.getCell('A3').font?.bold).toBeFalsy();
    expect(isbsh.getCell('B3').numFmt).toBe('0.00');
    expect(isbsh.getCell('B1').master.address).toBe('A1');
    expect(isbsh.getCell('C1').master.address).toBe('A1');
    expect(noteText(isbsh.getCell('B3').note)).toBe('выше отсечки');
    expect(isbsh.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(isbsh.getColumn(1).width).toBeCloseTo(35, 0);
    expect(isbsh.getCell('A3').alignment?.wrapText).toBe(true);

    expect(isbsh.getCell('C3').value).toBe(false);
    expect(isbsh.getCell('C4').value).toBe(true);
    expect(isbsh.getCell('C4').dataValidation).toMatchObject({ type: 'list', formulae: ['"TRUE,FALSE"'] });
    expect(isbsh.getCell('B4').dataValidation).toBeUndefined();
    expect(result.getWorksheet('Настройки')).toBeUndefined();
  });

  test('CSV input: sheets from values, settings created, stale generated CSV replaced', async () => {
    const dir = tempPath('csv');
    mkdirSync(dir);
    writeFileSync(join(dir, 'Результаты ОП.csv'), 'Код ОО;Участников;Формула\nsch001;40;=1+2\n');
    writeFileSync(join(dir, 'ИСБШ.csv'), `${OLD_MARKER}\nстарый расчёт\n`);
    const output = tempPath('result.xlsx');

    await writeXlsx(output, {
      inputSheets: readCsvFolder(dir),
      generated: [generatedSheet()],
      settingsUpdate: { kind: 'create', rows: [['Параметр', 'Значение', 'Пояснение'], ['Порог', 30, '']] },
      settingsSheetName: 'Настройки',
    });

    const result = await openWorkbook(output);
    // CSV files come in name order; the new «ИСБШ» takes the place of the stale one.
    expect(result.worksheets.map((w) => w.name)).toEqual(['ИСБШ', 'Результаты ОП', 'Настройки']);
    const results = sheet(result, 'Результаты ОП');
    expect(results.getCell('B2').value).toBe('40');
    expect(results.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(results.getCell('C2').value).toBe('=1+2');
    const settings = sheet(result, 'Настройки');
    expect(settings.getRow(1).values).toEqual([undefined, 'Параметр', 'Значение', 'Пояснение']);
    expect(settings.getCell('A1').font?.bold).toBe(true);
    expect(settings.getCell('B2').value).toBe(30);
    expect(sheet(result, 'ИСБШ').getCell('A1').value).toBe('Лист сформирован автоматически');
  });

  test('settings: create over an existing sheet or append to a missing one is refused', async () => {
    const base = { inputSheets: [{ name: 'Настройки', rows: [['Параметр']] }], generated: [], settingsSheetName: 'Настройки' };
    await expect(
      writeXlsx(tempPath('a.xlsx'), { ...base, settingsUpdate: { kind: 'create', rows: [['Параметр']] } }),
    ).rejects.toThrow('Лист «Настройки» уже есть в книге');
    await expect(
      writeXlsx(tempPath('b.xlsx'), { ...base, inputSheets: [], settingsUpdate: { kind: 'append', rows: [['x']] } }),
    ).rejects.toThrow('Листа «Настройки» нет в книге');
  });
});

function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] } | undefined)?.texts ?? [];
  return texts.map((t) => t.text).join('');
}

/** Windows-1251 for ASCII and Russian letters, enough for a test file. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (ch === 'Ё') return 0xa8;
      if (ch === 'ё') return 0xb8;
      throw new Error(`no cp1251 for ${ch}`);
    }),
  );
}

describe('readCsvFolder', () => {
  test('delimiters, BOM, quotes, cp1251, names and order', () => {
    const dir = tempPath('csv');
    mkdirSync(dir);
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    writeFileSync(
      join(dir, 'Результаты ОП.csv'),
      Buffer.concat([
        bom,
        Buffer.from(
          'Код ОО;Наименование ОО;Участников\r\n' +
            'sch001;"МБОУ ""СОШ № 1""; г. Примерск";40\r\n' +
            'sch002;"Школа\nс переносом, и запятой";12,5\r\n' +
            'sch003;;1 024\r\n' +
            '\r\n\r\n',
        ),
      ]),
    );
    writeFileSync(join(dir, 'Анкета.csv'), cp1251('Отметка времени;Код ОО;Учёт\n15.01.2023 10:32:11;sch001;Ёлка\n'));
    writeFileSync(join(dir, 'Справочник ОО.csv'), 'Код ОО,Наименование ОО\nsch001,"Школа, № 1"\n');
    writeFileSync(join(dir, 'Табуляция.csv'), 'Код ОО\tВсего обучающихся, чел.\nsch001\t120\n');
    writeFileSync(join(dir, 'Учёт'.normalize('NFD') + '.csv'), 'Год\n2021/2022\n');
    writeFileSync(join(dir, 'readme.txt'), 'не CSV');

    const sheets = readCsvFolder(dir);
    expect(sheets.map((s) => s.name)).toEqual(['Анкета', 'Результаты ОП', 'Справочник ОО', 'Табуляция', 'Учёт']);
    expect(sheets[4].name).toBe('Учёт'.normalize('NFC'));
    expect(sheets[1].rows).toEqual([
      ['Код ОО', 'Наименование ОО', 'Участников'],
      ['sch001', 'МБОУ "СОШ № 1"; г. Примерск', '40'],
      ['sch002', 'Школа\nс переносом, и запятой', '12,5'],
      ['sch003', null, '1 024'],
    ]);
    expect(sheets[0].rows).toEqual([
      ['Отметка времени', 'Код ОО', 'Учёт'],
      ['15.01.2023 10:32:11', 'sch001', 'Ёлка'],
    ]);
    expect(sheets[2].rows).toEqual([
      ['Код ОО', 'Наименование ОО'],
      ['sch001', 'Школа, № 1'],
    ]);
    expect(sheets[3].rows).toEqual([
      ['Код ОО', 'Всего обучающихся, чел.'],
      ['sch001', '120'],
    ]);
  });

  test('delimiter: the most frequent one on the header line, outside quotes', () => {
    expect(detectDelimiter('Код ОО,Наименование ОО,Другие написания (через «;»),Муниципалитет\n')).toBe(',');
    expect(detectDelimiter('Код ОО;Всего обучающихся, чел.;"Оба родителя; высшее, %"\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('Код\tВсего, чел.\n')).toBe('\t');
    expect(detectDelimiter('Код ОО\n')).toBe(',');
  });

  test('short rows are padded with null', () => {
    const dir = tempPath('csv');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.csv'), 'a;b;c\n1\n');
    expect(readCsvFolder(dir)[0].rows).toEqual([
      ['a', 'b', 'c'],
      ['1', null, null],
    ]);
  });

  test('Russian errors for a missing folder or no CSV files', () => {
    const missing = join(root, 'нет такой папки');
    expect(() => readCsvFolder(missing)).toThrow(`Папка «${missing}» не найдена`);
    const empty = tempPath('empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'readme.txt'), '');
    expect(() => readCsvFolder(empty)).toThrow(`В папке «${empty}» нет файлов .csv`);
  });
});

describe('readWorkbookPath', () => {
  test('a folder is read as CSV, an .xlsx file as a workbook', async () => {
    const dir = tempPath('csv');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.csv'), 'x\n1\n');
    expect(await readWorkbookPath(dir)).toEqual({ sheets: [{ name: 'a', rows: [['x'], ['1']] }], kind: 'csv', existingSheets: [{ name: 'a', generated: false }], notices: [] });

    const xlsx = tempPath('book.XLSX');
    await makeInputWorkbook(xlsx, false);
    const read = await readWorkbookPath(xlsx);
    expect(read.kind).toBe('xlsx');
    expect(read.workbook).toBeInstanceOf(SourceWorkbook);
    expect(read.sheets.map((s) => s.name)).toEqual(['Результаты ОП', 'ИСБШ']);
    expect(read.existingSheets).toEqual([
      { name: 'Результаты ОП', generated: false },
      { name: 'ИСБШ', generated: true },
    ]);
  });

  test('anything else is a Russian error', async () => {
    const txt = tempPath('data.txt');
    writeFileSync(txt, 'x');
    await expect(readWorkbookPath(txt)).rejects.toThrow(`Ожидается файл .xlsx или папка с файлами .csv: «${txt}»`);
    const csv = tempPath('data.csv');
    writeFileSync(csv, 'x');
    await expect(readWorkbookPath(csv)).rejects.toThrow(/это один файл CSV; укажите папку/);
    const missing = join(root, 'нет.ods');
    await expect(readWorkbookPath(missing)).rejects.toThrow(`Ожидается файл .xlsx или папка с файлами .csv: «${missing}» не найден`);
    await expect(readWorkbookPath(join(root, 'нет.xlsx'))).rejects.toThrow(/файл не найден/);
  });
});

describe('writeCsvFolderAsXlsx', () => {
  test('plain numbers become numbers, everything else stays text', async () => {
    const dir = tempPath('csv');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'Результаты ОП.csv'),
      'Год;Код;Участников;Доля;Всего;Время;Формула;Минус\n2021/2022;007;40;12,5;1 024;15.01.2023 10:32:11;=1+2;-3\n',
    );
    const out = join(tempPath('out'), 'example.xlsx');
    await writeCsvFolderAsXlsx(dir, out);
    expect(readdirSync(join(out, '..'))).toEqual(['example.xlsx']);

    const { sheets } = await readXlsx(out);
    expect(sheets).toEqual([
      {
        name: 'Результаты ОП',
        rows: [
          ['Год', 'Код', 'Участников', 'Доля', 'Всего', 'Время', 'Формула', 'Минус'],
          ['2021/2022', '007', 40, 12.5, '1 024', '15.01.2023 10:32:11', '=1+2', -3],
        ],
      },
    ]);
  });

  test('typedValue', () => {
    expect(typedValue('0')).toBe(0);
    expect(typedValue('-0')).toBe(0);
    expect(typedValue('0,25')).toBe(0.25);
    expect(typedValue('12.5')).toBe('12.5');
    expect(typedValue('1234567890123456')).toBe('1234567890123456');
    expect(typedValue(null)).toBeNull();
  });
});
