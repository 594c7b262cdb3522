import { SaxesParser } from 'saxes';

/** A <text> of a vega SVG: its absolute anchor, lines (one per <tspan>), style and the role of its mark. */
export interface SvgText {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  lines: string[];
  fontSize: number;
  fontWeight?: string;
  role: string;
  /** Line advance of the <tspan>s after the first. */
  lineStep: number;
  /** Rotation in degrees (vega rotates only the vertical axis titles, by −90). */
  angle: number;
}

export interface SvgDocument {
  width: number;
  height: number;
  texts: SvgText[];
  /** aria-label of every mark item that has one (vega writes a mark's description there). */
  ariaLabels: string[];
}

/** A vega transform: `translate(x,y)`, or `translate(x,y) rotate(a) translate(…)` for rotated text. */
function parseTransform(transform: string | undefined): { dx: number; dy: number; angle: number } {
  if (!transform) return { dx: 0, dy: 0, angle: 0 };
  const m = /^translate\(([-\d.e]+),\s*([-\d.e]+)\)(?:\s+rotate\(([-\d.e]+)\)(?:\s+translate\(([-\d.e]+),\s*([-\d.e]+)\))?)?$/.exec(transform.trim());
  if (!m) throw new Error(`unexpected transform «${transform}»`);
  return { dx: Number(m[1]), dy: Number(m[2]), angle: m[3] ? Number(m[3]) : 0 };
}

/** Reads a vega SVG: vega positions everything with nested translate() transforms, which are summed here. */
export function readSvg(svg: string): SvgDocument {
  const parser = new SaxesParser({ xmlns: true });
  const stack: { x: number; y: number; role: string }[] = [{ x: 0, y: 0, role: '' }];
  const doc: SvgDocument = { width: 0, height: 0, texts: [], ariaLabels: [] };
  let text: SvgText | null = null;
  let inTspan = false;
  parser.on('opentag', (t) => {
    const attr = (name: string) => (t.attributes[name] as { value: string } | undefined)?.value;
    const top = stack[stack.length - 1];
    const { dx, dy, angle } = parseTransform(attr('transform'));
    const cls = attr('class') ?? '';
    const role = /role-([\w-]+)/.exec(cls)?.[1] ?? top.role;
    stack.push({ x: top.x + dx, y: top.y + dy, role });
    if (t.local === 'svg') {
      doc.width = Number(attr('width'));
      doc.height = Number(attr('height'));
    }
    const aria = attr('aria-label');
    if (aria) doc.ariaLabels.push(aria);
    if (t.local === 'text') {
      const anchor = (attr('text-anchor') ?? 'start') as SvgText['anchor'];
      text = { x: top.x + dx, y: top.y + dy, anchor, lines: [], fontSize: parseFloat(attr('font-size') ?? '11'), fontWeight: attr('font-weight'), role, lineStep: 0, angle };
    }
    if (t.local === 'tspan' && text) {
      inTspan = true;
      text.lines.push('');
      const step = Number(attr('dy') ?? 0);
      if (step) text.lineStep = step;
    }
  });
  parser.on('text', (s) => {
    if (!text) return;
    if (!inTspan && text.lines.length === 0) text.lines.push('');
    text.lines[text.lines.length - 1] += s;
  });
  parser.on('closetag', (t) => {
    stack.pop();
    if (t.local === 'tspan') inTspan = false;
    if (t.local === 'text' && text) {
      doc.texts.push(text);
      text = null;
    }
  });
  parser.write(svg).close();
  return doc;
}

/** Text with no-break spaces as plain spaces, for comparing with the names typed by users. */
export function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}
