/** Edits a «Мониторинг» table the way the working group would: by school code and column header. */
import { Cell, Table, cellText } from '../../src/engine/table';

export function headerRowOf(table: Table): number {
  const i = table.findIndex((row) => cellText(row[0]) === 'Код ОО');
  if (i < 0) throw new Error('no header row');
  return i;
}

/** Column whose header equals `header` or starts with it (checklist headers start with the id). */
export function columnOf(table: Table, header: string): number {
  const head = table[headerRowOf(table)].map((c) => cellText(c));
  const i = head.findIndex((h) => h === header || h.startsWith(`${header} `));
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

export function rowOf(table: Table, code: string): number {
  const i = table.findIndex((row, r) => r > headerRowOf(table) && cellText(row[0]) === code);
  if (i < 0) throw new Error(`no row ${code}`);
  return i;
}

export function cell(table: Table, code: string, header: string): Cell {
  return table[rowOf(table, code)][columnOf(table, header)];
}

/** A copy of the table with the given cells set: { s01: { '1.1.1.1': true, 'Педагогов всего': 20 } }. */
export function edit(table: Table, changes: Record<string, Record<string, Cell>>): Table {
  const copy = table.map((row) => row.slice());
  for (const [code, cells] of Object.entries(changes)) {
    for (const [header, value] of Object.entries(cells)) copy[rowOf(copy, code)][columnOf(copy, header)] = value;
  }
  return copy;
}

/** A copy with a column the working group added at the right. */
export function addColumn(table: Table, header: string, values: Record<string, Cell>): Table {
  const h = headerRowOf(table);
  return table.map((row, r) => {
    const code = cellText(row[0]);
    return [...row, r === h ? header : r > h ? values[code] ?? '' : ''];
  });
}
