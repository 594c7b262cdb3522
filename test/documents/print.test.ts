/**
 * The справка as it prints: the .docx converted by LibreOffice, its pages read back as text. The
 * appendix of a municipality with many schools runs over several pages and repeats its header on
 * each of them; no school of «Перечень» is lost on the way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spravkaDocxBytes } from '../../src/cli/docx';
import { readCsvFolder } from '../../src/cli/io';
import { Table, buildReport } from '../../src/engine';
import { listRows } from '../../src/engine/sheets/shnorSheet';
import { syntheticMunicipality } from '../../scripts/synthetic';
import { EXAMPLE_DIR } from '../support/exampleWorkbook';
import { barChartPng } from '../support/png';
import { colourShare, docxToPdf, pdfPageSize, pdfPages, printToolsMissing } from './libreofficeDocx';

const missing = printToolsMissing();
if (missing) console.warn(`Проверка печати справки пропущена: ${missing}.`);
const describePrint = missing ? describe.skip : describe;

const WHEN = '15.01.2026 10:00';
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-print-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function report(sheets: { name: string; rows: Table }[]) {
  const tables: Record<string, Table> = {};
  for (const s of sheets) tables[s.name] = s.rows;
  return buildReport({ sheetNames: sheets.map((s) => s.name), tables }, WHEN);
}

async function printed(name: string, r: ReturnType<typeof report>): Promise<{ pdf: string; pages: string[] }> {
  const points = r.analysis.schools.filter((o) => o.isbsh !== null).map((o) => o.isbsh as number);
  const file = path.join(dir, `${name}.docx`);
  fs.writeFileSync(file, await spravkaDocxBytes(r, { generatedAt: WHEN, source: 'книги «пример.xlsx»', chartPng: barChartPng(points, { width: 760, height: 400, max: 100, line: r.analysis.cutoff }) }));
  const pdf = docxToPdf(file);
  return { pdf, pages: pdfPages(pdf) };
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ');
/** The appendix's header row as pdftotext lays it out (a cell's words may wrap onto the next line). */
const APPENDIX_HEADER = /№ п\/п Образовательная Категория Основания организация|№ п\/п Образовательная организация Категория Основания/;

describePrint('the справка printed from LibreOffice', () => {
  it('the example: A4 portrait, the title on page 1, the appendix on its own pages, «стр. N из M» on each', async () => {
    const { pdf, pages } = await printed('example', report(readCsvFolder(EXAMPLE_DIR)));
    const size = pdfPageSize(pdf);
    expect(Math.round(size.width)).toBe(595);
    expect(Math.round(size.height)).toBe(842);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(8);
    expect(squeeze(pages[0]).includes('Аналитическая справка') && squeeze(pages[0]).includes('Северный район')).toBe(true);
    expect(pages.map((p, i) => squeeze(p).includes(`стр. ${i + 1} из ${pages.length}`))).toEqual(pages.map(() => true));
    const first = pages.findIndex((p) => /Приложение\s/.test(p) && p.includes('к приказу'));
    expect(first).toBeGreaterThan(0);
    expect(pages[first - 1].includes('Справку составил')).toBe(true);
    expect(APPENDIX_HEADER.test(squeeze(pages[first]))).toBe(true);
    // The chart is drawn at its size, not clipped to a line: its bars cover a good part of the page.
    const chartPage = pages.findIndex((p) => p.includes('Рисунок 1')) + 1;
    expect(colourShare(pdf, chartPage, [138, 180, 248]) + colourShare(pdf, chartPage, [242, 139, 130])).toBeGreaterThan(0.02);
  }, 120_000);

  it('a long list: the appendix header is on every page of it and every school of «Перечень» is printed', async () => {
    const r = report(syntheticMunicipality(100, 7).sheets);
    const rows = listRows(r.analysis);
    expect(rows.length).toBeGreaterThan(25);
    const { pages } = await printed('long', r);
    const first = pages.findIndex((p) => p.includes('к приказу'));
    const appendix = pages.slice(first);
    expect(appendix.length).toBeGreaterThanOrEqual(3);
    expect(appendix.filter((page) => !APPENDIX_HEADER.test(squeeze(page))).length).toBe(0);
    const text = appendix.join(' ');
    expect(rows.filter((row) => !text.includes(row.code)).map((r) => r.code)).toEqual([]);
  }, 180_000);
});
