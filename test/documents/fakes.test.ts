/**
 * The in-memory DocumentApp, the Docs advanced service, Blob and EmbeddedChart.getAs behave as
 * Google's do in what the add-on relies on (and fail with Google's messages where Google fails).
 */
import { sheetsEnvironment } from '../support/appsScriptVm';
import { DOCUMENTS_SCOPE, DOCUMENT_CLOSED_MESSAGE, INVALID_IMAGE_MESSAGE } from '../support/fakeDocumentApp';
import { newBlob } from '../support/fakeBlob';
import { CallCounter } from '../support/fakeBase';
import { barChartPng, isPng, pixelAt, pngDimensions } from '../support/png';

const BASE = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'];

function env(granted = true) {
  return sheetsEnvironment({ sheets: [{ name: 'Данные', rows: [['Школа', 'ИСБШ', 'Граница'], ['А', 60, 70], ['Б', 80, 70]] }], grantedScopes: granted ? [...BASE, DOCUMENTS_SCOPE] : BASE });
}

describe('fake DocumentApp', () => {
  it('needs the documents scope, with Apps Script\'s message', () => {
    const e = env(false);
    expect(() => e.globals.DocumentApp.create('Справка')).toThrow(`You do not have permission to call DocumentApp.create. Required permissions: ${DOCUMENTS_SCOPE}`);
    e.auth.grant(DOCUMENTS_SCOPE);
    expect(e.globals.DocumentApp.create('Справка').getName()).toBe('Справка');
  });

  it('a new document has one empty paragraph; a table appended to the body is followed by an empty paragraph', () => {
    const e = env();
    const doc = e.globals.DocumentApp.create('Справка');
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getParagraphs()[0].getText()).toBe('');
    body.appendTable([['a', 'b'], ['c', 'd']]);
    body.appendParagraph('после');
    expect(e.documents.dump(doc.getId()).elements.map((el) => el.type === 'table' ? 'table' : `${el.type}:${el.text}`)).toEqual(['paragraph:', 'table', 'paragraph:', 'paragraph:после']);
  });

  it('Text objects: appendText styles only its run; offsets split runs; out-of-range offsets fail', () => {
    const e = env();
    const doc = e.globals.DocumentApp.create('Справка');
    const p = doc.getBody().appendParagraph('');
    p.appendText('Жирно').setBold(true);
    p.appendText(' и обычно');
    p.editAsText().setItalic(3, 7, true);
    const runs = e.documents.dump(doc.getId()).elements[1];
    expect(runs.type === 'paragraph' && runs.runs.map((r) => [r.text, r.bold, r.italic])).toEqual([
      ['Жир', true, false],
      ['но', true, true],
      [' и ', false, true],
      ['обычно', false, false],
    ]);
    expect(p.editAsText().isBold(0)).toBe(true);
    expect(p.editAsText().isBold()).toBe(false);
    expect(() => p.editAsText().setBold(0, 99, true)).toThrow('must be less than the content length (14)');
  });

  it('takes PNG pictures, refuses other bytes, and a closed document cannot be edited', () => {
    const e = env();
    const doc = e.globals.DocumentApp.create('Справка');
    const body = doc.getBody();
    const png = barChartPng([50, 70], { width: 300, height: 200 });
    const image = body.appendParagraph('').appendInlineImage(newBlob(e.calls, png, 'image/png'));
    expect([image.getWidth(), image.getHeight()]).toEqual([300, 200]);
    expect(() => body.appendParagraph('').appendInlineImage(newBlob(e.calls, new Uint8Array([1, 2, 3]), 'image/png'))).toThrow(INVALID_IMAGE_MESSAGE);
    doc.saveAndClose();
    expect(() => body.appendParagraph('ещё')).toThrow(DOCUMENT_CLOSED_MESSAGE);
    expect(() => image.setWidth(10)).toThrow(DOCUMENT_CLOSED_MESSAGE);
  });

  it('tables: cells, widths and colours are checked as Docs checks them', () => {
    const e = env();
    const table = e.globals.DocumentApp.create('Справка').getBody().appendTable([['a', 'b']]);
    expect(table.getCell(0, 1).getText()).toBe('b');
    expect(() => table.getCell(1, 0)).toThrow('Child index (1) must be less than the number of child elements (1).');
    expect(() => table.setColumnWidth(2, 40)).toThrow('Column index (2) must be less than the number of columns (2).');
    expect(() => table.getCell(0, 0).setBackgroundColor('серый')).toThrow('Invalid color: серый');
  });
});

