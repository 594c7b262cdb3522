/// <reference types="google-apps-script" />
/**
 * In-memory DocumentApp typed against @types/google-apps-script, with the ExactApi pattern of
 * fakeBase.ts: each fake class implements a Pick of the real interface with exactly the members it
 * has, so production code cannot call a method that does not exist.
 *
 * What it mimics of Google Docs: a new document's body holds one empty paragraph; a table appended
 * to the body is followed by an empty paragraph (a body never ends with a table); an image must be
 * PNG, JPEG or GIF; a document closed by saveAndClose() refuses further edits; DocumentApp.create
 * and openById need the `documents` scope granted (granular consent), with Google's error texts.
 * `DocumentStore.dump` gives what a reader of the document would see, for the tests.
 */
import { AuthorizationSimulator } from './fakeServices';
import { blobContents } from './fakeBlob';
import { AppsScriptException, Assert, CallCounter, CountedFake, ExactApi, countCalls, describeType, expose, fakeEnum } from './fakeBase';

type DocumentApp = GoogleAppsScript.Document.DocumentApp;
type Document = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Text = GoogleAppsScript.Document.Text;
type Table = GoogleAppsScript.Document.Table;
type TableRow = GoogleAppsScript.Document.TableRow;
type TableCell = GoogleAppsScript.Document.TableCell;
type InlineImage = GoogleAppsScript.Document.InlineImage;
type PageBreak = GoogleAppsScript.Document.PageBreak;
type Integer = GoogleAppsScript.Integer;

export const DOCUMENTS_SCOPE = 'https://www.googleapis.com/auth/documents';
export const DOCUMENT_CLOSED_MESSAGE = 'Document is closed, its contents cannot be updated.';
export const INVALID_IMAGE_MESSAGE = 'Invalid image data.';

// ===== The model ==================================================================================

export interface TextRunModel {
  text: string;
  bold: boolean;
  italic: boolean;
  fontSize: number | null;
  fontFamily: string | null;
}

export interface ImageModel {
  type: 'image';
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
  altTitle: string;
  altDescription: string;
}

type Inline = ({ type: 'text' } & TextRunModel) | ImageModel | { type: 'pageBreak' };

export interface ParagraphModel {
  kind: 'paragraph' | 'listItem';
  inline: Inline[];
  heading: string;
  alignment: string | null;
  glyphType: string | null;
  spacingBefore: number | null;
  spacingAfter: number | null;
}

export interface CellModel {
  paragraphs: ParagraphModel[];
  background: string | null;
}

export interface TableModel {
  kind: 'table';
  rows: CellModel[][];
  columnWidths: Map<number, number>;
  borderColor: string | null;
  borderWidth: number | null;
  /** Rows repeated at the top of every page (set through the Docs API: DocumentApp cannot). */
  pinnedHeaderRows: number;
}

export type BodyChild = ParagraphModel | TableModel;

export interface DocumentModel {
  id: string;
  name: string;
  closed: boolean;
  children: BodyChild[];
  /** The body as last saved: what the Docs API (another service) sees. */
  saved: BodyChild[];
  page: { width: number; height: number; marginTop: number; marginBottom: number; marginLeft: number; marginRight: number };
  headingAttributes: Map<string, Record<string, unknown>>;
}

function paragraphModel(kind: ParagraphModel['kind'], text: string): ParagraphModel {
  return { kind, inline: text === '' ? [] : [textRun(text)], heading: 'NORMAL', alignment: null, glyphType: kind === 'listItem' ? 'BULLET' : null, spacingBefore: null, spacingAfter: null };
}

function textRun(text: string): { type: 'text' } & TextRunModel {
  return { type: 'text', text, bold: false, italic: false, fontSize: null, fontFamily: null };
}

export function paragraphText(p: ParagraphModel): string {
  return p.inline.map((i) => (i.type === 'text' ? i.text : '')).join('');
}

function cellText(c: CellModel): string {
  return c.paragraphs.map(paragraphText).join('\n');
}

/** Letter size and 1-inch margins: what a new Google Doc has, in points. */
const NEW_PAGE = { width: 612, height: 792, marginTop: 72, marginBottom: 72, marginLeft: 72, marginRight: 72 };

/** The documents of one environment, as Drive would hold them. */
export class DocumentStore {
  private readonly documents = new Map<string, DocumentModel>();
  private next = 1;

