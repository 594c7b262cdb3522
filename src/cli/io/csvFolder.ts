import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { parse } from 'csv-parse/sync';
import { Cell, SheetData } from '../../engine/table';
import { trimAndPad } from './cells';
import { errorDetail, IO_MESSAGES } from './messages';

/**
 * Reads every `*.csv` of a folder (sorted by name) as a sheet named after the file. Values stay text
 * exactly as written (the engine parses numbers and dates itself); an empty field is null.
 */
export function readCsvFolder(dir: string): SheetData[] {
  const files = csvFiles(dir);
  return files.map((file) => ({
    name: file.normalize('NFC').replace(/\.csv$/i, ''),
    rows: readCsvFile(join(dir, file)),
  }));
}

function csvFiles(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    entries = readdirSync(dir);
  } catch {
    throw new Error(IO_MESSAGES.folderNotFound(dir));
  }
  const files = entries
    .filter((name) => /\.csv$/i.test(name) && statSync(join(dir, name)).isFile())
    .sort((a, b) => compareCodePoints(a.normalize('NFC'), b.normalize('NFC')));
  if (files.length === 0) throw new Error(IO_MESSAGES.noCsvFiles(dir));
  return files;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function readCsvFile(path: string): Cell[][] {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    throw new Error(IO_MESSAGES.readFailed(path, errorDetail(error)));
  }
  return parseCsv(decodeText(buffer), path);
}

/** Parses CSV text; the delimiter is found from the header line. */
export function parseCsv(text: string, fileName = 'CSV'): Cell[][] {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // A stray quote inside an unquoted field (Школа "Лидер") is kept as a character.
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new Error(IO_MESSAGES.badCsv(fileName, errorDetail(error)));
  }
  return trimAndPad(records.map((record) => record.map((v) => (v === '' ? null : v))));
}

/**
 * UTF-8 (with or without BOM), UTF-16 with BOM (Excel's «Unicode text»), otherwise Windows-1251,
 * which is what a Russian Excel writes for «CSV (разделители — запятые)».
 */
export function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1251').decode(body);
  }
}

/** In order of preference on a tie: header texts hold commas far more often than tabs or semicolons. */
const DELIMITERS = ['\t', ';', ','] as const;

/** The most frequent of TAB, ';' and ',' outside quotes on the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
