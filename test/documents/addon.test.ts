/**
 * «Создать документ справки» in the built add-on (dist/Code.js in the Apps Script vm): consent on
 * first use, a new Google Doc each time, and a document whose elements — as the in-memory DocumentApp
 * recorded them — are the engine's description block by block, the same one the .docx renders.
 */
import fs from 'node:fs';
import { Table, allBlocks, buildReport, runsText, spravkaDocument, typography, ReportDocument, DOCUMENT_TEXT } from '../../src/engine';
import { syntheticMunicipality } from '../../scripts/synthetic';
import { AddonHandle, AppsScriptEnvironment, SheetsEnvironmentOptions, loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import { DOCUMENTS_SCOPE, ElementDump } from '../support/fakeDocumentApp';
import { AUTHORIZATION_REQUIRED_MESSAGE } from '../support/fakeServices';
import { CODE_JS, exampleSheets } from '../support/exampleWorkbook';
import { SeedSheet } from '../support/fakeSpreadsheetApp';
import { isPng, pngDimensions } from '../support/png';
import type { ReportDocumentResult } from '../../src/addon/document';

const BASE = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'];
const NAME = 'Мониторинг 2023';
const LIST = 'Перечень ШНОР и ШНСУ';

function start(sheets: SeedSheet[] = exampleSheets(), options: SheetsEnvironmentOptions = {}, consent = true): { env: AppsScriptEnvironment; addon: AddonHandle } {
  if (!fs.existsSync(CODE_JS)) throw new Error('dist/Code.js не собран: выполните npm run build');
  const env = sheetsEnvironment({ sheets, spreadsheetName: NAME, grantedScopes: consent ? [...BASE, DOCUMENTS_SCOPE] : BASE, ...options });
  return { env, addon: loadAddon(CODE_JS, env) };
}

/** What the engine says the document is, for the same sheets and time. */
function described(sheets: SeedSheet[], generatedAt: string): ReportDocument {
  const tables: Record<string, Table> = {};
  for (const s of sheets) tables[s.name] = s.rows as Table;
  const report = buildReport({ sheetNames: sheets.map((s) => s.name), tables }, generatedAt);
  return spravkaDocument({ analysis: report.analysis, listChanges: report.listChanges, generatedAt, source: DOCUMENT_TEXT.sourceSpreadsheet(NAME) });
}

const ALIGN = { left: 'LEFT', center: 'CENTER', right: 'RIGHT', justify: 'JUSTIFY' } as const;
const HEADING = ['TITLE', 'HEADING1', 'HEADING2'] as const;

/** The Google Doc elements a description must produce, in order (a body puts an empty paragraph after a table). */
function expectedElements(doc: ReportDocument): Partial<ElementDump>[] {
  const out: Record<string, unknown>[] = [];
  for (const b of allBlocks(doc)) {
    if (b.kind === 'heading') out.push({ type: 'paragraph', heading: HEADING[b.level], text: b.text });
    else if (b.kind === 'paragraph') out.push({ type: 'paragraph', heading: 'NORMAL', alignment: ALIGN[b.align], text: runsText(b.runs), runs: b.runs.map((r) => expect.objectContaining({ text: r.text, bold: r.bold === true, italic: r.italic === true })) });
    else if (b.kind === 'list') for (const item of b.items) out.push({ type: 'listItem', text: runsText(item) });
    else if (b.kind === 'table') out.push({ type: 'table', rows: [b.columns.map((c) => c.title), ...b.rows], pinnedHeaderRows: b.repeatHeader ? 1 : 0 }, { type: 'paragraph', text: '' });
    else if (b.kind === 'chart') out.push({ type: 'paragraph', text: '', alignment: 'CENTER', images: [expect.objectContaining({ altTitle: b.title, altDescription: b.description })] }, { type: 'paragraph', text: b.caption });
    else out.push({ type: 'paragraph', text: '', pageBreak: true });
  }
  return out as Partial<ElementDump>[];
}

const whenOf = (name: string) => name.split(' — ').pop() as string;
const documentCalls = (env: AppsScriptEnvironment) =>
  Object.fromEntries(Object.entries(env.calls.snapshot()).filter(([k]) => /^(DocumentApp|Document|Body|Paragraph|ListItem|Text|Table|TableRow|TableCell|InlineImage|PageBreak|Docs\.Documents)\./.test(k)));

describe('«Создать документ справки» in the add-on', () => {
  it('is in the menu, which is still built in AuthMode.NONE without touching documents', () => {
    const { env, addon } = start(exampleSheets(), {}, false);
    env.calls.reset();
    addon.call('onOpen', { authMode: env.globals.ScriptApp.AuthMode.NONE });
    expect(env.ui.menuItems()).toContainEqual({ caption: 'Создать документ справки', functionName: 'menuCreateReportDocument' });
    expect(addon.isTopLevelFunction('menuCreateReportDocument')).toBe(true);
    expect(addon.isTopLevelFunction('createReportDocument')).toBe(true);
    expect(documentCalls(env)).toEqual({});
    expect(env.calls.total('Range.')).toBe(0);
  });

  it('asks for the documents permission on first use and does nothing else until it is given', () => {
    const { env, addon } = start(exampleSheets(), {}, false);
    const before = env.workbook.sheetNames();
    expect(() => addon.call('createReportDocument')).toThrow(AUTHORIZATION_REQUIRED_MESSAGE);
    expect(() => addon.call('menuCreateReportDocument')).toThrow(AUTHORIZATION_REQUIRED_MESSAGE);
    expect(env.auth.prompts).toEqual([[DOCUMENTS_SCOPE], [DOCUMENTS_SCOPE]]);
    expect(env.documents.all()).toHaveLength(0);
    expect(env.workbook.sheetNames()).toEqual(before);
    expect(env.ui.alerts).toHaveLength(0);
    // «Рассчитать» never needs it.
    addon.call('runCalculation');
    expect(env.auth.prompts).toHaveLength(2);
    // Once the user allows it, the same command works.
    env.auth.grant(DOCUMENTS_SCOPE);
    expect(addon.call<ReportDocumentResult>('createReportDocument').url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
  });

  it('recalculates, then makes the Google Doc the engine describes: the same blocks as the .docx, the chart as a picture, the appendix equal to «Перечень»', () => {
    const sheets = exampleSheets();
    const { env, addon } = start(sheets);
    const inputs = ['Справочник ОО', 'Ответы на форму (1)', 'Результаты ОП'].map((n) => env.dumpSheet(n).values);
    const result = addon.call<ReportDocumentResult>('createReportDocument');
    expect(result.sheets).toEqual(['ИСБШ', 'ШНОР', LIST, 'Показатели', 'Сводка', 'Контекст', 'История', 'Журнал проверки']);
    expect(result).toMatchObject({ chart: true, headersPinned: true });
    expect(result.message[0]).toBe(`Создан документ «${result.name}».`);
    expect(['Справочник ОО', 'Ответы на форму (1)', 'Результаты ОП'].map((n) => env.dumpSheet(n).values)).toEqual(inputs);

    const [doc] = env.documents.all();
    const dump = env.documents.dump(doc.id);
    expect(dump.name).toBe(result.name);
    expect(dump.closed).toBe(true);
    expect(result.url).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    const expected = described(sheets, whenOf(result.name));
    expect(expected.name).toBe(result.name);
    expect(dump.elements).toHaveLength(expectedElements(expected).length);
    dump.elements.forEach((element, i) => expect(element).toMatchObject(expectedElements(expected)[i]));

    // The appendix is «Перечень» as the sheet holds it, in typography.
    const list = env.dumpSheet(LIST).values;
    const head = list.findIndex((r) => r[0] === '№ п/п');
    const sheetRows = list.slice(head + 1).filter((r) => typeof r[0] === 'number');
    const appendix = dump.elements.filter((e): e is Extract<ElementDump, { type: 'table' }> => e.type === 'table').pop();
    expect(appendix?.rows.slice(1)).toEqual(sheetRows.map(([n, code, name, category, reasons]) => [String(n), `${name} (код ${code})`, String(category), String(reasons)].map(typography)));
    expect(appendix?.bold[0]).toEqual([true, true, true, true]);
    expect(appendix?.backgrounds[0]).toEqual(['#e8eaed', '#e8eaed', '#e8eaed', '#e8eaed']);

    // A4, margins of an official paper, Times New Roman.
    expect(dump.page).toEqual({ width: 595.28, height: 841.89, marginLeft: 85.04, marginRight: 42.52, marginTop: 56.69, marginBottom: 56.69 });
    expect(dump.headingAttributes.NORMAL).toMatchObject({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 12 });

    // The chart: the picture of the native chart of «Сводка», no wider than the text.
    const picture = dump.elements.flatMap((e) => (e.type === 'table' ? [] : e.images))[0];
    expect(isPng(picture.bytes)).toBe(true);
    expect(picture.width).toBeLessThanOrEqual(623);
    const natural = pngDimensions(picture.bytes);
    expect(picture.height / picture.width).toBeCloseTo(natural.height / natural.width, 1);
  });

  it('makes a new document every time (one already signed is never changed) and lists the recent ones', () => {
    const { env, addon } = start();
    const first = addon.call<ReportDocumentResult>('createReportDocument');
    const firstDump = env.documents.dump(env.documents.all()[0].id);
    const second = addon.call<ReportDocumentResult>('createReportDocument');
    expect(env.documents.all()).toHaveLength(2);
    expect(second.url).not.toBe(first.url);
    expect(env.documents.dump(env.documents.all()[0].id)).toEqual(firstDump);
    expect(addon.call('getReportDocuments')).toEqual([
      { name: second.name, url: second.url, createdAt: second.createdAt },
      { name: first.name, url: first.url, createdAt: first.createdAt },
    ]);
    expect(second.message).toContain('Каждое нажатие создаёт новый документ с датой и временем в названии: уже подписанная или отправленная справка не изменяется.');
    // The list keeps the last five, and survives a damaged property.
    env.properties.document.set('reportDocuments', '{не JSON');
    expect(addon.call('getReportDocuments')).toEqual([]);
    env.properties.document.set('reportDocuments', JSON.stringify(Array.from({ length: 5 }, (_, k) => ({ name: `старая ${k}`, url: 'https://docs.google.com/document/d/old/edit', createdAt: '01.01.2025 10:00' }))));
    addon.call('createReportDocument');
    const recent = addon.call<{ name: string }[]>('getReportDocuments');
    expect(recent).toHaveLength(5);
    expect(recent[0].name).toMatch(/^Аналитическая справка/);
  });

  it('from the menu: a dialog with the link to the new document', () => {
    const { env, addon } = start();
    addon.call('menuCreateReportDocument');
    const [doc] = env.documents.all();
    expect(env.ui.dialogs).toHaveLength(1);
    expect(env.ui.dialogs[0]).toMatchObject({ kind: 'modal', title: 'Аналитическая справка' });
    expect(env.ui.dialogs[0].content).toContain(`href="https://docs.google.com/document/d/${doc.id}/edit"`);
    expect(env.ui.dialogs[0].content).toContain('корне «Моего диска»');
  });

  it('the number of Docs calls does not depend on the number of schools', () => {
    const counts = [40, 160].map((n) => {
      const { env, addon } = start(syntheticMunicipality(n, 3).sheets);
      env.calls.reset();
      addon.call('createReportDocument');
      return documentCalls(env);
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]['Body.appendTable']).toBeGreaterThanOrEqual(2); // counts and appendix (and indicators when some are not reached)
    expect(counts[0]['DocumentApp.create']).toBe(1);
  });

  it('without the Docs advanced service the document is still made, and the coordinator is told to pin the header', () => {
    const { env, addon } = start(exampleSheets(), { advancedServices: [] });
    const result = addon.call<ReportDocumentResult>('createReportDocument');
    expect(result.headersPinned).toBe(false);
    expect(result.message.join(' ')).toContain('Закрепить строку заголовка');
    const tablesOf = env.documents.dump(env.documents.all()[0].id).elements.filter((e) => e.type === 'table');
    expect(tablesOf.map((t) => t.type === 'table' && t.pinnedHeaderRows)).toEqual([0, 0, 0]);
  });

  it('without ИСБШ there is no chart to picture: the document says so and is made all the same', () => {
    const sheets = exampleSheets().filter((s) => !s.name.startsWith('Ответы на форму'));
    const { env, addon } = start(sheets);
    const result = addon.call<ReportDocumentResult>('createReportDocument');
    const texts = env.documents.dump(env.documents.all()[0].id).elements.map((e) => (e.type === 'table' ? '' : e.text));
    expect(texts).toContain('ИСБШ не рассчитан ни для одной школы: диаграмма не построена.');
    expect(result.chart).toBe(false);
  });

  it('while another run holds the document lock: a clear message, no document', () => {
    const { env, addon } = start(exampleSheets(), { locksHeldByAnotherUser: ['document'] });
    expect(() => addon.call('createReportDocument')).toThrow(/Расчёт уже выполняется/);
    expect(env.documents.all()).toHaveLength(0);
    addon.call('menuCreateReportDocument');
    expect(env.ui.alerts[0].prompt).toMatch(/Расчёт уже выполняется/);
  });
});
