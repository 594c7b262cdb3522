import type { Align, Block, ReportDocument, Run, TableBlock } from '../engine';

type Doc = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;

/**
 * Renders the engine's document description (src/engine/documents) as a Google Doc with DocumentApp:
 * the same blocks, in the same order, as the CLI's .docx. A4 and the margins of Russian official
 * papers, Times New Roman. The number of DocumentApp calls depends on the document's blocks, never
 * on the number of schools: a table is one `appendTable` plus a call per column.
 */

const FONT = 'Times New Roman';
/** A4 and its margins (left 3 cm, right 1.5 cm, top and bottom 2 cm), in points. */
const PAGE = { width: 595.28, height: 841.89, left: 85.04, right: 42.52, top: 56.69, bottom: 56.69 } as const;
const TEXT_WIDTH_PT = PAGE.width - PAGE.left - PAGE.right;
/** The widest a picture may be, in pixels (a pixel is ¾ pt). */
const TEXT_WIDTH_PX = Math.floor(TEXT_WIDTH_PT / 0.75);
const SIZE = { body: 12, small: 10, table: 10, heading1: 14, title: 16 } as const;
const HEADER_FILL = '#e8eaed';
const BORDER = '#808080';

export interface GoogleDocResult {
  document: Doc;
  /** The chart was inserted as a picture (false: the fallback text is there instead). */
  chart: boolean;
  /** Header rows of the tables that ask for it repeat on every page (pinned with the Docs API). */
  headersPinned: boolean;
}

/** Creates the Google Doc, writes every block, saves it. `chart` is the ИСБШ chart picture, or null. */
export function writeGoogleDoc(doc: ReportDocument, chart: GoogleAppsScript.Base.BlobSource | null): GoogleDocResult {
  const gdoc = DocumentApp.create(doc.name);
  const body = gdoc.getBody();
  setUpPage(body);
  // A new document starts with one empty paragraph: the first paragraph of the text goes there.
  let unused: Paragraph | null = body.getParagraphs()[0] ?? null;
  const nextParagraph = (): Paragraph => {
    const p = unused ?? body.appendParagraph('');
    unused = null;
    return p;
  };
  let chartInserted = false;
  const pinned: number[] = [];
  let tables = 0;
  for (const block of doc.sections.flatMap((s) => s.blocks)) {
    if (block.kind === 'table') {
      if (block.repeatHeader) pinned.push(tables);
      tables++;
    }
    if (block.kind === 'chart') chartInserted = writeChart(nextParagraph, block, chart);
    else writeBlock(body, nextParagraph, block);
  }
  gdoc.saveAndClose();
  return { document: gdoc, chart: chartInserted, headersPinned: pinned.length === 0 || pinHeaderRows(gdoc.getId(), pinned) };
}

function setUpPage(body: Body): void {
  body.setPageWidth(PAGE.width);
  body.setPageHeight(PAGE.height);
  body.setMarginLeft(PAGE.left);
  body.setMarginRight(PAGE.right);
  body.setMarginTop(PAGE.top);
  body.setMarginBottom(PAGE.bottom);
  const A = DocumentApp.Attribute;
  const H = DocumentApp.ParagraphHeading;
  const style = (size: number, bold: boolean) => ({ [A.FONT_FAMILY]: FONT, [A.FONT_SIZE]: size, [A.BOLD]: bold, [A.FOREGROUND_COLOR]: '#000000' });
  body.setHeadingAttributes(H.NORMAL, style(SIZE.body, false));
  body.setHeadingAttributes(H.TITLE, style(SIZE.title, true));
  body.setHeadingAttributes(H.HEADING1, style(SIZE.heading1, true));
  body.setHeadingAttributes(H.HEADING2, style(SIZE.body, true));
}

function alignment(align: Align): GoogleAppsScript.Document.HorizontalAlignment {
  const H = DocumentApp.HorizontalAlignment;
  return align === 'center' ? H.CENTER : align === 'right' ? H.RIGHT : align === 'justify' ? H.JUSTIFY : H.LEFT;
}