  create(name: string): DocumentModel {
    const id = `doc${String(this.next++).padStart(4, '0')}-${'x'.repeat(8)}`;
    const children: BodyChild[] = [paragraphModel('paragraph', '')];
    const doc: DocumentModel = { id, name, closed: false, children, saved: [...children], page: { ...NEW_PAGE }, headingAttributes: new Map() };
    this.documents.set(id, doc);
    return doc;
  }

  get(id: string): DocumentModel | undefined {
    return this.documents.get(id);
  }

  all(): DocumentModel[] {
    return [...this.documents.values()];
  }

  /** What a reader sees, element by element (empty paragraphs included, as they print as blank lines). */
  dump(id: string): DocumentDump {
    const doc = this.documents.get(id);
    if (!doc) throw new Error(`no document ${id}`);
    return {
      name: doc.name,
      closed: doc.closed,
      page: { ...doc.page },
      headingAttributes: Object.fromEntries(doc.headingAttributes),
      elements: doc.children.map(dumpChild),
    };
  }
}

export type ElementDump =
  | { type: 'paragraph' | 'listItem'; heading: string; alignment: string | null; text: string; runs: TextRunModel[]; images: Omit<ImageModel, 'type'>[]; pageBreak: boolean }
  | {
      type: 'table';
      rows: string[][];
      backgrounds: (string | null)[][];
      bold: boolean[][];
      fontSizes: (number | null)[];
      columnWidths: Record<number, number>;
      pinnedHeaderRows: number;
    };

export interface DocumentDump {
  name: string;
  closed: boolean;
  page: DocumentModel['page'];
  headingAttributes: Record<string, Record<string, unknown>>;
  elements: ElementDump[];
}

function dumpChild(c: BodyChild): ElementDump {
  if (c.kind === 'table') {
    const runs = (cell: CellModel) => cell.paragraphs.flatMap((p) => p.inline.filter((i): i is { type: 'text' } & TextRunModel => i.type === 'text'));
    return {
      type: 'table',
      rows: c.rows.map((r) => r.map(cellText)),
      backgrounds: c.rows.map((r) => r.map((cell) => cell.background)),
      bold: c.rows.map((r) => r.map((cell) => runs(cell).length > 0 && runs(cell).every((t) => t.bold))),
      fontSizes: [...new Set(c.rows.flatMap((r) => r.flatMap((cell) => runs(cell).map((t) => t.fontSize))))],
      columnWidths: Object.fromEntries(c.columnWidths),
      pinnedHeaderRows: c.pinnedHeaderRows,
    };
  }
  return {
    type: c.kind,
    heading: c.heading,
    alignment: c.alignment,
    text: paragraphText(c),
    runs: c.inline.filter((i): i is { type: 'text' } & TextRunModel => i.type === 'text').map(({ type: _t, ...r }) => r),
    images: c.inline.filter((i): i is ImageModel => i.type === 'image').map(({ type: _t, ...img }) => img),
    pageBreak: c.inline.some((i) => i.type === 'pageBreak'),
  };
}

// ===== Shared plumbing ============================================================================

/** Fake objects passed back into the API (appendInlineImage(image), appendText(text)) are looked up here. */
const textSpans = new WeakMap<object, TextSpan>();
const imageModels = new WeakMap<object, ImageModel>();

interface Context {
  calls: CallCounter;
  doc: DocumentModel;
}

function writable(ctx: Context): void {
  if (ctx.doc.closed) throw new AppsScriptException(DOCUMENT_CLOSED_MESSAGE);
}

function enumName(value: unknown): string {
  return String(value);
}

function imageFrom(source: unknown): ImageModel {
  const copied = typeof source === 'object' && source !== null ? imageModels.get(source) : undefined;
  if (copied) return { ...copied, bytes: copied.bytes.slice() };
  const blob = blobContents(source);
  if (!blob) throw new AppsScriptException(`The parameters (${describeType(source)}) don't match the method signature for DocumentApp.Paragraph.appendInlineImage.`);
  const size = imageSize(blob.bytes);
  if (!size) throw new AppsScriptException(INVALID_IMAGE_MESSAGE);
  return { type: 'image', bytes: blob.bytes.slice(), contentType: size.contentType, width: size.width, height: size.height, altTitle: '', altDescription: '' };
}

/** PNG, GIF or JPEG size from the file's header; null for anything else. */
function imageSize(bytes: Uint8Array): { width: number; height: number; contentType: string } | null {
  const b = Buffer.from(bytes);
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), contentType: 'image/png' };
  if (b.length > 10 && b.toString('ascii', 0, 3) === 'GIF') return { width: b.readUInt16LE(6), height: b.readUInt16LE(8), contentType: 'image/gif' };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    for (let at = 2; at + 9 < b.length; ) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1];
      const length = b.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xc3) return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7), contentType: 'image/jpeg' };
      at += 2 + length;
    }
  }
  return null;
}

