import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { posix } from 'path';
import { StringDecoder } from 'string_decoder';
import { IO_MESSAGES } from './messages';
import { attribute, elements, firstElement, localName, parseXml, XmlDocument } from './xml';

/**
 * An Open Packaging Convention package (.xlsx) held as its zip: parts are found by name without
 * regard to case (as OPC says) and through relationships, read whole when small or as a stream,
 * and — for the writer — kept byte for byte unless replaced.
 */
/** saxes reports «line:column: message»; the line is what a person can look up. */
export function xmlErrorLine(error: Error): number | null {
  const m = /^(?:[^:]*:)?(\d+):\d+:/.exec(error.message);
  return m ? Number(m[1]) : null;
}

export class OpcPackage {
  private readonly names = new Map<string, string>();

  private constructor(readonly zip: JSZip) {
    zip.forEach((relativePath, file) => {
      if (!file.dir) this.names.set(relativePath.toLowerCase(), relativePath);
    });
  }

  static async load(data: Buffer): Promise<OpcPackage> {
    return new OpcPackage(await JSZip.loadAsync(data, { checkCRC32: false }));
  }

  /** The part's name as stored, or null when absent. */
  find(part: string): string | null {
    return this.names.get(part.toLowerCase()) ?? null;
  }

  has(part: string): boolean {
    return this.find(part) !== null;
  }

  parts(): string[] {
    return [...this.names.values()];
  }

  async text(part: string): Promise<string> {
    return this.file(part).async('string');
  }

  async buffer(part: string): Promise<Buffer> {
    return this.file(part).async('nodebuffer');
  }

  async xml(part: string): Promise<XmlDocument> {
    let text: string;
    try {
      text = await this.text(part);
    } catch {
      throw new Error(IO_MESSAGES.brokenPart(part));
    }
    try {
      return parseXml(text);
    } catch (error) {
      throw new Error(IO_MESSAGES.brokenPartXml(part, xmlErrorLine(error as Error)));
    }
  }

  /** Feeds the part's text to `consume` chunk by chunk (UTF-8 split safely), never holding it whole. */
  streamText(part: string, consume: (chunk: string) => void): Promise<void> {
    const decoder = new StringDecoder('utf8');
    return new Promise((resolve, reject) => {
      this.file(part)
        .nodeStream('nodebuffer')
        .on('data', (chunk: Buffer) => {
          try {
            consume(decoder.write(chunk));
          } catch (error) {
            reject(error);
          }
        })
        .on('error', reject)
        .on('end', () => {
          try {
            consume(decoder.end());
            resolve();
          } catch (error) {
            reject(error);
          }
        });
    });
  }

  /**
   * The line of the first XML error in a part, for the message: readers parse without tracking
   * positions (faster) and call this only when they have failed.
   */
  async xmlErrorLine(part: string): Promise<number | null> {
    const parser = new SaxesParser({ xmlns: false, position: true });
    let line: number | null = null;
    parser.on('error', (e) => {
      line ??= xmlErrorLine(e);
    });
    try {
      await this.streamText(part, (chunk) => {
        if (line === null) parser.write(chunk);
      });
      if (line === null) parser.close();
    } catch {
      // the bytes themselves are damaged: no line to give
    }
    return line;
  }

  /** The part's bytes as a stream that pauses when its reader does. */
  readStream(part: string): NodeJS.ReadableStream {
    return this.file(part).nodeStream('nodebuffer');
  }

  private file(part: string): JSZip.JSZipObject {
    const name = this.find(part);
    const file = name === null ? null : this.zip.file(name);
    if (!file) throw new Error(`в книге нет части ${part}`);
    return file;
  }

