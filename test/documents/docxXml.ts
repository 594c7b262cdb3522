/**
 * Reading a .docx back the way Word does: unzip it and look at the XML of the body. Enough of
 * WordprocessingML for the tests: paragraphs with their style and text, tables with their rows
 * (header and cannot-split flags) and cells, pictures and their size.
 */
import JSZip from 'jszip';

export interface DocxParagraph {
  style: string | null;
  text: string;
  pageBreakBefore: boolean;
}

export interface DocxRow {
  header: boolean;
  cantSplit: boolean;
  cells: string[];
}

export interface DocxPackage {
  files: string[];
  document: string;
  read(path: string): Promise<Buffer>;
  text(path: string): Promise<string>;
}

export async function openDocx(bytes: Uint8Array): Promise<DocxPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const document = await zip.file('word/document.xml')?.async('string');
  if (!document) throw new Error('word/document.xml is missing');
  return {
    files,
    document,
    read: async (path) => Buffer.from((await zip.file(path)?.async('uint8array')) ?? new Uint8Array()),
    text: async (path) => (await zip.file(path)?.async('string')) ?? '',
  };
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of a piece of XML: its w:t runs joined. */
export function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('');
}

/** Body paragraphs outside tables, in order. */
export function paragraphs(document: string): DocxParagraph[] {
  const withoutTables = document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...withoutTables.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1])?.[1] ?? null,
    text: xmlText(m[1]),
    pageBreakBefore: /<w:pageBreakBefore\/>|<w:pageBreakBefore w:val="(true|1|on)"\/>/.test(m[1]),
  }));
}

/** An on/off property: present without w:val, or with a w:val other than off/false/0. */
function flag(xml: string, name: string): boolean {
  const m = new RegExp(`<w:${name}(?:\\s+w:val="([^"]*)")?\\s*/>`).exec(xml);
  return m !== null && !['off', 'false', '0'].includes(m[1] ?? '');
}

export function tables(document: string): DocxRow[][] {
  return [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) => {
      const props = /<w:trPr>([\s\S]*?)<\/w:trPr>/.exec(r[1])?.[1] ?? '';
      return {
        header: flag(props, 'tblHeader'),
        cantSplit: flag(props, 'cantSplit'),
        cells: [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => xmlText(c[1])),
      };
    }),
  );
}

/** Every w:t text of the document body. */
export function allTexts(document: string): string[] {
  return [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]));
}