// ===== Text =======================================================================================

/**
 * The text a Text object stands for: every run of some paragraphs (editAsText of a paragraph, row or
 * table), or only the runs one appendText call made. Offsets count the paragraphs' texts joined by
 * a newline, as Apps Script does.
 */
class TextSpan {
  constructor(
    readonly paragraphs: () => ParagraphModel[],
    private only: Set<TextRunModel> | null,
  ) {}

  runs(): { run: { type: 'text' } & TextRunModel; paragraph: ParagraphModel }[] {
    const out: { run: { type: 'text' } & TextRunModel; paragraph: ParagraphModel }[] = [];
    for (const p of this.paragraphs()) for (const i of p.inline) if (i.type === 'text' && (!this.only || this.only.has(i))) out.push({ run: i, paragraph: p });
    return out;
  }

  text(): string {
    if (this.only) return this.runs().map((r) => r.run.text).join('');
    return this.paragraphs().map(paragraphText).join('\n');
  }

  /** Applies `patch` to the characters start…end (inclusive), splitting runs at the boundaries. */
  apply(patch: Partial<TextRunModel>, start?: number, end?: number): void {
    const total = this.text().length;
    if (start === undefined || end === undefined) {
      for (const { run } of this.runs()) Object.assign(run, patch);
      return;
    }
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && end < total)) {
      throw new AppsScriptException(`Index (${end}) must be less than the content length (${total}).`);
    }
    let offset = 0;
    for (const p of this.paragraphs()) {
      const next: Inline[] = [];
      for (const i of p.inline) {
        if (i.type !== 'text' || (this.only && !this.only.has(i))) {
          next.push(i);
          continue;
        }
        const from = offset;
        const to = offset + i.text.length - 1;
        offset += i.text.length;
        if (to < start || from > end) {
          next.push(i);
          continue;
        }
        const a = Math.max(start, from) - from;
        const b = Math.min(end, to) - from + 1;
        const pieces: ({ type: 'text' } & TextRunModel)[] = [];
        if (a > 0) pieces.push({ ...i, text: i.text.slice(0, a) });
        pieces.push({ ...i, ...patch, type: 'text', text: i.text.slice(a, b) });
        if (b < i.text.length) pieces.push({ ...i, text: i.text.slice(b) });
        if (this.only) {
          this.only.delete(i);
          for (const piece of pieces) this.only.add(piece);
        }
        next.push(...pieces);
      }
      p.inline = next;
      if (!this.only) offset += 1; // the newline between paragraphs
    }
  }
}

type TextMember = 'getText' | 'isBold' | 'isItalic' | 'setBold' | 'setFontFamily' | 'setFontSize' | 'setItalic';

class FakeText extends CountedFake implements Pick<Text, TextMember> {
  private readonly ctx: Context;
  private readonly span: TextSpan;

  constructor(ctx: Context, span: TextSpan) {
    super(ctx.calls);
    this.ctx = ctx;
    this.span = span;
    textSpans.set(this, span);
  }

  getText(): string {
    return this.span.text();
  }

  isBold(offset?: Integer | null): boolean {
    const runs = this.span.runs().map((r) => r.run);
    if (offset === undefined || offset === null) return runs.length > 0 && runs.every((r) => r.bold);
    return runAt(runs, offset)?.bold ?? false;
  }

  isItalic(offset?: Integer | null): boolean {
    const runs = this.span.runs().map((r) => r.run);
    if (offset === undefined || offset === null) return runs.length > 0 && runs.every((r) => r.italic);
    return runAt(runs, offset)?.italic ?? false;
  }

  setBold(bold: boolean): Text;
  setBold(startOffset: Integer, endOffsetInclusive: Integer, bold: boolean): Text;
  setBold(...args: [boolean] | [Integer, Integer, boolean]): Text {
    return this.set(args, (v) => ({ bold: v === true }));
  }

  setFontFamily(fontFamilyName: string): Text;
  setFontFamily(startOffset: Integer, endOffsetInclusive: Integer, fontFamilyName: string): Text;
  setFontFamily(...args: [string] | [Integer, Integer, string]): Text {
    return this.set(args, (v) => ({ fontFamily: String(v) }));
  }

