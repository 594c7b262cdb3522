import { School, SchoolRegistry } from '../schools/registry';
import { Cell, Table, cellText, isBlankRow } from '../table';
import { FixedColumn, MonitoringColumn, matchMonitoringHeader } from './monitoringColumns';

/** One school row of «Мониторинг» as the working group left it. */
export interface MonitoringEntry {
  /** 1-based sheet row. */
  row: number;
  code: string;
  name: string;
  /** The registry school, or null when neither code nor name matches one. */
  school: School | null;
  /** Our columns by key (indicator id or number key). */
  values: Map<string, Cell>;
  /** Cells of the extra columns, in the order of `MonitoringLayout.extras`. */
  extras: Cell[];
  /** «Статус в перечне» as written. */
  status: string;
}

export interface MonitoringLayout {
  /** 0-based header row. */
  headerRow: number;
  fixed: Partial<Record<FixedColumn, number>>;
  columns: Map<string, { index: number; column: MonitoringColumn }>;
  /** Columns the working group added (or whose header it changed beyond recognition). */
  extras: { index: number; header: string }[];
  entries: MonitoringEntry[];
}

const SCAN_ROWS = 10;

/**
 * Reads «Мониторинг»: finds the header row among the first rows (a note stands above it), maps our
 * columns by header, keeps every other column as an extra, and matches rows to schools by code
 * (then by name) without adding schools to the registry.
 */
export function readMonitoringLayout(table: Table, registry: SchoolRegistry): MonitoringLayout {
  let best = { row: -1, score: 0 };
  for (let r = 0; r < Math.min(SCAN_ROWS, table.length); r++) {
    const matches = (table[r] ?? []).map((c) => matchMonitoringHeader(cellText(c)));
    const hasSchool = matches.some((m) => m && 'fixed' in m && (m.fixed === 'code' || m.fixed === 'name'));
    const score = matches.filter(Boolean).length;
    if (hasSchool && score > best.score) best = { row: r, score };
  }
  const layout: MonitoringLayout = { headerRow: best.row, fixed: {}, columns: new Map(), extras: [], entries: [] };
  if (best.row < 0) return layout;

  const header = table[best.row] ?? [];
  const width = table.reduce((w, row) => Math.max(w, row.length), 0);
  for (let c = 0; c < width; c++) {
    const text = cellText(header[c]);
    const m = matchMonitoringHeader(text);
    if (m && 'fixed' in m && layout.fixed[m.fixed] === undefined) layout.fixed[m.fixed] = c;
    else if (m && 'column' in m && !layout.columns.has(m.column.key)) layout.columns.set(m.column.key, { index: c, column: m.column });
    else if (text !== '' || table.slice(best.row + 1).some((row) => cellText(row[c]) !== '')) layout.extras.push({ index: c, header: text });
  }

  const at = (row: Cell[], c: number | undefined): Cell => (c === undefined ? null : row[c] ?? null);
  for (let r = best.row + 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row)) continue;
    const code = cellText(at(row, layout.fixed.code));
    const name = cellText(at(row, layout.fixed.name));
    const match = code || name ? registry.match(code, name) : null;
    const values = new Map<string, Cell>();
    for (const [key, { index }] of layout.columns) values.set(key, at(row, index));
    layout.entries.push({
      row: r + 1,
      code,
      name,
      school: match?.kind === 'matched' ? match.school : null,
      values,
      extras: layout.extras.map((e) => at(row, e.index)),
      status: cellText(at(row, layout.fixed.status)),
    });
  }
  return layout;
}

/** The first row of each school; later rows of the same school and unmatched rows are returned apart. */
export function entriesBySchool(layout: MonitoringLayout): { bySchool: Map<string, MonitoringEntry>; duplicates: MonitoringEntry[]; unmatched: MonitoringEntry[] } {
  const bySchool = new Map<string, MonitoringEntry>();
  const duplicates: MonitoringEntry[] = [];
  const unmatched: MonitoringEntry[] = [];
  for (const e of layout.entries) {
    if (!e.school) unmatched.push(e);
    else if (bySchool.has(e.school.id)) duplicates.push(e);
    else bySchool.set(e.school.id, e);
  }
  return { bySchool, duplicates, unmatched };
}
