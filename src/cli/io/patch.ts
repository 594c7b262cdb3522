import JSZip from 'jszip';
import { posix } from 'path';
import { StringDecoder } from 'string_decoder';
import { Transform, TransformCallback } from 'stream';
import { Cell } from '../../engine/table';
import { IO_MESSAGES } from './messages';
import { isRelType, OpcPackage, readWorkbookModel, RELATIONSHIPS_NS, REL_TYPES, relationshipsPart, relativeTarget, resolveTarget, SheetEntry } from './package';
import { RenderedSheet } from './render';
import { editSheetXml, rowsEdit } from './sheetAppend';
import { mentions, renameInFormula, renameInXml } from './sheetNames';
import { StyleMerger } from './styles';
import { sheetKey, SourceWorkbook } from './xlsxReader';
import { attribute, element, elements, firstElement, localName, namespacePrefix, parseXml, prefixOf, serializeXml, textOf, XmlDocument, XmlElement } from './xml';

/**
 * Writes the output by patching the input package: every part of it stays byte for byte (the
 * user's sheets with their formatting, formulas, charts, pictures, validation, conditional formats
 * and print settings, none of which a full ExcelJS round trip keeps), except what a run changes —
 * our previous sheets are removed, the new ones transplanted from ExcelJS's rendering, rows appended
 * to an input sheet — with workbook.xml, its relationships, [Content_Types].xml and docProps/app.xml
 * kept consistent (unique sheet ids, defined names re-indexed, the active tab, no dangling parts).
 */
export interface PatchPlan {
  source: SourceWorkbook;
  /** New sheets in order; one named like an existing sheet takes that sheet's place. */
  added: RenderedSheet[];
  /** Existing sheets removed without a replacement. */
  removed: string[];
  /** Rows appended under the last row of existing sheets (and header cells added to their header row). */
  appends: { sheet: string; startRow: number; rows: Cell[][]; header?: { row: number; column: number; values: Cell[] } }[];
}

type Placed = { slot: Extract<Slot, { kind: 'new' }>; relId: string; sheetId: number; part: string };
type Slot = { kind: 'kept'; entry: SheetEntry; index: number } | { kind: 'new'; sheet: RenderedSheet; replaces: SheetEntry | null; index: number | null };

/** Parts that hold no references to sheets (the shared strings are the user's text). */
const NEVER_REFERS = /(^|\/)(sharedStrings|styles|theme\d*|calcChain|core|app|custom)\.xml$|^\[Content_Types\]\.xml$/i;
const SHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