  /** The relationships of a part ('' is the package itself), in document order. */
  async relationships(source: string): Promise<Relationship[]> {
    const relsPart = relationshipsPart(source);
    if (!this.has(relsPart)) return [];
    const doc = await this.xml(relsPart);
    return elements(doc.root, 'Relationship').map((r) => {
      const external = attribute(r, 'TargetMode') === 'External';
      const target = attribute(r, 'Target') ?? '';
      return {
        id: attribute(r, 'Id') ?? '',
        type: attribute(r, 'Type') ?? '',
        target,
        external,
        part: external ? null : resolveTarget(source, target),
      };
    });
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points to (resolved against the source), null for an external target. */
  part: string | null;
}

/** 'xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'; '' → '_rels/.rels'. */
export function relationshipsPart(source: string): string {
  const dir = posix.dirname(source);
  const base = posix.basename(source);
  return source === '' ? '_rels/.rels' : `${dir === '.' ? '' : `${dir}/`}_rels/${base}.rels`;
}

/** A relationship target as a part name: relative to the source's folder, or absolute from the root. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target.replace(/\\/g, '/');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // a stray «%» is a literal character
  }
  const base = source === '' ? '/' : `/${posix.dirname(source)}/`;
  const resolved = posix.normalize(decoded.startsWith('/') ? decoded : posix.join(base, decoded));
  return resolved.replace(/^\/+/, '');
}

/** The target to write in a relationship of `source` pointing at `part`. */
export function relativeTarget(source: string, part: string): string {
  const from = source === '' ? '' : posix.dirname(source);
  return posix.relative(from === '.' ? '' : from, part);
}

/** Relationship types are compared by their last segment: transitional and strict URIs both end in it. */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

export const REL_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
} as const;

export const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const STRICT_SPREADSHEET_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

// ---------------------------------------------------------------------------------------------
// The workbook part

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** 'visible' | 'hidden' | 'veryHidden' */
  state: string;
  /** The part holding the sheet, null when its relationship is missing. */
  part: string | null;
  kind: 'worksheet' | 'chartsheet' | 'other';
}

export interface WorkbookModel {
  part: string;
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
  strict: boolean;
}

export async function readWorkbookModel(pkg: OpcPackage): Promise<WorkbookModel> {
  const root = (await pkg.relationships('')).find((r) => isRelType(r.type, 'officeDocument') && r.part !== null);
  const part = root?.part ?? (pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  if (part === null || !pkg.has(part)) throw new Error('в пакете нет книги (workbook.xml)');
  const doc = await pkg.xml(part);
  const rels = await pkg.relationships(part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheetsElement = firstElement(doc.root, 'sheets');
  const sheets: SheetEntry[] = (sheetsElement ? elements(sheetsElement, 'sheet') : []).map((s) => {
    const relId = attribute(s, 'id') ?? '';
    const rel = byId.get(relId);
    const kind = !rel ? 'other' : isRelType(rel.type, 'worksheet') ? 'worksheet' : isRelType(rel.type, 'chartsheet') ? 'chartsheet' : 'other';
    return {
      name: (attribute(s, 'name') ?? '').normalize('NFC'),
      sheetId: Number(attribute(s, 'sheetId') ?? 0),
      relId,
      state: attribute(s, 'state') ?? 'visible',
      part: rel?.part && pkg.has(rel.part) ? (pkg.find(rel.part) as string) : null,
      kind,
    };
  });
  const workbookPr = firstElement(doc.root, 'workbookPr');
  const date1904 = workbookPr ? /^(1|true)$/.test(attribute(workbookPr, 'date1904') ?? '') : false;
  const related = (kind: string) => {
    const rel = rels.find((r) => isRelType(r.type, kind) && r.part !== null && pkg.has(r.part));
    return rel ? (pkg.find(rel.part as string) as string) : null;
  };
  return {
    part,
    sheets,
    date1904,
    sharedStrings: related('sharedStrings'),
    styles: related('styles'),
    strict: localName(doc.root.name) === 'workbook' && Object.values(doc.root.attrs).includes(STRICT_SPREADSHEET_NS),
  };
}
