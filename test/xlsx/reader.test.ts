import * as ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWorkbookPath, xlsxBytes } from '../../src/cli/io';
import { readXlsx } from '../../src/cli/io/xlsxReader';
import { isDateFormat } from '../../src/cli/io/sheetReader';
import { runCli } from '../../src/cli/main';
import { SHEETS } from '../../src/engine';
import { recordingIo } from '../support/cliHarness';
import { exampleSheets } from '../support/exampleWorkbook';
import { handmadeXlsx, packageProblems, rezip, unzipParts, workbookSheets, worksheetXml } from '../support/xlsxPackage';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-reader-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function save(bytes: Buffer, name = 'book.xlsx'): string {
  n += 1;
  const file = path.join(dir, `${n}-${name}`);
  fs.writeFileSync(file, bytes);
  return file;
}

const UTC = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, min, s));

describe('reading cells the way Excel shows them', () => {
  it('shared and inline strings (rich text joined, phonetic runs left out), numbers, booleans, errors, dates, formulas', async () => {
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>Школа </t></r><r><rPr><b/></rPr><t>№ 1</t></r></is></c><c r="D1" t="s"><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><v>40</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" s="1"><v>44941.4390162037</v></c><c r="E2" t="d"><v>2023-01-15T10:32:11</v></c></row>' +
      // A shared formula: its master holds the text, the others only their results (0 and "" included).
      '<row r="3"><c r="A3"><f t="shared" ref="A3:C3" si="0">A2*2</f><v>80</v></c><c r="B3"><f t="shared" si="0"/><v>0</v></c><c r="C3" t="str"><f t="shared" si="0"/><v></v></c><c r="D3" t="b"><f>A2&gt;1</f><v>1</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F3"><f>A2+1</f></c><c r="G3" s="1"><f>TODAY()</f><v>44941</v></c></row>' +
      // Cells without a reference follow the previous one; a row without a number follows the previous row.
      '<row><c><v>1</v></c><c><v>2</v></c><c r="E4"><v>5</v></c><c><v>6</v></c></row>';
    const book = await handmadeXlsx([{ name: 'Лист1', xml: worksheetXml(rows) }], {
      sharedStrings: ['<si><t>Код ОО</t></si>', '<si><r><t>ОО</t></r><r><t xml:space="preserve"> «Лидер»</t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh></si>', '<si><t>строка_x000D_\nвторая</t></si>'],
      cellFormats: [0, 22],
    });
    const { sheets } = await readXlsx(save(book));
    expect(sheets[0].rows).toEqual([
      ['Код ОО', 'ОО «Лидер»', 'Школа № 1', 'строка\r\nвторая', null, null, null],
      [40, false, '#N/A', UTC(2023, 1, 15, 10, 32, 11), UTC(2023, 1, 15, 10, 32, 11), null, null],
      [80, 0, '', true, '#DIV/0!', '=A2+1', UTC(2023, 1, 15)],
      [1, 2, null, null, 5, 6, null],
    ]);
  });

  it('a covered cell of a merge is empty even when the file stores a value there', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Заголовок</t></is></c><c r="B1" t="inlineStr"><is><t>мусор</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>';
    const book = await handmadeXlsx([{ name: 'Лист1', xml: worksheetXml(rows, '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>') }]);
    expect((await readXlsx(save(book))).sheets[0].rows).toEqual([
      ['Заголовок', null],
      [1, 2],
    ]);
  });

  it('the 1904 date system; date formats told from number formats', async () => {
    const book = await handmadeXlsx([{ name: 'Лист1', xml: worksheetXml('<row r="1"><c r="A1" s="1"><v>43479</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1" s="3"><v>12.5</v></c></row>') }], {
      date1904: true,
      cellFormats: [0, 14, 164, 165],
      numFmts: [
        [164, '[h]:mm'],
        [165, '0.0" дн."'],
      ],
    });
    expect((await readXlsx(save(book))).sheets[0].rows[0]).toEqual([UTC(2023, 1, 15), UTC(1904, 1, 1, 12), 12.5]);
    for (const code of ['dd.mm.yyyy', 'DD.MM.YYYY HH:MM:SS', '[$-419]d mmmm yyyy', 'h:mm AM/PM', 'm/d/yy']) expect({ code, date: isDateFormat(code) }).toEqual({ code, date: true });
    for (const code of ['General', '0.00', '#,##0 "руб."', '0%', '@', '[Red]0.0', '0.00E+00', '"день"0']) expect({ code, date: isDateFormat(code) }).toEqual({ code, date: false });
  });

  it('other producers: prefixed elements, absolute targets (openpyxl), sheets stored before the workbook, no shared strings, a chart sheet', async () => {
    const sheet = worksheetXml('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Код ОО</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>7</x:v></x:c></x:row>', '', 'x:');
    const chart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
    const book = await handmadeXlsx(
      [
        { name: 'Диаграмма', xml: chart, kind: 'chartsheet' },
        { name: 'Результаты ОП', xml: sheet },
        { name: 'Скрытый', xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), state: 'hidden' },
      ],
      { absoluteTargets: true, sheetsFirst: true, prefixed: true },
    );
    const { sheets, workbook } = await readXlsx(save(book));
    expect(sheets).toEqual([
      { name: 'Результаты ОП', rows: [['Код ОО'], [7]] },
      { name: 'Скрытый', rows: [[1]] },
    ]);
    expect(workbook.sheets.map((s) => [s.entry.name, s.entry.kind])).toEqual([
      ['Диаграмма', 'chartsheet'],
      ['Результаты ОП', 'worksheet'],
      ['Скрытый', 'worksheet'],
    ]);
  });

  it('Russian messages for a damaged file, a truncated one and an encrypted one', async () => {
    const damaged = await handmadeXlsx([{ name: 'Лист1', xml: '<worksheet><sheetData><row></sheetData>' }]);
    await expect(readXlsx(save(damaged))).rejects.toThrow(/книга Excel повреждена \(разметка XML листа «Лист1» повреждена \(строка \d+\)\)/);
    const truncated = (await handmadeXlsx([{ name: 'Лист1', xml: worksheetXml('') }])).subarray(0, 200);
    await expect(readXlsx(save(truncated))).rejects.toThrow(/книга Excel повреждена \(архив ZIP повреждён/);
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64), Buffer.from('EncryptedPackage', 'utf16le')]);
    await expect(readXlsx(save(encrypted))).rejects.toThrow(/защищена паролем/);
  });
});

