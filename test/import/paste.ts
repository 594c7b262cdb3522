import { readFileSync } from 'fs';
import { join } from 'path';
import { typedValue } from '../../src/cli/io';
import { ImportAppend } from '../../src/engine/import';
import { Cell, Table } from '../../src/engine/table';

const DIR = join(__dirname, '..', 'fixtures', 'paste');

/** A fixture as a coordinator's paste arrives: tab-separated text, empty cells empty, nothing parsed. */
export function loadPaste(file: string): Table {
  const text = readFileSync(join(DIR, file), 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
  return text.split('\n').map((line) => line.split('\t').map((v) => (v === '' ? null : v)));
}

/** The same paste after Google Sheets typed it: «87» and «11,49» became numbers. */
export function typed(table: Table): Table {
  return table.map((row) => row.map(typedValue));
}

/** What a shell does with `plan.append`: the values at startRow, column 1. */
export function applyAppend(table: Table | null, append: ImportAppend | null): Table {
  const out = (table ?? []).map((r) => r.slice());
  if (!append) return out;
  append.values.forEach((row, i) => {
    out[append.startRow - 1 + i] = row.slice() as Cell[];
  });
  return out;
}
