import path from 'node:path';
import { readCsvFolder, typedValue } from '../../src/cli/io';
import { SeedSheet } from './fakeSpreadsheetApp';

export const EXAMPLE_DIR = path.resolve(__dirname, '../../examples/municipality');
export const CODE_JS = path.resolve(__dirname, '../../dist/Code.js');

/** The example municipality as a coordinator's spreadsheet holds it (numbers typed as numbers). */
export function exampleSheets(dir = EXAMPLE_DIR): SeedSheet[] {
  return readCsvFolder(dir).map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(typedValue)) }));
}
