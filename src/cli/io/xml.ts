import { SaxesParser } from 'saxes';

/**
 * A small XML tree for the package's little parts (workbook, relationships, content types, styles,
 * app properties): parsed by saxes, changed, and written back with every element, attribute and
 * namespace declaration it had. Names stay qualified as written («x:sheet»); `local` drops the prefix.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export interface XmlDocument {
  /** The XML declaration as written, or the standard one. */
  declaration: string;
  root: XmlElement;
}

const STANDARD_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export function parseXml(text: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const pushText = (text: string) => {
    const parent = stack[stack.length - 1];
    if (parent && text !== '') parent.children.push(text);
  };
  parser.on('text', pushText);
  parser.on('cdata', pushText);
  parser.write(text.replace(/^\uFEFF/, '')).close();
  if (error) throw error;
  if (!root) throw new Error('пустой XML');
  const declaration = /^\uFEFF?(<\?xml[^?]*\?>)/.exec(text)?.[1] ?? STANDARD_DECLARATION;
  return { declaration, root };
}

export function serializeXml(doc: XmlDocument): string {
  const out: string[] = [doc.declaration];
  if (!doc.declaration.endsWith('\n')) out.push('\n');
  writeElement(doc.root, out);
  return out.join('');
}

function writeElement(element: XmlElement, out: string[]): void {
  out.push(`<${element.name}`);
  for (const [name, value] of Object.entries(element.attrs)) out.push(` ${name}="${escapeAttribute(value)}"`);
  if (element.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of element.children) {
    if (typeof child === 'string') out.push(escapeText(child));
    else writeElement(child, out);
  }
  out.push(`</${element.name}>`);
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** «x:sheet» → «sheet». */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** «x:sheet» → «x:»; «sheet» → «». */
export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

export function elements(parent: XmlElement, local?: string): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => typeof c !== 'string' && (local === undefined || localName(c.name) === local));
}

export function firstElement(parent: XmlElement, local: string): XmlElement | undefined {
  return elements(parent, local)[0];
}

/** An attribute by its local name («r:id» is found as «id» when no unprefixed «id» exists). */
export function attribute(element: XmlElement, local: string): string | undefined {
  if (local in element.attrs) return element.attrs[local];
  for (const [name, value] of Object.entries(element.attrs)) if (localName(name) === local && name.includes(':')) return value;
  return undefined;
}

export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** A new element named with the prefix its siblings use. */
export function element(prefix: string, local: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  return { name: `${prefix}${local}`, attrs, children };
}

/** The prefix (with colon) bound to a namespace on this element, '' for the default one, null when unbound. */
export function namespacePrefix(element: XmlElement, uri: string): string | null {
  for (const [name, value] of Object.entries(element.attrs)) {
    if (value !== uri) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return null;
}

/**
 * The canonical text of an element, for telling two style records apart: prefixes dropped,
 * attributes sorted, whitespace between elements ignored.
 */
export function canonical(element: XmlElement): string {
  const attrs = Object.entries(element.attrs)
    .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'))
    .map(([name, value]) => `${localName(name)}=${JSON.stringify(value)}`)
    .sort()
    .join(' ');
  const children = element.children
    .map((c) => (typeof c === 'string' ? (c.trim() === '' ? '' : JSON.stringify(c)) : canonical(c)))
    .join('');
  return `<${localName(element.name)} ${attrs}>${children}</>`;
}
