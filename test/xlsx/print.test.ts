import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chartPicture, readWorkbookPath, xlsxBytes } from '../../src/cli/io';
import { readXlsx } from '../../src/cli/io/xlsxReader';
import { GeneratedSheet } from '../../src/engine/sheets/generated';
import { buildReport, Report, SHEETS, Table } from '../../src/engine';
import { syntheticMunicipality } from '../../scripts/synthetic';
import { EXAMPLE_DIR } from '../support/exampleWorkbook';
import { convertTo, convertToPdf, describeWithLibreOffice, isA4, isLandscape, pdfImages, PdfPage, pdfPages, PdfWord, pdfWords } from '../support/libreoffice';
import { barsPng } from '../support/xlsxPackage';
import { recordingIo } from '../support/cliHarness';
import { runCli } from '../../src/cli/main';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-print-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The CLI's output for these sheets, with the ИСБШ chart as a picture on «Сводка». */
async function printedWorkbook(name: string, sheets: { name: string; rows: Table }[] | string, only?: string): Promise<{ file: string; report: Report }> {
  let input;
  if (typeof sheets === 'string') input = await readWorkbookPath(sheets);
  else input = { sheets, workbook: undefined, existingSheets: [] };
  const tables: Record<string, Table> = {};
  for (const s of input.sheets) tables[s.name] = s.rows;
  const report = buildReport({ sheetNames: input.sheets.map((s) => s.name), tables, existingSheets: input.existingSheets }, '15.01.2026 10:00');
  const summary = report.sheets.find((s) => s.chart) as GeneratedSheet;
  const picture = chartPicture(summary, barsPng(760, 400));
  // `only`: just that sheet, so that LibreOffice has less to print.
  const bytes = await xlsxBytes({
    workbook: input.workbook,
    inputSheets: only ? [] : input.sheets,
    generated: only ? report.sheets.filter((s) => s.name === only) : report.sheets,
    obsolete: report.placement.obsolete,
    settingsUpdate: only ? null : report.analysis.settingsUpdate,
    settingsSheetName: SHEETS.settings,
    pictures: picture && !only ? [picture] : [],
  });
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, bytes);
  return { file, report };
}

/** The sheet a page belongs to, from its header («Перечень ШНОР и ШНСУ      2022/2023 учебный год»). */
function headerName(page: PdfPage): string {
  return page.firstLine.split(/\s{2,}/)[0];
}

/**
 * Words of the first and last labels of a generated sheet's table header — the longest word of
 * each, since a wrapped label prints over several lines.
 */
