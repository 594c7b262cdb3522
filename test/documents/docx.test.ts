import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import { renderDocx, spravkaDocxBytes } from '../../src/cli/docx';
import { readCsvFolder } from '../../src/cli/io';
import { DOCUMENT_TEXT, Table, buildReport, spravkaDocument, typography } from '../../src/engine';
import { recordingIo } from '../support/cliHarness';
import { EXAMPLE_DIR } from '../support/exampleWorkbook';
import { barChartPng, pngDimensions } from '../support/png';
import { allTexts, openDocx, paragraphs, tables } from './docxXml';

const WHEN = '15.01.2026 10:00';

function exampleReport() {
  const sheets = readCsvFolder(EXAMPLE_DIR);
  const tablesByName: Record<string, Table> = {};
  for (const s of sheets) tablesByName[s.name] = s.rows;
  return buildReport({ sheetNames: sheets.map((s) => s.name), tables: tablesByName }, WHEN);
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-docx-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** «Перечень ШНОР и ШНСУ» of the output workbook, rows below its header, as a reader sees the cells. */
async function listSheetRows(xlsx: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet('Перечень ШНОР и ШНСУ');
  if (!ws) throw new Error('no list sheet');
  const rows: string[][] = [];
  let inTable = false;
  ws.eachRow((row) => {
    const cells = [1, 2, 3, 4, 5].map((c) => String(row.getCell(c).value ?? ''));
    if (inTable && /^\d+$/.test(cells[0])) rows.push(cells);
    if (cells[0] === '№ п/п') inTable = true;
  });
  return rows;
}

describe('shnor-monitor analyze --docx', () => {
  let docx: Buffer;
  let xlsx: string;

  beforeAll(async () => {
    xlsx = path.join(dir, 'результат.xlsx');
    const file = path.join(dir, 'справки', 'справка.docx');
    const c = recordingIo(new Date(Date.UTC(2026, 0, 15, 7, 0)));
    const code = await runCli(['analyze', EXAMPLE_DIR, '-o', xlsx, '--docx', file], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(c.out.join('\n')).toContain(`Записано: ${file}`);
    docx = fs.readFileSync(file);
  });

  it('writes a Word file whose appendix has exactly the rows of «Перечень ШНОР и ШНСУ», its header repeated on every page', async () => {
    const pkg = await openDocx(docx);
    const appendix = tables(pkg.document).find((t) => t[0].cells[1] === 'Образовательная организация');
    expect(appendix).toBeDefined();
    const [header, ...rows] = appendix ?? [];
    expect(header.cells).toEqual(['№\u00a0п/п', 'Образовательная организация', 'Категория', 'Основания']);
    expect(header.header).toBe(true);
    const sheet = await listSheetRows(xlsx);
    expect(sheet).toHaveLength(10);
    expect(rows.map((r) => r.cells)).toEqual(sheet.map(([n, code, name, category, reasons]) => [n, `${name} (код ${code})`, category, reasons].map(typography)));
    for (const r of rows) expect(r).toMatchObject({ header: false, cantSplit: true });
    // The appendix starts on a new page, after the signature.
    const paras = paragraphs(pkg.document);
    const start = paras.findIndex((p) => p.text === 'Приложение');
    expect(paras[start].pageBreakBefore).toBe(true);
    expect(paras[start - 1].text).toContain('Дата:');
  });

  it('has the sections, the title with the municipality and year, A4 pages and «стр. N из M»', async () => {
    const pkg = await openDocx(docx);
    const paras = paragraphs(pkg.document);
    expect(paras[0]).toMatchObject({ style: 'Title', text: 'Аналитическая справка' });
    expect(paras.map((p) => p.text)).toEqual(expect.arrayContaining(['Северный район', 'по итогам 2022/2023 учебного года']));
    const s = DOCUMENT_TEXT.sections;
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(
      [s.method, s.counts, s.chart, s.note, s.indicators, s.changes('2021/2022')].map(typography),
    );
    // The CLI draws the ИСБШ chart (src/cli/charts) and puts the picture in.
    expect(pkg.files.filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(1);
    expect(paras.map((p) => p.text)).not.toContain(typography(DOCUMENT_TEXT.chartFallback));
    expect(/<w:pgSz w:w="11906" w:h="16838"/.test(pkg.document)).toBe(true);
    const footer = await pkg.text('word/footer1.xml');
    expect(footer).toContain('стр. ');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    // A line height without its rule is read by LibreOffice as exact, and clips the chart picture.
    const spacings = [...`${pkg.document}${await pkg.text('word/styles.xml')}`.matchAll(/<w:spacing [^>]*>/g)].map((m) => m[0]);
    expect(spacings.filter((sp) => sp.includes('w:line=') && !sp.includes('w:lineRule="auto"'))).toEqual([]);
    const core = await pkg.text('docProps/core.xml');
    expect(core).toContain('<dc:creator>Мониторинг ШНОР и ШНСУ</dc:creator>');
    expect(core).toContain('Аналитическая справка');
    // Tables that ask for it repeat the header; the counts table does not.
    const [counts, indicators] = tables(pkg.document);
    expect(counts[0].header).toBe(false);
    expect(indicators[0]).toMatchObject({ header: true, cells: ['№', 'Показатель', 'Значение', 'Целевое значение', 'Учтено'] });
  });

  it('sets every text in Russian typography', async () => {
    const pkg = await openDocx(docx);
    const texts = allTexts(pkg.document);
    const joined = texts.join('');
    expect(joined).not.toContain('"');
    expect(joined).not.toMatch(/\d [%‰]|№ \d/);
    expect(joined).toContain('МБОУ «СОШ №\u00a02»');
    expect(joined).toMatch(/30\u00a0%/);
    expect(joined).toMatch(/\d,\d\u00a0%/);
    expect(/<w:lang w:val="ru-RU"/.test(await pkg.text('word/styles.xml'))).toBe(true);
  });

  it('refuses a --docx file that is not .docx, before reading anything', async () => {
    const c = recordingIo();
    expect(await runCli(['analyze', EXAMPLE_DIR, '-o', path.join(dir, 'x.xlsx'), '--docx', path.join(dir, 'справка.doc')], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('--docx: укажите файл с расширением .docx');
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('the docx renderer with the chart picture', () => {
  const report = exampleReport();
  const png = barChartPng([69, 71, 72, 73, 80, 88], { width: 760, height: 400, max: 100, line: 73.99, highlight: [true, true, true, true, false, false] });

  it('embeds the PNG it is given, fitted to the text width, with its alternative text and caption', async () => {
    const bytes = await spravkaDocxBytes(report, { generatedAt: WHEN, source: 'книги «пример.xlsx»', chartPng: png });
    const pkg = await openDocx(bytes);
    const media = pkg.files.filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect((await pkg.read(media[0])).equals(png)).toBe(true);
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(pkg.document);
    const { width, height } = pngDimensions(png);
    const cx = Number(extent?.[1]) / 9525;
    const cy = Number(extent?.[2]) / 9525;
    expect(cx).toBeLessThan(width); // 760 px is wider than 16.5 cm of text
    expect(cx).toBeGreaterThan(600);
    expect(cy / cx).toBeCloseTo(height / width, 2);
    expect(/<wp:docPr [^>]*descr="Столбчатая диаграмма: ИСБШ 18 школ/.test(pkg.document)).toBe(true);
    expect(paragraphs(pkg.document).map((p) => p.text)).toContain(typography('Рисунок 1 — ИСБШ по школам (от наименее благополучной) и граница ШНСУ 73,99 (нижний квартиль)'));
    expect(paragraphs(pkg.document).map((p) => p.text)).not.toContain(typography(DOCUMENT_TEXT.chartFallback));
  });

  it('without a picture writes the fallback text instead', async () => {
    const pkg = await openDocx(await spravkaDocxBytes(report, { generatedAt: WHEN, source: 'x', chartPng: null }));
    expect(pkg.files.some((f) => f.startsWith('word/media/'))).toBe(false);
    expect(paragraphs(pkg.document).map((p) => p.text)).toContain(typography(DOCUMENT_TEXT.chartFallback));
  });

  it('rejects bytes that are not a PNG with a Russian message', async () => {
    const doc = spravkaDocument({ analysis: report.analysis, listChanges: report.listChanges, generatedAt: WHEN, source: 'x' });
    await expect(renderDocx(doc, { chartPng: new Uint8Array([1, 2, 3, 4]) })).rejects.toThrow('Диаграмма для справки должна быть изображением PNG.');
  });
});
