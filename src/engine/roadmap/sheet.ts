import { COLORS, GeneratedSheet, ListValidation, SheetBuilder, yearHeader } from '../sheets/generated';
import { capCell } from '../text';
import { ROADMAP_TEXT } from '../strings';
import { Table, cellText } from '../table';
import { FIELD_WIDTHS, ROADMAP_FIELDS, RoadmapField, STATUS_VALUES, TrackNumber } from './columns';
import { RoadmapLayout } from './layout';
import { trackNote } from './tracks';

export type RowKind = 'heading' | 'data';

/** Background of a track's heading (the colours of the list: ШНОР, ШНСУ; track 3 green). */
export const TRACK_COLORS: Record<TrackNumber, string> = { 1: COLORS.shnor, 2: COLORS.shnsu, 3: COLORS.reached };

/** How a row of ours looks: headings coloured by track and bold, measure rows plain. */
export function rowStyle(kind: RowKind, track: TrackNumber, width: number): { bg: (string | null)[]; bold: boolean[] } {
  const heading = kind === 'heading';
  return { bg: new Array<string | null>(width).fill(heading ? TRACK_COLORS[track] : null), bold: new Array<boolean>(width).fill(heading) };
}

/** The drop-down of «Статус» (strict: other values are refused), from the row under the header to the last row. */
export function statusValidation(layout: RoadmapLayout, rows: number): ListValidation | null {
  const col = layout.columns.status;
  const first = layout.headerRow + 1;
  if (col === undefined || rows <= first) return null;
  return { row: first, col, rows: rows - first, cols: 1, values: STATUS_VALUES, helpText: ROADMAP_TEXT.validationHelp };
}

/** A date the group typed («Сроки», a column of its own) stays a date in a workbook written anew. */
const DATE_FORMAT = 'dd.mm.yyyy';

function dateFormats(values: Table[number]): (string | null)[] | undefined {
  if (!values.some((v) => v instanceof Date)) return undefined;
  return values.map((v) => (v instanceof Date ? DATE_FORMAT : null));
}

/**
 * «Дорожная карта» as a whole sheet from its final table: the note, title and hint above the header,
 * the header with notes on «Сроки» and «Статус», each track's heading coloured with its goal as a note,
 * the «Статус» drop-down, our widths for our columns wherever they stand. `extraNotes` are notes
 * of the preparation (previous statuses); `year` goes into the printed page header.
 */
export function roadmapSheet(table: Table, layout: RoadmapLayout, name: string, year: string | null, extraNotes: { row: number; col: number; text: string }[] = []): GeneratedSheet {
  const width = Math.max(layout.width, ...table.map((r) => r.length));
  const b = new SheetBuilder(name, '', width);
  const headings = new Map(layout.headings.map((h) => [h.index, h.track]));
  for (let r = 1; r < table.length; r++) {
    const values = table[r];
    const track = headings.get(r);
    if (r === layout.headerRow) b.header(values.map((c) => cellText(c)));
    else if (track !== undefined) {
      const style = rowStyle('heading', track, width);
      b.row(values, { bg: TRACK_COLORS[track], bold: style.bold[0] });
      const col = values.findIndex((c) => cellText(c) !== '');
      b.note(r, Math.max(col, 0), trackNote(track));
    } else b.row(values, { bold: r < layout.headerRow && r === 1, formats: dateFormats(values) });
  }
  const at = (f: RoadmapField) => layout.columns[f];
  if (at('deadline') !== undefined) b.note(layout.headerRow, at('deadline') as number, ROADMAP_TEXT.deadlineHeaderNote);
  if (at('status') !== undefined) b.note(layout.headerRow, at('status') as number, ROADMAP_TEXT.statusHeaderNote);
  for (const n of extraNotes) b.note(n.row, n.col, n.text);
  const validation = statusValidation(layout, table.length);
  if (validation) b.validation(validation);
  b.freeze(layout.headerRow + 1);
  const fieldAt = new Map<number, RoadmapField>();
  for (const f of ROADMAP_FIELDS) if (at(f) !== undefined) fieldAt.set(at(f) as number, f);
  const widths: number[] = [];
  for (let c = 0; c < width; c++) widths.push(fieldAt.has(c) ? FIELD_WIDTHS[fieldAt.get(c) as RoadmapField] : 160);
  b.widths(widths);
  // The headings overflow to the right from the track's column: it and the code do not wrap.
  b.wrap(...widths.map((_, c) => c).filter((c) => c !== at('track') && c !== at('code')));
  // Printed by the working group for the order: the header repeats on every page (the default).
  b.print({ header: yearHeader(year) });
  const sheet = b.build();
  sheet.values[0] = table[0].map((c) => (typeof c === 'string' ? capCell(c) : c));
  while (sheet.values[0].length < width) sheet.values[0].push('');
  return sheet;
}
