import { Align, Block, ChartBlock, HeadingBlock, ListBlock, ParagraphBlock, ParagraphStyle, Run, TableBlock, TableColumn } from './model';
import { typography } from './typography';

/**
 * Constructors of the document's blocks. Every text goes through `typography` here, so no block
 * can carry straight quotes or a breakable space before «%».
 */

type Runs = string | Run | Run[];

function runs(content: Runs): Run[] {
  const list = typeof content === 'string' ? [{ text: content }] : Array.isArray(content) ? content : [content];
  return list.filter((r) => r.text !== '').map((r) => ({ ...r, text: typography(r.text) }));
}

export const bold = (text: string): Run => ({ text, bold: true });
export const italic = (text: string): Run => ({ text, italic: true });

export function paragraph(content: Runs, opts: { align?: Align; style?: ParagraphStyle } = {}): ParagraphBlock {
  return { kind: 'paragraph', runs: runs(content), align: opts.align ?? 'justify', style: opts.style ?? 'body' };
}

export function heading(level: HeadingBlock['level'], text: string): HeadingBlock {
  return { kind: 'heading', level, text: typography(text) };
}

export function list(items: Runs[]): ListBlock {
  return { kind: 'list', items: items.map(runs) };
}

export function table(
  role: TableBlock['role'],
  columns: [title: string, width: number, align?: Align][],
  rows: string[][],
  opts: { repeatHeader?: boolean; keepRowsWhole?: boolean; small?: boolean } = {},
): TableBlock {
  const cols: TableColumn[] = columns.map(([title, width, align]) => ({ title: typography(title), width, align: align ?? 'left' }));
  return {
    kind: 'table',
    role,
    columns: cols,
    rows: rows.map((r) => cols.map((_, i) => typography(r[i] ?? ''))),
    repeatHeader: opts.repeatHeader ?? false,
    keepRowsWhole: opts.keepRowsWhole ?? false,
    small: opts.small ?? true,
  };
}

export function chart(title: string, description: string, caption: string, fallback: string): ChartBlock {
  return { kind: 'chart', title: typography(title), description: typography(description), caption: typography(caption), fallback: typography(fallback) };
}

export const pageBreak = (): Block => ({ kind: 'pageBreak' });
