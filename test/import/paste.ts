import { readFileSync } from 'fs';
import { join } from 'path';
import { typedValue } from '../../src/cli/io';
import { ImportAppend } from '../../src/engine/import';
import { Cell, Table } from '../../src/engine/table';

const DIR = join(__dirname, '..', 'fixtures', 'paste');
const PROTOCOLS = join(__dirname, '..', 'fixtures', 'protocols');

/** A fixture as a coordinator's paste arrives: tab-separated text, empty cells empty, nothing parsed. */
export function loadPaste(file: string, dir = DIR): Table {
  const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
  return text.split('\n').map((line) => line.split('\t').map((v) => (v === '' ? null : v)));
}

/** The same paste after Google Sheets typed it: «87» and «11,49» became numbers. */
export function typed(table: Table): Table {
  return table.map((row) => row.map(typedValue));
}

/** What a shell does with `plan.append`: the new header cells (which must be blank), then the values at startRow, column 1. */
export function applyAppend(table: Table | null, append: ImportAppend | null): Table {
  const out = (table ?? []).map((r) => r.slice());
  if (!append) return out;
  if (append.header) {
    const { row, column, values } = append.header;
    const cells = out[row - 1];
    values.forEach((v, i) => {
      if (cells[column - 1 + i] !== undefined && cells[column - 1 + i] !== null && cells[column - 1 + i] !== '') throw new Error('header cell is not blank');
      cells[column - 1 + i] = v;
    });
  }
  append.values.forEach((row, i) => {
    out[append.startRow - 1 + i] = row.slice() as Cell[];
  });
  return out;
}

/** A fixture of test/fixtures/protocols (ФИС ОКО protocols and comparison reports), as pasted. */
export function loadProtocol(file: string): Table {
  return loadPaste(file, PROTOCOLS);
}