function headerLabels(sheet: GeneratedSheet): string[] {
  const row = sheet.values[sheet.headerRows[0]].map((v) => String(v ?? '')).filter((v) => v !== '');
  const longest = (label: string) => label.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  return [longest(row[0]), longest(row[row.length - 1])];
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * The text of each listed school's «Основания» cell as printed: the words in that column between
 * the top of its row (its «№» in the first column) and the top of the next one. A justification
 * that did not fit its row spills below the next row's top and so does not come out whole.
 */
function justificationsOnPage(words: PdfWord[], firstWords: string[]): Map<number, string> {
  const numberColumnRight = Math.min(...words.filter((w) => w.text === 'Код').map((w) => w.xMin));
  const rowTops = words.filter((w) => /^\d+$/.test(w.text) && w.xMax < numberColumnRight).map((w) => ({ n: Number(w.text), top: w.yMin }));
  const columnLeft = Math.min(...words.filter((w) => firstWords.includes(w.text)).map((w) => w.xMin)) - 0.5;
  // The table ends at the totals line or, on a page it continues from, at the footer.
  const end = Math.min(...words.filter((w) => w.text === 'Итого:' || w.text === 'стр.').map((w) => w.yMin), Infinity);
  const texts = new Map<number, string>();
  rowTops.forEach((row, i) => {
    const bottom = rowTops[i + 1]?.top ?? end;
    const inRow = words.filter((w) => w.xMin >= columnLeft && w.yMin >= row.top - 1 && w.yMin < bottom - 1).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    texts.set(row.n, inRow.map((w) => w.text).join(''));
  });
  return texts;
}

function listedReasons(report: Report): Map<number, string> {
  const list = report.sheets.find((s) => s.name === SHEETS.list) as GeneratedSheet;
  const head = list.headerRows[0];
  const reasons = new Map<number, string>();
  for (const row of list.values.slice(head + 1)) {
    if (typeof row[0] !== 'number') break;
    reasons.set(row[0], String(row[4]));
  }
  return reasons;
}

describeWithLibreOffice('printing the example’s workbook (LibreOffice → PDF)', () => {
  let report: Report;
  let pdf: string;
  let pages: PdfPage[];
  let file: string;
  const generated = () => report.sheets.map((s) => s.name);
  const pagesOf = (name: string) => pages.filter((p) => headerName(p) === name);

  beforeAll(async () => {
    // What `analyze` writes (the chart rendered by src/cli/charts), beside the report it came from.
    ({ report } = await printedWorkbook('example-report', EXAMPLE_DIR));
    file = path.join(dir, 'example.xlsx');
    const c = recordingIo(new Date(Date.UTC(2026, 0, 15, 7, 0)));
    expect(await runCli(['analyze', EXAMPLE_DIR, '-o', file], c.io)).toBe(0);
    pdf = convertToPdf(file);
    pages = pdfPages(pdf);
  }, 240_000);

  it('every page is A4; each generated sheet has its name and the year in the header and «стр. N из M» below', () => {
    expect(pages.every(isA4)).toBe(true);
    for (const name of generated()) {
      const own = pagesOf(name);
      expect({ name, pages: own.length > 0 }).toEqual({ name, pages: true });
      for (const p of own) {
        expect(p.firstLine).toContain('2022/2023 учебный год');
        expect(p.text).toMatch(new RegExp(`стр\\. ${p.number} из ${pages.length}`));
      }
    }
  });

  it('every generated sheet is one page wide: each page shows its table’s whole header (repeated on every page)', () => {
    for (const sheet of report.sheets) {
      const own = pagesOf(sheet.name);
      const [first, last] = headerLabels(sheet);
      const withTable = own.filter((p) => p.text.includes(first));
      expect({ sheet: sheet.name, some: withTable.length > 0 }).toEqual({ sheet: sheet.name, some: true });
      for (const p of withTable) expect({ sheet: sheet.name, page: p.number, last: p.text.includes(last) }).toEqual({ sheet: sheet.name, page: p.number, last: true });
      // Repeated header rows: every page after the first carries the header too.
      if (sheet.name !== SHEETS.summary) for (const p of own.slice(1)) expect({ sheet: sheet.name, page: p.number, header: p.text.includes(first) }).toEqual({ sheet: sheet.name, page: p.number, header: true });
    }
  });

  it('wide sheets print landscape', () => {
    for (const name of [SHEETS.isbsh, SHEETS.shnor, SHEETS.list, SHEETS.indicators, SHEETS.journal]) {
      expect({ name, landscape: pagesOf(name).every(isLandscape) }).toEqual({ name, landscape: true });
    }
  });

  it('a table narrower than the page prints at full size: a long sentence above it wraps instead of shrinking the page', () => {
    // «История» of the example is far narrower than a landscape page, under a sentence wider than it.
    const [page] = pagesOf(SHEETS.history);
    const words = pdfWords(pdf, page.number);
    const heightOf = (text: string) => {
      const w = words.find((x) => x.text === text);
      return w ? w.yMax - w.yMin : 0;
    };
    const [listPage] = pagesOf(SHEETS.list);
    const listWord = pdfWords(pdf, listPage.number).find((x) => x.text === 'Код');
    expect(listWord).toBeDefined();
    // The same Arial 10 as «Перечень» (printed at 100 %), not scaled down.
    expect(heightOf('Код')).toBeGreaterThan(0.9 * ((listWord as PdfWord).yMax - (listWord as PdfWord).yMin));
  });

  it('«Перечень ШНОР и ШНСУ» of the example fits one page, every justification whole in its row', () => {
    const own = pagesOf(SHEETS.list);
    expect(own).toHaveLength(1);
    const reasons = listedReasons(report);
    const printed = justificationsOnPage(pdfWords(pdf, own[0].number), ['Критерий', 'ШНСУ:']);
    expect(printed.size).toBe(reasons.size);
    for (const [n, reason] of reasons) expect({ n, printed: printed.get(n) }).toEqual({ n, printed: squeeze(reason) });
  });

  it('«Сводка» carries the ИСБШ chart as a picture, whole on the page its section starts', () => {
    const own = pagesOf(SHEETS.summary).map((p) => p.number);
    const images = pdfImages(pdf).filter((i) => own.includes(i.page) && i.width > 100);
    // One picture (its transparency mask aside), drawn on one page only: no page break cuts it.
    expect(new Set(images.map((i) => i.page)).size).toBe(1);
    const page = pages[images[0].page - 1];
    expect(page.text).toContain('ИСБШ по школам и граница ШНСУ');
  });

  it('LibreOffice opens the workbook and saves it back with every sheet and value', async () => {
    const again = convertTo(file, 'xlsx', path.join(dir, 'resaved'));
    const { sheets } = await readXlsx(again);
    const ours = await readXlsx(file);
    expect(sheets.map((s) => s.name)).toEqual(ours.sheets.map((s) => s.name));
    const list = sheets.find((s) => s.name === SHEETS.list);
    expect(list?.rows[5]?.[4]).toEqual(ours.sheets.find((s) => s.name === SHEETS.list)?.rows[5]?.[4]);
  }, 120_000);
});

describeWithLibreOffice('printing a long «Перечень» (140 schools)', () => {
  it('the header row on every page, one page wide, every justification whole in its row', async () => {
    const sheets = syntheticMunicipality(150).sheets.map((s) => ({ name: s.name, rows: s.rows }));
    const { file, report } = await printedWorkbook('long', sheets, SHEETS.list);
    const pdf = convertToPdf(file);
    const own = pdfPages(pdf).filter((p) => headerName(p) === SHEETS.list);
    const reasons = listedReasons(report);
    expect(reasons.size).toBeGreaterThan(100);
    expect(own.length).toBeGreaterThan(3);
    const printed = new Map<number, string>();
    for (const p of own) {
      expect(p.text).toContain('Наименование ОО');
      expect(p.text).toContain('Основания');
      for (const [n, text] of justificationsOnPage(pdfWords(pdf, p.number), ['Критерий', 'ШНСУ:'])) printed.set(n, text);
    }
    expect(printed.size).toBe(reasons.size);
    for (const [n, reason] of reasons) expect({ n, printed: printed.get(n) }).toEqual({ n, printed: squeeze(reason) });
  }, 240_000);
});