export async function patchPackage(plan: PatchPlan): Promise<Buffer> {
  const { source } = plan;
  if (source.model.strict && (plan.added.length > 0 || plan.removed.length > 0)) throw new Error(IO_MESSAGES.strictWorkbook);
  // A private copy of the input's zip: entries we do not touch keep their compressed bytes.
  const out = await OpcPackage.load(source.bytes);
  const zip = out.zip;
  const model = source.model;
  const workbookDir = posix.dirname(model.part);

  // 1. Which sheet goes where.
  const slots: Slot[] = model.sheets.map((entry, index) => ({ kind: 'kept', entry, index }));
  const removedKeys = new Set(plan.removed.map(sheetKey));
  const dropped: SheetEntry[] = [];
  for (const slot of slots) if (slot.kind === 'kept' && removedKeys.has(sheetKey(slot.entry.name))) dropped.push(slot.entry);
  for (const sheet of plan.added) {
    const i = slots.findIndex((s) => s.kind === 'kept' && sheetKey(s.entry.name) === sheetKey(sheet.name));
    if (i >= 0) {
      const old = slots[i] as Extract<Slot, { kind: 'kept' }>;
      dropped.push(old.entry);
      slots[i] = { kind: 'new', sheet, replaces: old.entry, index: old.index };
    } else slots.push({ kind: 'new', sheet, replaces: null, index: null });
  }
  const final = slots.filter((s) => !(s.kind === 'kept' && removedKeys.has(sheetKey(s.entry.name))));

  // 2. Parts only the dropped sheets used go with them.
  const droppedParts = new Set(dropped.map((e) => e.part).filter((p): p is string => p !== null));
  const deleted = await unreachableAfterRemoval(out, droppedParts);
  const calcChain = (await out.relationships(model.part)).find((r) => isRelType(r.type, 'calcChain') && r.part !== null);
  // The calculation chain lists formula cells by sheet; with a sheet gone Excel would repair it. Excel rebuilds it.
  if (calcChain?.part && dropped.length > 0) deleted.add(out.find(calcChain.part) ?? calcChain.part);

  // 3. Styles of the new sheets merged into the package's.
  const stylesPart = model.styles ?? `${workbookDir}/styles.xml`;
  const firstRendered = plan.added[0];
  const stylesDoc = model.styles ? await out.xml(model.styles) : firstRendered ? await renderedStyles(firstRendered.pkg) : null;
  const merger = stylesDoc ? new StyleMerger(stylesDoc) : null;
  const styleMaps = new Map<OpcPackage, number[]>();
  for (const sheet of plan.added) {
    if (!styleMaps.has(sheet.pkg) && merger) styleMaps.set(sheet.pkg, merger.importCellFormats(await renderedStyles(sheet.pkg)));
  }

  // 4. The new sheets' parts, named so that they clash with nothing in the package.
  const taken = new Set(out.parts().map((p) => p.toLowerCase()));
  const contentTypes = new ContentTypes(await out.xml('[Content_Types].xml'));
  const workbookRels = await out.xml(relationshipsPart(model.part));
  const relIds = new Set(elements(workbookRels.root, 'Relationship').map((r) => attribute(r, 'Id') ?? ''));
  const maxSheetId = Math.max(0, ...model.sheets.map((s) => s.sheetId));
  let nextSheetId = maxSheetId + 1;
  const activeOld = await activeTab(out, model.part);
  const newIndex = new Map<number, number>();
  final.forEach((s, i) => {
    if (s.index !== null) newIndex.set(s.index, i);
  });
  const activeNew = newIndex.get(activeOld) ?? firstVisible(final);
  const placed: Placed[] = [];
  for (const slot of final) {
    if (slot.kind !== 'new') continue;
    const part = allocate(taken, `${workbookDir}/worksheets/sheet.xml`);
    const selected = final.indexOf(slot) === activeNew;
    await transplantSheet(zip, slot.sheet, part, taken, contentTypes, styleMaps.get(slot.sheet.pkg) ?? [], selected);
    const relId = allocateId(relIds);
    placed.push({ slot, relId, sheetId: nextSheetId++, part });
    elementsAppend(workbookRels.root, 'Relationship', { Id: relId, Type: REL_TYPES.worksheet, Target: relativeTarget(model.part, part) });
  }

  // 5. Sheets renamed because Excel cannot hold their names: the parts that refer to them follow.
  const renames = source.renames;
  if (renames.size > 0) {
    for (const part of out.parts()) {
      if (deleted.has(part) || !/\.xml$/i.test(part) || NEVER_REFERS.test(part) || placed.some((p) => p.part === part)) continue;
      const xml = await out.text(part);
      if (!mentions(xml, renames)) continue;
      const rewritten = renameInXml(xml, renames, /pivotCacheDefinition/i.test(part));
      if (rewritten !== xml) zip.file(part, rewritten);
    }
  }

  // 6. Appended rows: the sheet's XML spliced, the rest of it byte for byte.
  for (const append of plan.appends) {
    const sheet = source.sheet(append.sheet);
    if (!sheet?.entry.part) throw new Error(IO_MESSAGES.settingsSheetMissing(append.sheet));
    let dateStyle: number | null = null;
    const xml = editSheetXml(await out.buffer(sheet.entry.part), {
      cells: rowsEdit(Math.max(append.startRow, sheet.lastContentRow + 1), append.rows, append.header),
      date1904: model.date1904,
      dateStyle: () => {
        if (!merger) throw new Error(IO_MESSAGES.noStyles);
        dateStyle ??= merger.dateFormat('dd.mm.yyyy hh:mm');
        return dateStyle;
      },
    });
    zip.file(sheet.entry.part, xml);
  }

  // 7. Deleting what went.
  for (const part of deleted) {
    zip.remove(part);
    const rels = out.find(relationshipsPart(part));
    if (rels) zip.remove(rels);
    contentTypes.removeOverride(part);
  }
  const droppedRelIds = new Set(dropped.map((e) => e.relId));
  const deletedLower = new Set([...deleted].map((p) => p.toLowerCase()));
  workbookRels.root.children = workbookRels.root.children.filter((c) => {
    if (typeof c === 'string' || localName(c.name) !== 'Relationship') return true;
    const id = attribute(c, 'Id') ?? '';
    const target = attribute(c, 'TargetMode') === 'External' ? null : resolveTarget(model.part, attribute(c, 'Target') ?? '');
    return !droppedRelIds.has(id) && !(target && deletedLower.has(target.toLowerCase()));
  });

  // 8. The workbook part, its relationships, styles, content types, app properties.
  if (merger && (merger.modified || !model.styles)) {
    zip.file(stylesPart, serializeXml(merger.doc));
    if (!model.styles) {
      contentTypes.addOverride(stylesPart, STYLES_CT);
      elementsAppend(workbookRels.root, 'Relationship', { Id: allocateId(relIds), Type: STYLES_REL, Target: relativeTarget(model.part, stylesPart) });
    }
  }
  const workbookDoc = await out.xml(model.part);
  rewriteWorkbook(workbookDoc, final, placed, dropped, newIndex, activeNew, renames);
  zip.file(model.part, serializeXml(workbookDoc));
  zip.file(relationshipsPart(model.part), serializeXml(workbookRels));
  zip.file(out.find('[Content_Types].xml') ?? '[Content_Types].xml', serializeXml(contentTypes.doc));
  const worksheetNames = final.filter((s) => s.kind === 'new' || s.entry.kind === 'worksheet').map((s) => (s.kind === 'kept' ? renames.get(s.entry.name) ?? s.entry.name : s.sheet.name));
  await updateAppProperties(out, worksheetNames, dropped, final);

  // Level 3: the new parts compress to within a few per cent of level 6 in about half the time
  // (the input's parts are copied as they were compressed, whatever the level).
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: OUTPUT_LEVEL }, platform: 'DOS' });
}