  setFontSize(size: Integer): Text;
  setFontSize(startOffset: Integer, endOffsetInclusive: Integer, size: Integer): Text;
  setFontSize(...args: [Integer] | [Integer, Integer, Integer]): Text {
    return this.set(args, (v) => ({ fontSize: Number(v) }));
  }

  setItalic(italic: boolean): Text;
  setItalic(startOffset: Integer, endOffsetInclusive: Integer, italic: boolean): Text;
  setItalic(...args: [boolean] | [Integer, Integer, boolean]): Text {
    return this.set(args, (v) => ({ italic: v === true }));
  }

  private set(args: unknown[], patch: (value: unknown) => Partial<TextRunModel>): Text {
    writable(this.ctx);
    if (args.length === 3) this.span.apply(patch(args[2]), Number(args[0]), Number(args[1]));
    else this.span.apply(patch(args[0]));
    return expose<Text>(this);
  }
}
type _TextIsExact = Assert<ExactApi<FakeText, Text, TextMember>>;

function runAt(runs: TextRunModel[], offset: number): TextRunModel | null {
  let at = 0;
  for (const r of runs) {
    if (offset < at + r.text.length) return r;
    at += r.text.length;
  }
  return null;
}

// ===== Paragraph, ListItem, PageBreak, InlineImage ================================================

type ParagraphMember =
  | 'appendInlineImage'
  | 'appendText'
  | 'editAsText'
  | 'getAlignment'
  | 'getHeading'
  | 'getText'
  | 'setAlignment'
  | 'setHeading'
  | 'setSpacingAfter'
  | 'setSpacingBefore'
  | 'setText';

/** What Paragraph and ListItem share. */
abstract class ParagraphLike extends CountedFake {
  protected readonly ctx: Context;
  protected readonly model: ParagraphModel;

  protected constructor(ctx: Context, model: ParagraphModel) {
    super(ctx.calls);
    this.ctx = ctx;
    this.model = model;
  }

  protected pushImage(image: GoogleAppsScript.Base.BlobSource | InlineImage): InlineImage {
    writable(this.ctx);
    const m = imageFrom(image);
    this.model.inline.push(m);
    return expose<InlineImage>(new FakeInlineImage(this.ctx, m));
  }

  protected pushText(text: string | Text): Text {
    writable(this.ctx);
    const span = typeof text === 'object' && text !== null ? textSpans.get(text) : undefined;
    const runs = span ? span.runs().map(({ run }) => ({ ...run })) : [textRun(String(text))];
    this.model.inline.push(...runs);
    return expose<Text>(new FakeText(this.ctx, new TextSpan(() => [this.model], new Set(runs))));
  }

  protected wholeText(): Text {
    return expose<Text>(new FakeText(this.ctx, new TextSpan(() => [this.model], null)));
  }

  protected overwriteText(text: string): void {
    writable(this.ctx);
    this.model.inline = this.model.inline.filter((i) => i.type !== 'text');
    if (text !== '') this.model.inline.push(textRun(String(text)));
  }
}

class FakeParagraph extends ParagraphLike implements Pick<Paragraph, ParagraphMember> {
  constructor(ctx: Context, model: ParagraphModel) {
    super(ctx, model);
  }

  appendInlineImage(image: GoogleAppsScript.Base.BlobSource | InlineImage): InlineImage {
    return this.pushImage(image);
  }

  appendText(text: string | Text): Text {
    return this.pushText(text);
  }

  editAsText(): Text {
    return this.wholeText();
  }

  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return (this.model.alignment ?? 'LEFT') as unknown as GoogleAppsScript.Document.HorizontalAlignment;
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return this.model.heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }

  getText(): string {
    return paragraphText(this.model);
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): Paragraph {
    writable(this.ctx);
    this.model.alignment = enumName(alignment);
    return expose<Paragraph>(this);
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): Paragraph {
    writable(this.ctx);
    this.model.heading = enumName(heading);
    return expose<Paragraph>(this);
  }

  setSpacingAfter(spacingAfter: number): Paragraph {
    writable(this.ctx);
    this.model.spacingAfter = spacingAfter;
    return expose<Paragraph>(this);
  }

  setSpacingBefore(spacingBefore: number): Paragraph {
    writable(this.ctx);
    this.model.spacingBefore = spacingBefore;
    return expose<Paragraph>(this);
  }

  setText(text: string): void {
    this.overwriteText(text);
  }
}
type _ParagraphIsExact = Assert<ExactApi<FakeParagraph, Paragraph, ParagraphMember>>;

type ListItemMember = 'appendText' | 'editAsText' | 'getGlyphType' | 'getText' | 'setAlignment' | 'setGlyphType' | 'setSpacingAfter';