function appendRuns(target: Paragraph | ListItem, runs: Run[]): void {
  for (const run of runs) {
    const text = target.appendText(run.text);
    if (run.bold) text.setBold(true);
    if (run.italic) text.setItalic(true);
  }
}

function writeBlock(body: Body, nextParagraph: () => Paragraph, block: Exclude<Block, { kind: 'chart' }>): void {
  switch (block.kind) {
    case 'heading': {
      const H = DocumentApp.ParagraphHeading;
      const p = nextParagraph();
      p.appendText(block.text);
      p.setHeading(block.level === 0 ? H.TITLE : block.level === 1 ? H.HEADING1 : H.HEADING2);
      if (block.level === 0) p.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      return;
    }
    case 'paragraph': {
      const p = nextParagraph();
      appendRuns(p, block.runs);
      p.setAlignment(alignment(block.align));
      if (block.style === 'small') p.editAsText().setFontSize(SIZE.small);
      return;
    }
    case 'list':
      for (const runs of block.items) {
        const item = body.appendListItem('');
        appendRuns(item, runs);
        item.setGlyphType(DocumentApp.GlyphType.BULLET);
        item.setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY);
      }
      return;
    case 'table':
      writeTable(body, block);
      return;
    case 'pageBreak':
      body.appendPageBreak();
      return;
  }
}

function writeTable(body: Body, block: TableBlock): void {
  const table = body.appendTable([block.columns.map((c) => c.title), ...block.rows]);
  if (block.small) table.editAsText().setFontSize(SIZE.table);
  table.getRow(0).editAsText().setBold(true);
  block.columns.forEach((c, i) => {
    table.setColumnWidth(i, Math.round((c.width / 100) * TEXT_WIDTH_PT));
    table.getCell(0, i).setBackgroundColor(HEADER_FILL);
  });
  table.setBorderColor(BORDER);
}

function writeChart(nextParagraph: () => Paragraph, block: Extract<Block, { kind: 'chart' }>, chart: GoogleAppsScript.Base.BlobSource | null): boolean {
  const p = nextParagraph();
  if (!chart) {
    p.appendText(block.fallback).setItalic(true);
    return false;
  }
  const image = p.appendInlineImage(chart);
  const width = image.getWidth();
  if (width > TEXT_WIDTH_PX) {
    image.setHeight(Math.round((image.getHeight() * TEXT_WIDTH_PX) / width));
    image.setWidth(TEXT_WIDTH_PX);
  }
  image.setAltTitle(block.title);
  image.setAltDescription(block.description);
  p.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  const caption = nextParagraph();
  caption.appendText(block.caption).setItalic(true);
  caption.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  caption.editAsText().setFontSize(SIZE.small);
  return true;
}

/**
 * DocumentApp cannot make a table's header row repeat on every page; the Docs API can
 * (`pinTableHeaderRows`, advanced service «Docs», same `documents` scope). `ordinals` are the
 * positions of those tables among the document's tables. A failure leaves the document as it is
 * (the header is then shown once) and is reported to the caller.
 */
function pinHeaderRows(documentId: string, ordinals: number[]): boolean {
  if (typeof Docs === 'undefined' || !Docs?.Documents) return false;
  try {
    const content = Docs.Documents.get(documentId, { fields: 'body.content(startIndex,table.rows)' }).body?.content ?? [];
    const starts = content.filter((e) => e.table).map((e) => e.startIndex);
    const requests = ordinals
      .map((i) => starts[i])
      .filter((index): index is number => typeof index === 'number')
      // pinTableHeaderRows is newer than the bundled typings of the Docs API.
      .map((index) => ({ pinTableHeaderRows: { tableStartLocation: { index }, pinnedHeaderRowsCount: 1 } }) as GoogleAppsScript.Docs.Schema.Request);
    if (requests.length !== ordinals.length) return false;
    Docs.Documents.batchUpdate({ requests }, documentId);
    return true;
  } catch (e) {
    console.warn(`Строки заголовка таблиц не закреплены: ${(e as Error).message}`);
    return false;
  }
}
