import { readCsvFolder } from '../../src/cli/io';
import { AnalysisInput, Block, ReportDocument, Table, TableBlock, allBlocks, buildReport, runsText, spravkaDocument, typography } from '../../src/engine';
import { listRows } from '../../src/engine/sheets/shnorSheet';
import { EXAMPLE_DIR } from '../support/exampleWorkbook';
import { PREV, Y, workbook } from '../indicators/municipality';

const WHEN = '15.01.2026 10:00';

function exampleInput(overrides: AnalysisInput['overrides'] = {}): AnalysisInput {
  const sheets = readCsvFolder(EXAMPLE_DIR);
  const tables: Record<string, Table> = {};
  for (const s of sheets) tables[s.name] = s.rows;
  return { sheetNames: sheets.map((s) => s.name), tables, overrides };
}

function documentOf(input: AnalysisInput, roadmap?: Parameters<typeof spravkaDocument>[0]['roadmap']) {
  const report = buildReport(input, WHEN);
  return { report, doc: spravkaDocument({ analysis: report.analysis, listChanges: report.listChanges, generatedAt: WHEN, source: 'книги «пример.xlsx»', roadmap }) };
}

function texts(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [block.text];
    case 'paragraph':
      return [runsText(block.runs)];
    case 'list':
      return block.items.map(runsText);
    case 'table':
      return [...block.columns.map((c) => c.title), ...block.rows.flat()];
    case 'chart':
      return [block.title, block.description, block.caption, block.fallback];
    case 'pageBreak':
      return [];
  }
}