class FakeListItem extends ParagraphLike implements Pick<ListItem, ListItemMember> {
  constructor(ctx: Context, model: ParagraphModel) {
    super(ctx, model);
  }

  appendText(text: string | Text): Text {
    return this.pushText(text);
  }

  editAsText(): Text {
    return this.wholeText();
  }

  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return this.model.glyphType as unknown as GoogleAppsScript.Document.GlyphType;
  }

  getText(): string {
    return paragraphText(this.model);
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): ListItem {
    writable(this.ctx);
    this.model.alignment = enumName(alignment);
    return expose<ListItem>(this);
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): ListItem {
    writable(this.ctx);
    this.model.glyphType = enumName(glyphType);
    return expose<ListItem>(this);
  }

  setSpacingAfter(spacingAfter: number): ListItem {
    writable(this.ctx);
    this.model.spacingAfter = spacingAfter;
    return expose<ListItem>(this);
  }
}
type _ListItemIsExact = Assert<ExactApi<FakeListItem, ListItem, ListItemMember>>;

class FakePageBreak extends CountedFake implements Pick<PageBreak, 'getType'> {
  constructor(calls: CallCounter) {
    super(calls);
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return 'PAGE_BREAK' as unknown as GoogleAppsScript.Document.ElementType;
  }
}
type _PageBreakIsExact = Assert<ExactApi<FakePageBreak, PageBreak, 'getType'>>;

type InlineImageMember = 'getAltDescription' | 'getAltTitle' | 'getHeight' | 'getWidth' | 'setAltDescription' | 'setAltTitle' | 'setHeight' | 'setWidth';

class FakeInlineImage extends CountedFake implements Pick<InlineImage, InlineImageMember> {
  private readonly ctx: Context;
  private readonly model: ImageModel;

  constructor(ctx: Context, model: ImageModel) {
    super(ctx.calls);
    this.ctx = ctx;
    this.model = model;
    imageModels.set(this, model);
  }

  getAltDescription(): string {
    return this.model.altDescription;
  }

  getAltTitle(): string {
    return this.model.altTitle;
  }

  getHeight(): Integer {
    return this.model.height;
  }

  getWidth(): Integer {
    return this.model.width;
  }

  setAltDescription(description: string): InlineImage {
    writable(this.ctx);
    this.model.altDescription = String(description);
    return expose<InlineImage>(this);
  }

  setAltTitle(title: string): InlineImage {
    writable(this.ctx);
    this.model.altTitle = String(title);
    return expose<InlineImage>(this);
  }

  setHeight(height: Integer): InlineImage {
    writable(this.ctx);
    this.model.height = positiveSize(height, 'setHeight');
    return expose<InlineImage>(this);
  }

  setWidth(width: Integer): InlineImage {
    writable(this.ctx);
    this.model.width = positiveSize(width, 'setWidth');
    return expose<InlineImage>(this);
  }
}
type _InlineImageIsExact = Assert<ExactApi<FakeInlineImage, InlineImage, InlineImageMember>>;

function positiveSize(value: number, method: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new AppsScriptException(`The parameters (${describeType(value)}) don't match the method signature for DocumentApp.InlineImage.${method}.`);
  if (value <= 0) throw new AppsScriptException(`Invalid argument: ${method.replace('set', '').toLowerCase()}`);
  return Math.round(value);
}

// ===== Table ======================================================================================

type TableMember = 'editAsText' | 'getCell' | 'getColumnWidth' | 'getNumRows' | 'getRow' | 'setBorderColor' | 'setBorderWidth' | 'setColumnWidth';

function childIndexError(index: number, count: number): AppsScriptException {
  return new AppsScriptException(`Child index (${index}) must be less than the number of child elements (${count}).`);
}

class FakeTable extends CountedFake implements Pick<Table, TableMember> {
  private readonly ctx: Context;
  private readonly model: TableModel;

  constructor(ctx: Context, model: TableModel) {
    super(ctx.calls);
    this.ctx = ctx;
    this.model = model;
  }

  editAsText(): Text {
    return expose<Text>(new FakeText(this.ctx, new TextSpan(() => this.model.rows.flatMap((r) => r.flatMap((c) => c.paragraphs)), null)));
  }

  getCell(rowIndex: Integer, cellIndex: Integer): TableCell {
    const row = this.model.rows[rowIndex];
    if (!row) throw childIndexError(rowIndex, this.model.rows.length);
    const cell = row[cellIndex];
    if (!cell) throw childIndexError(cellIndex, row.length);
    return expose<TableCell>(new FakeTableCell(this.ctx, cell));
  }

