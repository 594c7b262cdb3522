/**
 * A printable document as data: what the «Аналитическая справка» says, in what order and with what
 * emphasis, but nothing about how a Word file or a Google Doc spells it. The CLI renders it with
 * `docx` (src/cli/docx), the add-on with DocumentApp (src/addon/googleDoc.ts); both read only this,
 * so the two cannot drift apart. Texts are final: typography is already applied.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** `small` for notes and captions under tables and figures. */
export type ParagraphStyle = 'body' | 'small';

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  align: Align;
  style: ParagraphStyle;
}

/** Level 0 is the document's title, 1 a numbered section, 2 a part of a section. */
export interface HeadingBlock {
  kind: 'heading';
  level: 0 | 1 | 2;
  text: string;
}

export interface ListBlock {
  kind: 'list';
  items: Run[][];
}

export interface TableColumn {
  title: string;
  /** Share of the text width, in percent; the columns of a table add up to 100. */
  width: number;
  align: Align;
}

export interface TableBlock {
  kind: 'table';
  /** What the table is (tests and shells find «the appendix» by it). */
  role: 'counts' | 'indicators' | 'roadmap' | 'appendix';
  columns: TableColumn[];
  /** Body rows, one string per column (no header: the header is the columns' titles). */
  rows: string[][];
  /** The header row is repeated at the top of every page the table continues on. */
  repeatHeader: boolean;
  /** Rows are not split across pages (a justification is read whole). */
  keepRowsWhole: boolean;
  small: boolean;
}

/**
 * Where the ИСБШ chart goes. The engine has no picture: each shell supplies one (the CLI's rendered
 * PNG, the add-on's native chart as an image) or writes `fallback` instead.
 */
export interface ChartBlock {
  kind: 'chart';
  title: string;
  /** Alternative text of the picture. */
  description: string;
  caption: string;
  fallback: string;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

export type Block = ParagraphBlock | HeadingBlock | ListBlock | TableBlock | ChartBlock | PageBreakBlock;

export type SectionId = 'title' | 'method' | 'counts' | 'chart' | 'note' | 'indicators' | 'changes' | 'roadmap' | 'signature' | 'appendix';

export interface DocumentSection {
  id: SectionId;
  blocks: Block[];
}

export interface ReportDocument {
  /** The file's or Google Doc's name (without extension). */
  name: string;
  /** Document properties: title, subject, the program that made it. */
  title: string;
  subject: string;
  creator: string;
  sections: DocumentSection[];
}

/** Every block of the document in order. */
export function allBlocks(doc: ReportDocument): Block[] {
  return doc.sections.flatMap((s) => s.blocks);
}

/** The plain text of a paragraph, heading or list item. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}