function sectionText(doc: ReportDocument, id: string): string {
  const section = doc.sections.find((s) => s.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section.blocks.flatMap(texts).join('\n');
}

const tableOf = (doc: ReportDocument, role: TableBlock['role']) => allBlocks(doc).find((b): b is TableBlock => b.kind === 'table' && b.role === role);

/** Rows of the «Перечень» sheet below its header: the cells the appendix must repeat. */
function listSheetRows(report: ReturnType<typeof buildReport>): string[][] {
  const sheet = report.sheets.find((s) => s.name === 'Перечень ШНОР и ШНСУ');
  if (!sheet) throw new Error('no list sheet');
  const head = sheet.headerRows[0];
  return sheet.values.slice(head + 1).filter((r) => typeof r[0] === 'number').map((r) => r.map(String));
}

describe('«Аналитическая справка»: one description of the document, built from the analysis', () => {
  const { report, doc } = documentOf(exampleInput());

  it('has every section of DESIGN §3.4 in order, the appendix on a new page', () => {
    expect(doc.sections.map((s) => s.id)).toEqual(['title', 'method', 'counts', 'chart', 'note', 'indicators', 'changes', 'signature', 'appendix']);
    const appendix = doc.sections[doc.sections.length - 1].blocks;
    expect(appendix[0]).toEqual({ kind: 'pageBreak' });
    expect(sectionText(doc, 'title')).toContain('Северный район');
    expect(sectionText(doc, 'title')).toContain('по итогам 2022/2023 учебного года');
    expect(doc.name).toBe('Аналитическая справка ШНОР и ШНСУ — Северный район — 2022/2023 — 15.01.2026 10:00');
    expect(sectionText(doc, 'appendix')).toContain('Приложение');
  });

  it('«Приложение к приказу» has exactly the rows of «Перечень ШНОР и ШНСУ», from the same row builder', () => {
    const table = tableOf(doc, 'appendix');
    expect(table?.columns.map((c) => c.title)).toEqual(['№\u00a0п/п', 'Образовательная организация', 'Категория', 'Основания']);
    const sheetRows = listSheetRows(report);
    expect(sheetRows.length).toBe(10);
    expect(table?.rows).toEqual(sheetRows.map(([n, code, name, category, reasons]) => [n, `${name} (код ${code})`, category, reasons].map(typography)));
    expect(listRows(report.analysis).map((r) => r.code)).toEqual(sheetRows.map((r) => r[1]));
    expect(table?.repeatHeader).toBe(true);
    expect(table?.keepRowsWhole).toBe(true);
    expect(sectionText(doc, 'appendix')).toContain('Итого: ШНОР\u00a0— 7, ШНСУ\u00a0— 5, из них одновременно ШНОР и ШНСУ\u00a0— 2.');
  });

  it('every text is set in Russian typography: «ёлочки», no-break spaces after № and before units, comma decimals', () => {
    const all = allBlocks(doc).flatMap(texts);
    for (const text of all) {
      expect(typography(text)).toBe(text);
      expect(text).not.toMatch(/"/);
      expect(text).not.toMatch(/\d [%‰]|№ \d|\d\.\d+\s?%/);
    }
    const joined = all.join('\n');
    expect(joined).toContain('МБОУ «СОШ №\u00a02»');
    expect(joined).toMatch(/35,7\u00a0%/);
  });

  it('says which rules and settings were used, as they were set', () => {
    const custom = documentOf(exampleInput({ threshold: 25, cutoff: 'quintile', sameProcedure: true, minSample: 12 })).doc;
    const method = sectionText(custom, 'method');
    expect(method).toContain('не справились не менее 25\u00a0% участников');
    expect(method).toContain('по одной и той же процедуре');
    expect(method).toContain('нижний квинтиль');
    expect(method).toContain('p = 0,20');
    expect(method).toContain('меньше 12 учитывается');
    expect(method).toContain('ИСБШ = 85 + 15·h − 20·s − 65·r');
    expect(method).toMatch(/Не учитываются: КДР читательская грамотность 4\u00a0кл\./);
    expect(sectionText(doc, 'method')).toContain('граница 73,99');
  });

  it('gives the counts, the chart with its caption, the analytic note and the indicators not reached', () => {
    expect(tableOf(doc, 'counts')?.rows).toEqual(
      expect.arrayContaining([
        ['Школ в муниципалитете', '21'],
        ['ШНОР', '7'],
        ['в том числе по критерию 1', '3'],
        ['в том числе по критерию 2', '5'],
        ['ШНСУ', '5'],
        ['Всего в перечне', '10'],
      ]),
    );
    const chart = allBlocks(doc).find((b) => b.kind === 'chart');
    expect(chart).toMatchObject({ kind: 'chart', caption: expect.stringContaining('граница ШНСУ 73,99') });
    expect(sectionText(doc, 'note')).toContain('в перечень для адресной поддержки включены 10 школ из 21');
    const indicators = tableOf(doc, 'indicators');
    expect(indicators?.rows.map((r) => r[0])).toEqual(report.analysis.indicators.filter((r) => r.status === 'not-reached').map((r) => r.indicator.id));
    expect(indicators?.rows[0][2]).toBe('0,0\u00a0%');
    for (const t of allBlocks(doc).filter((b): b is TableBlock => b.kind === 'table')) expect(t.columns.reduce((s, c) => s + c.width, 0)).toBe(100);
  });

  it('the list\'s changes come from the report, the same ones «Сводка» shows', () => {
    const { report: r, doc: d } = documentOf(workbook());
    const changes = r.listChanges;
    expect(changes?.previousYear).toBe(PREV);
    expect(changes?.shnor).toMatchObject({ available: true, entered: ['Школа 2', 'Школа 4'], left: ['Школа 5'] });
    const text = sectionText(d, 'changes');
    expect(text).toContain(`6. Изменения перечня по сравнению с ${PREV} учебным годом`);
    expect(text).toContain('ШНОР\u00a0— вошли в перечень (2): Школа 2; Школа 4.');
    expect(text).toContain('ШНОР\u00a0— вышли из перечня (1): Школа 5.');
    expect(text).toMatch(/ШНСУ\u00a0— вошли в перечень \(1\): Школа 3\./);
    const summary = r.sheets.find((s) => s.name === 'Сводка')?.values.flat().join('\n') ?? '';
    expect(summary).toContain('ШНОР — вошли в перечень: Школа 2, Школа 4');
    expect(sectionText(d, 'title')).toContain(`по итогам ${Y} учебного года`);
    // No municipality anywhere: a line to fill in by hand.
    expect(sectionText(d, 'title')).toContain('(муниципалитет)');
  });

  it('writes the roadmap section only when there is a roadmap', () => {
    expect(doc.sections.some((s) => s.id === 'roadmap')).toBe(false);
    const rows = [{ track: 'Трек 1', school: 'МБОУ "СОШ № 2"', task: 'Анализ', measure: 'Собеседование', deadline: 'март 2023', responsible: 'ИМЦ', results: '100%' }];
    const withRoadmap = documentOf(exampleInput(), rows).doc;
    expect(withRoadmap.sections.map((s) => s.id)).toContain('roadmap');
    expect(tableOf(withRoadmap, 'roadmap')?.rows).toEqual([['Трек 1', 'МБОУ «СОШ №\u00a02»', 'Анализ', 'Собеседование', 'март 2023', 'ИМЦ', '100\u00a0%']]);
    expect(sectionText(documentOf(exampleInput(), []).doc, 'roadmap')).toContain('Дорожная карта не заполнена.');
  });

  it('without results: no ШНОР, no comparison, and still a complete document', () => {
    const input = workbook({}, { results: [['Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не справились']] });
    const { doc: d, report: r } = documentOf(input);
    expect(r.analysis.year).toBe(Y); // from the questionnaire
    expect(d.sections.map((s) => s.id)).toContain('appendix');
    expect(tableOf(d, 'appendix')?.rows.map((row) => row[2])).toEqual(['ШНСУ', 'ШНСУ', 'ШНСУ']);
    const none = documentOf(workbook({}, { results: [['Учебный год']], questionnaire: [['Отметка времени']] })).doc;
    expect(sectionText(none, 'title')).toContain('учебный год анализа не определён');
    expect(sectionText(none, 'changes')).toContain('сравнение с предыдущим годом невозможно');
    expect(sectionText(none, 'chart')).toContain('диаграмма не построена');
    expect(sectionText(none, 'appendix')).toContain('Школ, отвечающих критериям, не выявлено.');
    expect(allBlocks(none).some((b) => b.kind === 'chart' || (b.kind === 'table' && b.role === 'appendix'))).toBe(false);
  });

  it('paragraph runs keep their emphasis (bold labels in the list of changes)', () => {
    const changes = doc.sections.find((s) => s.id === 'changes')?.blocks.find((b) => b.kind === 'list');
    expect(changes?.kind === 'list' && changes.items[0][0]).toMatchObject({ bold: true, text: expect.stringContaining('ШНОР') });
    expect(changes?.kind === 'list' && runsText(changes.items[0])).toContain('вошли в перечень');
  });
});