  getColumnWidth(columnIndex: Integer): number {
    return this.model.columnWidths.get(columnIndex) ?? (null as unknown as number);
  }

  getNumRows(): Integer {
    return this.model.rows.length;
  }

  getRow(rowIndex: Integer): TableRow {
    const row = this.model.rows[rowIndex];
    if (!row) throw childIndexError(rowIndex, this.model.rows.length);
    return expose<TableRow>(new FakeTableRow(this.ctx, row));
  }

  setBorderColor(color: string): Table {
    writable(this.ctx);
    if (!/^#[0-9a-f]{6}$/i.test(String(color))) throw new AppsScriptException(`Invalid color: ${color}`);
    this.model.borderColor = String(color).toLowerCase();
    return expose<Table>(this);
  }

  setBorderWidth(width: number): Table {
    writable(this.ctx);
    this.model.borderWidth = width;
    return expose<Table>(this);
  }

  setColumnWidth(columnIndex: Integer, width: number): Table {
    writable(this.ctx);
    const columns = Math.max(0, ...this.model.rows.map((r) => r.length));
    if (!(columnIndex >= 0 && columnIndex < columns)) throw new AppsScriptException(`Column index (${columnIndex}) must be less than the number of columns (${columns}).`);
    this.model.columnWidths.set(columnIndex, width);
    return expose<Table>(this);
  }
}
type _TableIsExact = Assert<ExactApi<FakeTable, Table, TableMember>>;

class FakeTableRow extends CountedFake implements Pick<TableRow, 'editAsText' | 'getCell' | 'getNumCells'> {
  private readonly ctx: Context;
  private readonly cells: CellModel[];

  constructor(ctx: Context, cells: CellModel[]) {
    super(ctx.calls);
    this.ctx = ctx;
    this.cells = cells;
  }

  editAsText(): Text {
    return expose<Text>(new FakeText(this.ctx, new TextSpan(() => this.cells.flatMap((c) => c.paragraphs), null)));
  }

  getCell(cellIndex: Integer): TableCell {
    const cell = this.cells[cellIndex];
    if (!cell) throw childIndexError(cellIndex, this.cells.length);
    return expose<TableCell>(new FakeTableCell(this.ctx, cell));
  }

  getNumCells(): Integer {
    return this.cells.length;
  }
}
type _TableRowIsExact = Assert<ExactApi<FakeTableRow, TableRow, 'editAsText' | 'getCell' | 'getNumCells'>>;

class FakeTableCell extends CountedFake implements Pick<TableCell, 'getBackgroundColor' | 'getText' | 'setBackgroundColor'> {
  private readonly ctx: Context;
  private readonly model: CellModel;

  constructor(ctx: Context, model: CellModel) {
    super(ctx.calls);
    this.ctx = ctx;
    this.model = model;
  }

  getBackgroundColor(): string {
    return this.model.background as string;
  }

  getText(): string {
    return cellText(this.model);
  }

  setBackgroundColor(color: string): TableCell {
    writable(this.ctx);
    if (!/^#[0-9a-f]{6}$/i.test(String(color))) throw new AppsScriptException(`Invalid color: ${color}`);
    this.model.background = String(color).toLowerCase();
    return expose<TableCell>(this);
  }
}
type _TableCellIsExact = Assert<ExactApi<FakeTableCell, TableCell, 'getBackgroundColor' | 'getText' | 'setBackgroundColor'>>;

// ===== Body, Document, DocumentApp ================================================================

type BodyMember =
  | 'appendListItem'
  | 'appendPageBreak'
  | 'appendParagraph'
  | 'appendTable'
  | 'getNumChildren'
  | 'getParagraphs'
  | 'getText'
  | 'setHeadingAttributes'
  | 'setMarginBottom'
  | 'setMarginLeft'
  | 'setMarginRight'
  | 'setMarginTop'
  | 'setPageHeight'
  | 'setPageWidth';

class FakeBody extends CountedFake implements Pick<Body, BodyMember> {
  private readonly ctx: Context;

  constructor(ctx: Context) {
    super(ctx.calls);
    this.ctx = ctx;
  }

  appendListItem(listItemOrText: ListItem | string): ListItem {
    writable(this.ctx);
    const model = paragraphModel('listItem', typeof listItemOrText === 'string' ? listItemOrText : (listItemOrText as ListItem).getText());
    this.ctx.doc.children.push(model);
    return expose<ListItem>(new FakeListItem(this.ctx, model));
  }

