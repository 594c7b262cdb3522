import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Align, Block, ChartBlock, ListBlock, ParagraphBlock, ReportDocument, Run, TableBlock } from '../../engine';

/**
 * Renders the engine's document description (src/engine/documents) as a Word file with the `docx`
 * package: A4 portrait, the margins of Russian official papers, Times New Roman, «стр. N из M» in
 * the footer. Tables whose description asks for it repeat their header row on every page
 * (`w:tblHeader`) and keep each row on one page (`w:cantSplit`).
 */

const FONT = 'Times New Roman';
const SIZE = { body: 24, small: 20, table: 20, heading: 28, title: 32 } as const; // half-points
/** A4 and its margins (left 3 cm, right 1.5 cm, top and bottom 2 cm), in twips. */
const PAGE = { width: 11906, height: 16838, left: 1701, right: 850, top: 1134, bottom: 1134 } as const;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** The text width in pixels at 96 to the inch: the widest a picture may be. */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
const HEADER_FILL = 'E8EAED';
const DASH_LIST = 'dash-list';
// Line spacing is always «auto» (a multiple): LibreOffice reads a w:line without w:lineRule as an
// exact height and clips the chart picture to one line.

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** The chart's picture for the document: PNG bytes (the CLI's rendered ИСБШ chart), or null for the fallback text. */
export interface DocxPictures {
  chartPng: Uint8Array | null;
}

export async function renderDocx(doc: ReportDocument, pictures: DocxPictures): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let breakBefore = false;
  const push = (item: Paragraph | Table) => {
    children.push(item);
    breakBefore = false;
  };
  for (const block of doc.sections.flatMap((s) => s.blocks)) {
    if (block.kind === 'pageBreak') {
      breakBefore = true;
      continue;
    }
    // A table cannot start a page by itself: an empty paragraph carries the break.
    if (breakBefore && block.kind === 'table') push(new Paragraph({ pageBreakBefore: true }));
    for (const item of renderBlock(block, breakBefore, pictures)) push(item);
  }
  const document = new Document({
    title: doc.title,
    subject: doc.subject,
    creator: doc.creator,
    lastModifiedBy: doc.creator,
    description: doc.name,
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body, language: { value: 'ru-RU' } }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: SIZE.title, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: SIZE.heading, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true } },
        heading2: { run: { font: FONT, size: SIZE.body, bold: true, color: '000000' }, paragraph: { spacing: { before: 180, after: 60 }, keepNext: true, keepLines: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: DASH_LIST,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 283 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { left: PAGE.left, right: PAGE.right, top: PAGE.top, bottom: PAGE.bottom, footer: 567 } } },
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['стр. ', PageNumber.CURRENT, ' из ', PageNumber.TOTAL_PAGES], size: SIZE.small })],
      }),
    ],
  });
}

function textRuns(runs: Run[], size?: number): TextRun[] {
  return runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size }));
}

function renderBlock(block: Exclude<Block, { kind: 'pageBreak' }>, pageBreakBefore: boolean, pictures: DocxPictures): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 0 ? HeadingLevel.TITLE : block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: [new TextRun(block.text)],
          pageBreakBefore,
        }),
      ];
    case 'paragraph':
      return [paragraph(block, pageBreakBefore)];
    case 'list':
      return listItems(block, pageBreakBefore);
    case 'table':
      return [table(block)];
    case 'chart':
      return chart(block, pictures.chartPng, pageBreakBefore);
  }
}

function paragraph(block: ParagraphBlock, pageBreakBefore: boolean): Paragraph {
  const small = block.style === 'small';
  return new Paragraph({
    alignment: ALIGN[block.align],
    children: textRuns(block.runs, small ? SIZE.small : undefined),
    spacing: small ? { after: 80 } : undefined,
    pageBreakBefore,
  });
}

function listItems(block: ListBlock, pageBreakBefore: boolean): Paragraph[] {
  return block.items.map(
    (runs, i) => new Paragraph({ numbering: { reference: DASH_LIST, level: 0 }, alignment: AlignmentType.JUSTIFIED, children: textRuns(runs), spacing: { after: 60 }, pageBreakBefore: pageBreakBefore && i === 0 }),
  );
}

function cell(text: string, align: Align, opts: { header: boolean; width: number; small: boolean }): TableCell {
  const size = opts.small ? SIZE.table : SIZE.body;
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ alignment: opts.header ? AlignmentType.CENTER : ALIGN[align], spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text, bold: opts.header, size })] })],
  });
}

function table(block: TableBlock): Table {
  const widths = block.columns.map((c) => Math.round((c.width / 100) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const header = new TableRow({
    // Only what is on is written: docx spells a false flag as an element with w:val="off".
    tableHeader: block.repeatHeader || undefined,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.title, 'center', { header: true, width: widths[i], small: block.small })),
  });
  const rows = block.rows.map(
    (r) => new TableRow({ cantSplit: block.keepRowsWhole || undefined, children: r.map((text, i) => cell(text, block.columns[i].align, { header: false, width: widths[i], small: block.small })) }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...rows],
  });
}

/** Width and height of a PNG from its IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error('Диаграмма для справки должна быть изображением PNG.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function chart(block: ChartBlock, png: Uint8Array | null, pageBreakBefore: boolean): Paragraph[] {
  if (!png) return [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: block.fallback, italics: true })], pageBreakBefore })];
  const size = pngSize(png);
  const width = Math.min(size.width, TEXT_WIDTH_PX);
  const height = Math.round((size.height * width) / size.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      pageBreakBefore,
      children: [new ImageRun({ type: 'png', data: png, transformation: { width, height }, altText: { name: block.title, title: block.title, description: block.description } })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.caption, italics: true, size: SIZE.small })] }),
  ];
}