const OUTPUT_LEVEL = 3;

// ---------------------------------------------------------------------------------------------
// Reachability

/** Parts reachable only through the dropped sheets (their comments, drawings, pictures…). */
async function unreachableAfterRemoval(pkg: OpcPackage, dropped: Set<string>): Promise<Set<string>> {
  const reach = async (starts: string[], blocked: Set<string>): Promise<Set<string>> => {
    const seen = new Set<string>();
    const queue = [...starts];
    while (queue.length > 0) {
      const part = queue.pop() as string;
      const key = part.toLowerCase();
      if (seen.has(key) || blocked.has(key)) continue;
      seen.add(key);
      for (const r of await pkg.relationships(part)) {
        if (r.part && pkg.has(r.part)) queue.push(pkg.find(r.part) as string);
      }
    }
    return seen;
  };
  if (dropped.size === 0) return new Set();
  const lower = new Set([...dropped].map((p) => p.toLowerCase()));
  const fromDropped = await reach([...dropped], new Set());
  const live = await reach([''], lower);
  const result = new Set<string>();
  for (const key of fromDropped) {
    if (key === '' || live.has(key)) continue;
    const name = pkg.parts().find((p) => p.toLowerCase() === key);
    if (name) result.add(name);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Transplanting a rendered sheet

async function renderedStyles(pkg: OpcPackage): Promise<XmlDocument> {
  const model = await readWorkbookModel(pkg);
  if (!model.styles) throw new Error('внутренняя ошибка: у листа ExcelJS нет стилей');
  return pkg.xml(model.styles);
}

async function transplantSheet(
  zip: JSZip,
  sheet: RenderedSheet,
  part: string,
  taken: Set<string>,
  contentTypes: ContentTypes,
  styleMap: number[],
  selected: boolean,
): Promise<void> {
  const src = sheet.pkg;
  const srcTypes = new ContentTypes(await src.xml('[Content_Types].xml'));
  const shared = await sharedStringsXml(src);
  // Related parts (comments, their drawing, pictures) first: the sheet's relationships point at their new names.
  const renamed = new Map<string, string>();
  const copyRelated = async (from: string, to: string): Promise<void> => {
    const rels = await src.relationships(from);
    if (rels.length === 0) return;
    const relsDoc = await src.xml(relationshipsPart(from));
    for (const rel of elements(relsDoc.root, 'Relationship')) {
      if (attribute(rel, 'TargetMode') === 'External') continue;
      const target = resolveTarget(from, attribute(rel, 'Target') ?? '');
      if (!src.has(target)) continue;
      let newName = renamed.get(target);
      if (!newName) {
        newName = allocate(taken, posix.join(posix.dirname(part), posix.relative(posix.dirname(sheet.part), target)));
        renamed.set(target, newName);
        zip.file(newName, await src.buffer(target));
        contentTypes.adopt(newName, srcTypes.typeOf(target));
        await copyRelated(target, newName);
      }
      rel.attrs.Target = relativeTarget(to, newName);
    }
    zip.file(relationshipsPart(to), serializeXml(relsDoc));
  };
  await copyRelated(sheet.part, part);

  // Piped, not read whole: the source pauses until the zip writer asks for more.
  const stream = src.readStream(sheet.part).pipe(new RowsTransform(sheetTransform(styleMap, shared, selected)));
  zip.file(part, stream as unknown as NodeJS.ReadableStream);
  contentTypes.adopt(part, SHEET_CT);
}

/** Applies a text transform to whole rows of a sheet's XML as it streams by. */
class RowsTransform extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';

  constructor(private readonly apply: (xml: string) => string) {
    super();
  }

  _transform(chunk: Buffer, _encoding: string, done: TransformCallback): void {
    try {
      this.carry += this.decoder.write(chunk);
      const cut = this.carry.lastIndexOf('</row>');
      if (cut >= 0) {
        this.push(Buffer.from(this.apply(this.carry.slice(0, cut + 6)), 'utf8'));
        this.carry = this.carry.slice(cut + 6);
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  _flush(done: TransformCallback): void {
    try {
      this.push(Buffer.from(this.apply(this.carry + this.decoder.end()), 'utf8'));
      done();
    } catch (error) {
      done(error as Error);
    }
  }
}

/** Raw XML inside each <si> of the rendered package (its rich text becomes an inline string as is). */
async function sharedStringsXml(pkg: OpcPackage): Promise<string[]> {
  const model = await readWorkbookModel(pkg);
  if (!model.sharedStrings) return [];
  const text = await pkg.text(model.sharedStrings);
  return [...text.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? '');
}

/**
 * ExcelJS's sheet XML made to fit the package: cell formats renumbered, strings written inline (the
 * package's shared string table stays as it is), and no selected tab unless it is the active one.
 * The XML is ExcelJS's own, so its tags can be matched exactly.
 */
function sheetTransform(styleMap: number[], shared: string[], selected: boolean): (xml: string) => string {
  const style = (s: string) => String(styleMap[Number(s)] ?? 0);
  // ExcelJS writes a cell's attributes in the order r, s, t.
  const cell = /<c r="([^"]*)"(?: s="(\d+)")?(?: t="(\w+)")?(?:\/>|>([\s\S]*?)<\/c>)/g;
  return (xml) =>
    xml
      .replace(cell, (_m, r: string, s: string | undefined, t: string | undefined, inner: string | undefined) => {
        const head = `<c r="${r}"${s === undefined ? '' : ` s="${style(s)}"`}`;
        if (t === 's' || t === 'str') {
          const at = inner === undefined ? -1 : inner.indexOf('<v>');
          const v = at < 0 ? '' : (inner as string).slice(at + 3, (inner as string).indexOf('</v>', at));
          const body = t === 's' ? shared[Number(v)] ?? '' : `<t xml:space="preserve">${v}</t>`;
          return `${head} t="inlineStr"><is>${body}</is></c>`;
        }
        const type = t === undefined ? '' : ` t="${t}"`;
        return inner === undefined ? `${head}${type}/>` : `${head}${type}>${inner}</c>`;
      })
      .replace(/<row ([^>]*?) s="(\d+)"/g, (_m, before: string, s: string) => `<row ${before} s="${style(s)}"`)
      .replace(/<col ([^>]*?) style="(\d+)"/g, (_m, before: string, s: string) => `<col ${before} style="${style(s)}"`)
      .replace(/<sheetView(\s[^>]*?)? tabSelected="1"/g, '<sheetView$1')
      .replace(/<sheetView(?=[\s/>])/, selected ? '<sheetView tabSelected="1"' : '<sheetView');
}

/** A free part name like `pattern` («xl/worksheets/sheet.xml» → «xl/worksheets/sheet7.xml»). */
function allocate(taken: Set<string>, pattern: string): string {
  const dir = posix.dirname(pattern);
  const base = posix.basename(pattern);
  const m = /^(.*?)(\d*)(\.[^.]*)?$/.exec(base) as RegExpExecArray;
  const stem = m[1];
  const ext = m[3] ?? '';
  for (let n = 1; ; n++) {
    const name = `${dir}/${stem}${n}${ext}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function allocateId(ids: Set<string>): string {
  for (let n = ids.size + 1; ; n++) {
    const id = `rId${n}`;
    if (!ids.has(id)) {
      ids.add(id);
      return id;
    }
  }
}

function elementsAppend(parent: XmlElement, local: string, attrs: Record<string, string>): void {
  parent.children.push(element(prefixOf(parent.name), local, attrs));
}

// ---------------------------------------------------------------------------------------------
// [Content_Types].xml

class ContentTypes {
  constructor(readonly doc: XmlDocument) {}

  private get prefix(): string {
    return prefixOf(this.doc.root.name);
  }

  typeOf(part: string): string | null {
    const name = `/${part}`.toLowerCase();
    for (const o of elements(this.doc.root, 'Override')) if ((attribute(o, 'PartName') ?? '').toLowerCase() === name) return attribute(o, 'ContentType') ?? null;
    const ext = posix.extname(part).slice(1).toLowerCase();
    for (const d of elements(this.doc.root, 'Default')) if ((attribute(d, 'Extension') ?? '').toLowerCase() === ext) return attribute(d, 'ContentType') ?? null;
    return null;
  }

  /** Declares a new part's type: by its extension when the package's default for it is that type, otherwise by name. */
  adopt(part: string, type: string | null): void {
    if (!type) return;
    const ext = posix.extname(part).slice(1).toLowerCase();
    const byDefault = elements(this.doc.root, 'Default').find((d) => (attribute(d, 'Extension') ?? '').toLowerCase() === ext);
    if (byDefault && attribute(byDefault, 'ContentType') === type) return;
    if (!byDefault && ext && ext !== 'xml' && !part.endsWith('.xml')) {
      this.doc.root.children.unshift(element(this.prefix, 'Default', { Extension: ext, ContentType: type }));
      return;
    }
    this.addOverride(part, type);
  }

  addOverride(part: string, type: string): void {
    this.removeOverride(part);
    this.doc.root.children.push(element(this.prefix, 'Override', { PartName: `/${part}`, ContentType: type }));
  }

  removeOverride(part: string): void {
    const name = `/${part}`.toLowerCase();
    this.doc.root.children = this.doc.root.children.filter(
      (c) => typeof c === 'string' || localName(c.name) !== 'Override' || (attribute(c, 'PartName') ?? '').toLowerCase() !== name,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// workbook.xml

async function activeTab(pkg: OpcPackage, part: string): Promise<number> {
  const doc = await pkg.xml(part);
  const views = firstElement(doc.root, 'bookViews');
  const view = views ? firstElement(views, 'workbookView') : undefined;
  return Number((view && attribute(view, 'activeTab')) ?? 0) || 0;
}

function firstVisible(final: Slot[]): number {
  const i = final.findIndex((s) => s.kind === 'new' || s.entry.state === 'visible');
  return Math.max(0, i);
}

function rewriteWorkbook(doc: XmlDocument, final: Slot[], placed: Placed[], dropped: SheetEntry[], newIndex: Map<number, number>, active: number, renames: Map<string, string>): void {
  const root = doc.root;
  const p = prefixOf(root.name);
  let rPrefix = namespacePrefix(root, RELATIONSHIPS_NS);
  if (rPrefix === null || rPrefix === '') {
    rPrefix = root.attrs['xmlns:r'] === undefined ? 'r:' : 'shnorRel:';
    root.attrs[`xmlns:${rPrefix.slice(0, -1)}`] = RELATIONSHIPS_NS;
  }

  // <sheets>: kept elements as written, new ones in their slots.
  const sheets = firstElement(root, 'sheets') ?? insertAfter(root, element(p, 'sheets'), ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews']);
  const oldElements = elements(sheets, 'sheet');
  sheets.children = final.map((slot) => {
    if (slot.kind === 'kept') {
      const kept = oldElements[slot.index];
      const to = renames.get(slot.entry.name);
      if (to) for (const name of Object.keys(kept.attrs)) if (localName(name) === 'name') kept.attrs[name] = to;
      return kept;
    }
    const info = placed.find((x) => x.slot === slot) as (typeof placed)[number];
    return element(p, 'sheet', { name: slot.sheet.name, sheetId: String(info.sheetId), [`${rPrefix}id`]: info.relId });
  });

  // Defined names: sheet-scoped ones follow their sheet (and go with it); print titles of the new sheets.
  const droppedNames = new Set(dropped.filter((e) => !final.some((s) => s.kind === 'new' && sheetKey(s.sheet.name) === sheetKey(e.name))).map((e) => e.name));
  let names = firstElement(root, 'definedNames');
  const kept: XmlElement[] = [];
  for (const dn of names ? elements(names, 'definedName') : []) {
    const local = attribute(dn, 'localSheetId');
    if (local !== undefined) {
      const to = newIndex.get(Number(local));
      const slot = to === undefined ? undefined : final[to];
      if (to === undefined || !slot || slot.kind !== 'kept') continue;
      dn.attrs.localSheetId = String(to);
    }
    for (const name of droppedNames) refToRemoved(dn, name);
    if (renames.size > 0) dn.children = [renameInFormula(textOf(dn), renames)];
    kept.push(dn);
  }
  for (const info of placed) {
    const titles = info.slot.sheet.printTitles;
    if (!titles) continue;
    const quoted = `'${info.slot.sheet.name.replace(/'/g, "''")}'`;
    const refs: string[] = [];
    if (titles.columns) refs.push(`${quoted}!$${columnName(titles.columns.first)}:$${columnName(titles.columns.last)}`);
    if (titles.rows) refs.push(`${quoted}!$${titles.rows.first}:$${titles.rows.last}`);
    kept.push(element(p, 'definedName', { name: '_xlnm.Print_Titles', localSheetId: String(final.indexOf(info.slot)) }, [refs.join(',')]));
  }
  if (kept.length > 0) {
    names ??= insertAfter(root, element(p, 'definedNames'), ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences']);
    names.children = kept;
  } else if (names) root.children = root.children.filter((c) => c !== names);

  // The tab shown on opening.
  const views = firstElement(root, 'bookViews');
  for (const view of views ? elements(views, 'workbookView') : []) {
    if (attribute(view, 'activeTab') !== undefined || active !== 0) view.attrs.activeTab = String(active);
    if (attribute(view, 'firstSheet') !== undefined) view.attrs.firstSheet = String(Math.min(Number(view.attrs.firstSheet) || 0, active));
  }

  // Formulas of the user's sheets may read the replaced sheets: Excel recalculates on opening.
  if (dropped.length > 0 || placed.length > 0) {
    const calc = firstElement(root, 'calcPr') ?? insertAfter(root, element(p, 'calcPr'), ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames']);
    calc.attrs.fullCalcOnLoad = '1';
  }
}

/** A defined name pointing at a sheet that is gone points at #REF!, as Excel does when a sheet is deleted. */
function refToRemoved(dn: XmlElement, sheet: string): void {
  const text = textOf(dn);
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? `${sheet}!` : null;
  if (!text.includes(quoted) && !(bare && text.includes(bare))) return;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?:${escape(quoted)}${bare ? `|(?<![\\p{L}\\p{N}_.'])${escape(bare)}` : ''})[$A-Za-z0-9:]*`, 'gu');
  dn.children = [text.replace(pattern, '#REF!')];
}

function insertAfter(root: XmlElement, created: XmlElement, before: string[]): XmlElement {
  let at = 0;
  root.children.forEach((c, i) => {
    if (typeof c !== 'string' && before.includes(localName(c.name))) at = i + 1;
  });
  root.children.splice(at, 0, created);
  return created;
}

function columnName(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// docProps/app.xml

/**
 * «TitlesOfParts» lists the sheet names (then named ranges) and «HeadingPairs» counts them. When the
 * part is in the usual shape, the sheet names are brought up to date; otherwise it is left alone
 * (Excel rewrites it on saving and nothing reads it for the content).
 */
async function updateAppProperties(pkg: OpcPackage, names: string[], dropped: SheetEntry[], final: Slot[]): Promise<void> {
  const rel = (await pkg.relationships('')).find((r) => isRelType(r.type, 'extended-properties') && r.part && pkg.has(r.part));
  if (!rel?.part) return;
  const part = pkg.find(rel.part) as string;
  let doc: XmlDocument;
  try {
    doc = parseXml(await pkg.text(part));
  } catch {
    return;
  }
  const heading = firstElement(doc.root, 'HeadingPairs');
  const titles = firstElement(doc.root, 'TitlesOfParts');
  const headingVector = heading ? firstElement(heading, 'vector') : undefined;
  const titlesVector = titles ? firstElement(titles, 'vector') : undefined;
  if (!headingVector || !titlesVector) return;
  const variants = elements(headingVector, 'variant');
  const entries = elements(titlesVector, 'lpstr');
  const oldNames = new Set(final.filter((s) => s.kind === 'kept').map((s) => (s as Extract<Slot, { kind: 'kept' }>).entry.name).concat(dropped.map((d) => d.name)));
  let offset = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const countElement = firstElement(variants[i + 1], 'i4');
    const count = Number(countElement ? textOf(countElement) : NaN);
    if (!countElement || !Number.isInteger(count)) return;
    const segment = entries.slice(offset, offset + count);
    if (segment.length > 0 && segment.every((e) => oldNames.has(textOf(e)))) {
      const lp = prefixOf(segment[0].name);
      const replacement = names.map((n) => element(lp, 'lpstr', {}, [n]));
      const before = titlesVector.children.filter((c) => typeof c !== 'string').slice(0, offset);
      const after = titlesVector.children.filter((c) => typeof c !== 'string').slice(offset + count);
      titlesVector.children = [...before, ...replacement, ...after];
      titlesVector.attrs.size = String(before.length + replacement.length + after.length);
      countElement.children = [String(names.length)];
      pkg.zip.file(part, serializeXml(doc));
      return;
    }
    offset += count;
  }
}