  appendPageBreak(_pageBreak?: PageBreak): PageBreak {
    writable(this.ctx);
    const model = paragraphModel('paragraph', '');
    model.inline.push({ type: 'pageBreak' });
    this.ctx.doc.children.push(model);
    return expose<PageBreak>(new FakePageBreak(this.ctx.calls));
  }

  appendParagraph(paragraphOrText: Paragraph | string): Paragraph {
    writable(this.ctx);
    if (typeof paragraphOrText !== 'string' && typeof paragraphOrText !== 'object') {
      throw new AppsScriptException(`The parameters (${describeType(paragraphOrText)}) don't match the method signature for DocumentApp.Body.appendParagraph.`);
    }
    const model = paragraphModel('paragraph', typeof paragraphOrText === 'string' ? paragraphOrText : paragraphOrText.getText());
    this.ctx.doc.children.push(model);
    return expose<Paragraph>(new FakeParagraph(this.ctx, model));
  }

  appendTable(cells?: string[][] | Table): Table {
    writable(this.ctx);
    if (cells !== undefined && !Array.isArray(cells)) throw new AppsScriptException("The parameters (DocumentApp.Table) don't match the method signature for DocumentApp.Body.appendTable.");
    const rows = (cells ?? []).map((r) => {
      if (!Array.isArray(r)) throw new AppsScriptException("The parameters (String[]) don't match the method signature for DocumentApp.Body.appendTable.");
      return r.map((text) => ({ paragraphs: [paragraphModel('paragraph', String(text))], background: null }));
    });
    const model: TableModel = { kind: 'table', rows, columnWidths: new Map(), borderColor: null, borderWidth: null, pinnedHeaderRows: 0 };
    // A body never ends with a table: Docs puts an empty paragraph after it.
    this.ctx.doc.children.push(model, paragraphModel('paragraph', ''));
    return expose<Table>(new FakeTable(this.ctx, model));
  }

  getNumChildren(): Integer {
    return this.ctx.doc.children.length;
  }

  getParagraphs(): Paragraph[] {
    const paragraphs = this.ctx.doc.children.flatMap((c) => (c.kind === 'table' ? c.rows.flatMap((r) => r.flatMap((cell) => cell.paragraphs)) : [c]));
    return paragraphs.map((p) => (p.kind === 'listItem' ? expose<Paragraph>(new FakeListItem(this.ctx, p) as unknown as Partial<Paragraph>) : expose<Paragraph>(new FakeParagraph(this.ctx, p))));
  }

  getText(): string {
    return this.ctx.doc.children.map((c) => (c.kind === 'table' ? c.rows.map((r) => r.map(cellText).join('\n')).join('\n') : paragraphText(c))).join('\n');
  }

  setHeadingAttributes(paragraphHeading: GoogleAppsScript.Document.ParagraphHeading, attributes: any): Body {
    writable(this.ctx);
    if (typeof attributes !== 'object' || attributes === null) throw new AppsScriptException(`The parameters (${describeType(paragraphHeading)},${describeType(attributes)}) don't match the method signature for DocumentApp.Body.setHeadingAttributes.`);
    this.ctx.doc.headingAttributes.set(enumName(paragraphHeading), { ...attributes });
    return expose<Body>(this);
  }

  setMarginBottom(marginBottom: number): Body {
    return this.page('marginBottom', marginBottom);
  }

  setMarginLeft(marginLeft: number): Body {
    return this.page('marginLeft', marginLeft);
  }

  setMarginRight(marginRight: number): Body {
    return this.page('marginRight', marginRight);
  }

  setMarginTop(marginTop: number): Body {
    return this.page('marginTop', marginTop);
  }

  setPageHeight(pageHeight: number): Body {
    return this.page('height', pageHeight);
  }

  setPageWidth(pageWidth: number): Body {
    return this.page('width', pageWidth);
  }

  private page(key: keyof DocumentModel['page'], value: number): Body {
    writable(this.ctx);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new AppsScriptException(`Invalid argument: ${key}`);
    this.ctx.doc.page[key] = value;
    return expose<Body>(this);
  }
}
type _BodyIsExact = Assert<ExactApi<FakeBody, Body, BodyMember>>;

class FakeDocument extends CountedFake implements Pick<Document, 'getBody' | 'getId' | 'getName' | 'getUrl' | 'saveAndClose'> {
  private readonly ctx: Context;

  constructor(ctx: Context) {
    super(ctx.calls);
    this.ctx = ctx;
  }

