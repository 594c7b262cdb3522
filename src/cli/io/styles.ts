import { attribute, canonical, element, elements, firstElement, localName, prefixOf, XmlDocument, XmlElement } from './xml';

/**
 * Merges the cell formats of rendered sheets into the package's styles.xml. Everything already
 * there keeps its index (the user's sheets refer to them); a format, font, fill, border or number
 * format the package already has (the same record, prefixes and attribute order aside) is reused,
 * so running again on our own output does not grow the file.
 */
export class StyleMerger {
  private readonly prefix: string;
  private changed = false;
  private readonly index = new Map<string, Map<string, number>>();

  constructor(readonly doc: XmlDocument) {
    this.prefix = prefixOf(doc.root.name);
  }

  get modified(): boolean {
    return this.changed;
  }

  /** Source cellXfs index → index in this package, for every format of `source`. */
  importCellFormats(source: XmlDocument): number[] {
    const src = source.root;
    const srcFonts = list(src, 'fonts', 'font');
    const srcFills = list(src, 'fills', 'fill');
    const srcBorders = list(src, 'borders', 'border');
    const srcFormats = new Map(list(src, 'numFmts', 'numFmt').map((f) => [attribute(f, 'numFmtId') ?? '', attribute(f, 'formatCode') ?? '']));
    return list(src, 'cellXfs', 'xf').map((xf) => {
      const attrs: Record<string, string> = {};
      for (const [name, value] of Object.entries(xf.attrs)) attrs[localName(name)] = value;
      const numFmtId = Number(attrs.numFmtId ?? 0);
      if (numFmtId >= 164 && srcFormats.has(String(numFmtId))) attrs.numFmtId = String(this.numberFormat(srcFormats.get(String(numFmtId)) as string));
      if (attrs.fontId !== undefined) attrs.fontId = String(this.record('fonts', srcFonts[Number(attrs.fontId)]));
      if (attrs.fillId !== undefined) attrs.fillId = String(this.record('fills', srcFills[Number(attrs.fillId)]));
      if (attrs.borderId !== undefined) attrs.borderId = String(this.record('borders', srcBorders[Number(attrs.borderId)]));
      // The rendered package's only cell style is «Normal»: ours is the package's «Normal».
      if (attrs.xfId !== undefined) {
        if (list(this.doc.root, 'cellStyleXfs', 'xf').length > 0) attrs.xfId = '0';
        else delete attrs.xfId;
      }
      const children = elements(xf).map((c) => this.adopt(c));
      return this.append('cellXfs', element(this.prefix, 'xf', attrs, children));
    });
  }

  /** A cell format showing dates and times, for values appended to a user's sheet. */
  dateFormat(code: string): number {
    const id = this.numberFormat(code);
    return this.append('cellXfs', element(this.prefix, 'xf', { numFmtId: String(id), fontId: '0', fillId: '0', borderId: '0', applyNumberFormat: '1', ...(list(this.doc.root, 'cellStyleXfs', 'xf').length > 0 ? { xfId: '0' } : {}) }));
  }

  private numberFormat(code: string): number {
    const formats = this.section('numFmts');
    for (const f of elements(formats, 'numFmt')) if (attribute(f, 'formatCode') === code) return Number(attribute(f, 'numFmtId'));
    const used = elements(formats, 'numFmt').map((f) => Number(attribute(f, 'numFmtId') ?? 0));
    const id = Math.max(163, ...used) + 1;
    formats.children.push(element(this.prefix, 'numFmt', { numFmtId: String(id), formatCode: code }));
    formats.attrs.count = String(elements(formats, 'numFmt').length);
    this.changed = true;
    return id;
  }

  /** Index of an equal font/fill/border in this package, appending it when there is none. */
  private record(section: 'fonts' | 'fills' | 'borders', source: XmlElement | undefined): number {
    if (!source) return 0;
    return this.append(section, this.adopt(source));
  }

  private append(section: string, record: XmlElement): number {
    const parent = this.section(section);
    let known = this.index.get(section);
    if (!known) {
      known = new Map();
      elements(parent).forEach((e, i) => {
        const key = canonical(e);
        if (!known?.has(key)) known?.set(key, i);
      });
      this.index.set(section, known);
    }
    const key = canonical(record);
    const found = known.get(key);
    if (found !== undefined) return found;
    const i = elements(parent).length;
    parent.children.push(record);
    parent.attrs.count = String(i + 1);
    known.set(key, i);
    this.changed = true;
    return i;
  }

  /** A copy of a source record named with this package's prefix. */
  private adopt(source: XmlElement): XmlElement {
    const attrs: Record<string, string> = {};
    for (const [name, value] of Object.entries(source.attrs)) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) attrs[name.includes(':') ? name : localName(name)] = value;
    }
    return element(this.prefix, localName(source.name), attrs, source.children.map((c) => (typeof c === 'string' ? c : this.adopt(c))));
  }

  /** The section element, created in the order CT_Stylesheet requires when the package has none. */
  private section(local: string): XmlElement {
    const root = this.doc.root;
    const existing = firstElement(root, local);
    if (existing) return existing;
    const created = element(this.prefix, local, { count: '0' });
    const after = SECTION_ORDER.slice(0, SECTION_ORDER.indexOf(local));
    let at = 0;
    root.children.forEach((c, i) => {
      if (typeof c !== 'string' && after.includes(localName(c.name))) at = i + 1;
    });
    root.children.splice(at, 0, created);
    this.changed = true;
    return created;
  }
}

const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

function list(root: XmlElement, section: string, item: string): XmlElement[] {
  const parent = firstElement(root, section);
  return parent ? elements(parent, item) : [];
}