describe('fake Docs advanced service', () => {
  it('sees the document as last saved, pins header rows of a table by its start index, and rejects a wrong index', () => {
    const e = env();
    const Docs = e.globals.Docs;
    if (!Docs) throw new Error('the manifest enables the Docs advanced service');
    const doc = e.globals.DocumentApp.create('Справка');
    const body = doc.getBody();
    body.appendParagraph('Заголовок');
    body.appendTable([['№', 'ОО'], ['1', 'Школа']]);
    expect(Docs.Documents.get(doc.getId()).body?.content?.some((c) => c.table)).toBe(false); // not saved yet
    doc.saveAndClose();
    const content = Docs.Documents.get(doc.getId()).body?.content ?? [];
    const table = content.find((c) => c.table);
    expect(table?.startIndex).toBe(1 + 1 + 'Заголовок'.length + 1);
    const pin = (index: number | undefined) => ({ requests: [{ pinTableHeaderRows: { tableStartLocation: { index }, pinnedHeaderRowsCount: 1 } } as GoogleAppsScript.Docs.Schema.Request] });
    expect(() => Docs.Documents.batchUpdate(pin(3), doc.getId())).toThrow('API call to docs.documents.batchUpdate failed with error: Invalid requests[0].pinTableHeaderRows');
    Docs.Documents.batchUpdate(pin(table?.startIndex), doc.getId());
    const dumped = e.documents.dump(doc.getId()).elements.find((el) => el.type === 'table');
    expect(dumped?.type === 'table' && dumped.pinnedHeaderRows).toBe(1);
  });
});

describe('fake Blob and EmbeddedChart.getAs', () => {
  it('a blob hands out signed bytes, as Apps Script\'s Byte[]', () => {
    const blob = newBlob(new CallCounter(), new Uint8Array([0, 127, 128, 255]), 'image/png', 'x.png');
    expect(blob.getBytes()).toEqual([0, 127, -128, -1]);
    expect(blob.getContentType()).toBe('image/png');
    expect(() => blob.getAs('image/gif')).toThrow('Converting from image/png to image/gif is not supported.');
  });

  it('a chart drawn as a PNG of its size, bars from its data and the line of the second series', () => {
    const e = env();
    const sheet = e.spreadsheet.getSheetByName('Данные');
    if (!sheet) throw new Error('no sheet');
    const chart = sheet.newChart().setChartType(e.globals.Charts.ChartType.COMBO).addRange(sheet.getRange('A1:C3')).setNumHeaders(1).setOption('width', 400).setOption('height', 250).setOption('title', 'ИСБШ').setPosition(5, 1, 0, 0).build();
    sheet.insertChart(chart);
    const picture = sheet.getCharts()[0].getAs('image/png');
    expect(picture.getName()).toBe('ИСБШ.png');
    const bytes = Uint8Array.from(picture.getBytes(), (b) => b & 0xff);
    expect(isPng(bytes)).toBe(true);
    expect(pngDimensions(bytes)).toEqual({ width: 400, height: 250 });
    expect(pixelAt(bytes, 100, 185)).toEqual([138, 180, 248]); // inside the first bar
    expect(() => sheet.getCharts()[0].getAs('application/pdf')).toThrow('Converting from chart to application/pdf is not supported.');
  });
});