  getBody(): Body {
    return expose<Body>(new FakeBody(this.ctx));
  }

  getId(): string {
    return this.ctx.doc.id;
  }

  getName(): string {
    return this.ctx.doc.name;
  }

  getUrl(): string {
    return documentUrl(this.ctx.doc.id);
  }

  saveAndClose(): void {
    this.ctx.doc.closed = true;
    this.ctx.doc.saved = [...this.ctx.doc.children];
  }
}
type _DocumentIsExact = Assert<ExactApi<FakeDocument, Document, 'getBody' | 'getId' | 'getName' | 'getUrl' | 'saveAndClose'>>;

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

type DocumentAppMember = 'Attribute' | 'ElementType' | 'GlyphType' | 'HorizontalAlignment' | 'ParagraphHeading' | 'create' | 'openById';

class FakeDocumentApp extends CountedFake implements Pick<DocumentApp, DocumentAppMember> {
  readonly Attribute = fakeEnum<typeof GoogleAppsScript.Document.Attribute>(
    'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR', 'HEADING', 'HEIGHT',
    'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC', 'GLYPH_TYPE', 'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL',
    'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL', 'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT',
    'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH', 'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
  );
  readonly ElementType = fakeEnum<typeof GoogleAppsScript.Document.ElementType>(
    'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'DOCUMENT', 'EQUATION', 'EQUATION_FUNCTION', 'EQUATION_FUNCTION_ARGUMENT_SEPARATOR', 'EQUATION_SYMBOL',
    'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION', 'HEADER_SECTION', 'HORIZONTAL_RULE', 'INLINE_DRAWING', 'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK',
    'PARAGRAPH', 'PERSON', 'RICH_LINK', 'TABLE', 'TABLE_CELL', 'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
  );
  readonly GlyphType = fakeEnum<typeof GoogleAppsScript.Document.GlyphType>('BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER');
  readonly HorizontalAlignment = fakeEnum<typeof GoogleAppsScript.Document.HorizontalAlignment>('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
  readonly ParagraphHeading = fakeEnum<typeof GoogleAppsScript.Document.ParagraphHeading>('NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE');
  private readonly store: DocumentStore;
  private readonly auth: AuthorizationSimulator;

  constructor(calls: CallCounter, store: DocumentStore, auth: AuthorizationSimulator) {
    super(calls);
    this.store = store;
    this.auth = auth;
  }

  create(name: string): Document {
    this.authorize('create');
    if (typeof name !== 'string') throw new AppsScriptException(`The parameters (${describeType(name)}) don't match the method signature for DocumentApp.create.`);
    if (name.trim() === '') throw new AppsScriptException('Invalid argument: name');
    return expose<Document>(new FakeDocument({ calls: this.callCounter, doc: this.store.create(name) }));
  }

  openById(id: string): Document {
    this.authorize('openById');
    const doc = this.store.get(String(id));
    if (!doc) throw new AppsScriptException('Document is missing (perhaps it was deleted, or you don\'t have read access?)');
    doc.closed = false;
    return expose<Document>(new FakeDocument({ calls: this.callCounter, doc }));
  }

  /** Like Apps Script: the call fails unless the user granted the scope (and the manifest declares it). */
  private authorize(method: string): void {
    if (!this.auth.manifestScopes.includes(DOCUMENTS_SCOPE) || !this.auth.granted.has(DOCUMENTS_SCOPE)) {
      throw new AppsScriptException(`You do not have permission to call DocumentApp.${method}. Required permissions: ${DOCUMENTS_SCOPE}`);
    }
  }
}
type _DocumentAppIsExact = Assert<ExactApi<FakeDocumentApp, DocumentApp, DocumentAppMember>>;

for (const [fakeClass, apiName] of [
  [FakeText, 'Text'],
  [FakeParagraph, 'Paragraph'],
  [FakeListItem, 'ListItem'],
  [FakePageBreak, 'PageBreak'],
  [FakeInlineImage, 'InlineImage'],
  [FakeTable, 'Table'],
  [FakeTableRow, 'TableRow'],
  [FakeTableCell, 'TableCell'],
  [FakeBody, 'Body'],
  [FakeDocument, 'Document'],
  [FakeDocumentApp, 'DocumentApp'],
] as const) {
  countCalls(fakeClass, apiName);
}

export function createDocumentApp(calls: CallCounter, store: DocumentStore, auth: AuthorizationSimulator): DocumentApp {
  return expose<DocumentApp>(new FakeDocumentApp(calls, store, auth));
}