describe('a workbook saved as «Strict Open XML»', () => {
  it('is read; adding sheets to it is refused with a Russian message saying how to save it', async () => {
    const parts = await unzipParts(await handmadeXlsx([{ name: 'Лист1', xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }]));
    const workbook = (parts.get('xl/workbook.xml') as Buffer).toString('utf8');
    parts.set('xl/workbook.xml', Buffer.from(workbook.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main')));
    const input = await readWorkbookPath(save(await rezip(parts)));
    expect(input.sheets[0].rows).toEqual([[1]]);
    const sheet = { name: 'ИСБШ', values: [['x']], backgrounds: [[null]], bold: [[false]], numberFormats: [[null]], notes: [], merges: [], headerRows: [], frozenRows: 0, columnWidths: [], checkboxes: [], wrapColumns: [] };
    await expect(xlsxBytes({ workbook: input.workbook, inputSheets: input.sheets, generated: [sheet], settingsSheetName: SHEETS.settings })).rejects.toThrow(/«Строгий Open XML».*«Книга Excel \(\.xlsx\)»/);
  });
});

describe('sheet names longer than 31 characters (Google Sheets exports them)', () => {
  const LONG = 'Ответы на форму (1) — анкета школ 2022/2023 учебного года';

  async function googleExport(): Promise<Buffer> {
    const [form, results, registry] = exampleSheets().sort((a, b) => a.name.localeCompare(b.name));
    const cell = (v: unknown, ref: string) =>
      v === null ? '' : typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
    const col = (i: number) => String.fromCharCode(65 + i);
    const xml = (rows: unknown[][]) => worksheetXml(rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(v, `${col(c)}${i + 1}`)).join('')}</row>`).join(''));
    const notes = worksheetXml(`<row r="1"><c r="A1"><f>COUNTA('${LONG}'!A:A)</f><v>20</v></c></row>`, `<hyperlinks><hyperlink ref="A1" location="'${LONG}'!A1" display="к анкете"/></hyperlinks>`);
    return handmadeXlsx(
      [
        { name: LONG, xml: xml(form.rows) },
        { name: results.name, xml: xml(results.rows) },
        { name: registry.name, xml: xml(registry.rows) },
        { name: 'Заметки', xml: notes },
      ],
      { definedNames: `<definedName name="Анкета">'${LONG}'!$A$1:$H$30</definedName>` },
    );
  }

  it('read fine and analysed; the output names the sheet within 31 characters and its references follow', async () => {
    const source = save(await googleExport());
    const input = await readWorkbookPath(source);
    expect(input.sheets[0].name).toBe(LONG);
    expect(input.notices).toEqual([expect.stringContaining(`Имя листа «${LONG}» Excel не принимает`)]);

    const out = path.join(dir, 'long-result.xlsx');
    const c = recordingIo();
    expect(await runCli(['analyze', source, '-o', out], c.io)).toBe(0);
    expect(c.err).toEqual([]);
    const parts = await unzipParts(fs.readFileSync(out));
    expect(packageProblems(parts)).toEqual([]);
    const names = workbookSheets(parts).map((s) => s.name);
    const short = names[0];
    expect(short.length).toBeLessThanOrEqual(31);
    expect(LONG.startsWith(short.replace(/_/g, '/'))).toBe(true);
    const workbook = (parts.get('xl/workbook.xml') as Buffer).toString('utf8');
    expect(workbook).toContain(`<definedName name="Анкета">'${short}'!$A$1:$H$30</definedName>`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const notes = wb.getWorksheet('Заметки') as ExcelJS.Worksheet;
    expect(notes.getCell('A1').formula).toBe(`COUNTA('${short}'!A:A)`);
    expect(wb.getWorksheet(short)?.getCell('B2').value).toBe(input.sheets[0].rows[1][1]);
    // The run found the questionnaire under its long name.
    expect(wb.getWorksheet(SHEETS.isbsh)?.rowCount).toBeGreaterThan(10);
  });
});

describe('appending rows to a user’s sheet', () => {
  it('rows go under the last row holding anything, into formatted empty rows, keeping their formats; the rest byte for byte', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Параметр</t></is></c><c r="B1" t="inlineStr"><is><t>Значение</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Порог</t></is></c><c r="B2"><v>30</v></c></row>' +
      // A formula with an empty result still holds something: nothing is written over it.
      '<row r="3"><c r="C3" t="str"><f>""</f><v></v></c></row>' +
      '<row r="4" ht="20" customHeight="1" spans="1:3"><c r="A4" s="1"/><c r="B4" s="1"/></row>' +
      '<row r="9"><c r="A9" s="1"/></row>';
    const book = await handmadeXlsx(
      [
        { name: 'Настройки', xml: worksheetXml(rows) },
        { name: 'Другой', xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      ],
      { cellFormats: [0, 10] },
    );
    const source = save(book);
    const input = await readWorkbookPath(source);
    const bytes = await xlsxBytes({
      workbook: input.workbook,
      inputSheets: input.sheets,
      generated: [],
      settingsUpdate: { kind: 'append', rows: [['Квартиль', 'quintile', 'пояснение'], ['=1+2', 1, 'текст']] },
      settingsSheetName: 'Настройки',
    });
    const before = await unzipParts(book);
    const after = await unzipParts(bytes);
    expect(packageProblems(after)).toEqual([]);
    expect(after.get('xl/worksheets/sheet2.xml')?.equals(before.get('xl/worksheets/sheet2.xml') as Buffer)).toBe(true);
    const xml = (after.get('xl/worksheets/sheet1.xml') as Buffer).toString('utf8');
    const original = (before.get('xl/worksheets/sheet1.xml') as Buffer).toString('utf8');
    // Everything up to the first new row is as it was.
    expect(xml.startsWith(original.slice(0, original.indexOf('<row r="4"')).replace('<dimension ref="A1"/>', '<dimension ref="A1:C9"/>'))).toBe(true);
    expect(xml).toContain('<row r="4" ht="20" customHeight="1"><c r="A4" s="1" t="inlineStr"><is><t xml:space="preserve">Квартиль</t></is></c><c r="B4" s="1" t="inlineStr">');
    expect(xml).toContain('<row r="5"><c r="A5" t="inlineStr"><is><t xml:space="preserve">=1+2</t></is></c><c r="B5"><v>1</v></c>');
    expect(xml).toContain('<row r="9"><c r="A9" s="1"/></row>');
    const { sheets } = await readXlsx(save(bytes));
    expect(sheets[0].rows).toEqual([
      ['Параметр', 'Значение', null],
      ['Порог', 30, null],
      [null, null, ''],
      ['Квартиль', 'quintile', 'пояснение'],
      ['=1+2', 1, 'текст'],
    ]);
  });

  it('import: the pasted rows below the results, the journal beside a user’s own «Журнал импорта»', async () => {
    const wb = new ExcelJS.Workbook();
    for (const s of exampleSheets()) {
      const ws = wb.addWorksheet(s.name);
      s.rows.forEach((r) => ws.addRow(r.map((v) => (v === null ? undefined : v))));
    }
    wb.addWorksheet('Журнал импорта').getCell('A1').value = 'мой журнал звонков';
    const paste = wb.addWorksheet('Вставка');
    paste.addRow(['Код ОО', 'Наименование ОО', 'Учебный год', 'Процедура', 'Участников', 'Не справились']);
    paste.addRow(['sch240101', 'МБОУ "СОШ № 1"', '2023/2024', 'ВПР математика 5 кл.', 50, 10]);
    const source = save(Buffer.from(await wb.xlsx.writeBuffer()));
    const out = path.join(dir, 'import-result.xlsx');
    const c = recordingIo();
    expect(await runCli(['import', source, '--sheet', 'Вставка', '-o', out], c.io)).toBe(0);
    const before = await unzipParts(fs.readFileSync(source));
    const after = await unzipParts(fs.readFileSync(out));
    expect(packageProblems(after)).toEqual([]);
    const names = workbookSheets(after).map((s) => s.name);
    expect(names).toContain('Журнал импорта (расчёт)');
    const own = workbookSheets(before).find((s) => s.name === 'Журнал импорта')?.part as string;
    expect(after.get(own)?.equals(before.get(own) as Buffer)).toBe(true);
    const read = await readXlsx(out);
    const results = read.sheets.find((s) => s.name === 'Результаты ОП')?.rows ?? [];
    const original = (await readXlsx(source)).sheets.find((s) => s.name === 'Результаты ОП')?.rows ?? [];
    expect(results.slice(0, original.length)).toEqual(original);
    expect(results.length).toBe(original.length + 1);
    expect(results[results.length - 1]).toEqual(expect.arrayContaining(['2023/2024', 'sch240101', 'ВПР математика 5 кл.', 50, 10]));
    expect(String(read.sheets.find((s) => s.name === 'Журнал импорта (расчёт)')?.rows[0][0])).toContain('Лист сформирован');
  });
});
