import { Table } from '../table';
import { ImportColumns, matchImportHeader, mergeHeaderRows } from './columns';
import { ComparisonColumns, detectComparison } from './comparisonReport';
import { ProtocolColumns, isProtocolHeader, matchProtocolHeader } from './protocolColumns';
import { LayoutKind } from './types';

export interface DetectedLayout {
  kind: LayoutKind;
  /** 0-based first row of the header (the upper one when a merged heading spans two rows). */
  headerTop: number;
  /** 0-based last header row: data start below it. */
  headerRow: number;
  columns: ImportColumns;
  /** The columns of a student-level ВПР protocol (kind 'vpr-protocol'). */
  protocol?: ProtocolColumns;
  /** The columns of ФИС ОКО «Сравнение отметок с отметками по журналу» (kind 'fis-oko-comparison'). */
  comparison?: ComparisonColumns;
}

const SCAN_ROWS = 40;

const has = (c: ImportColumns, ...keys: (keyof ImportColumns)[]): boolean => keys.some((k) => c[k] !== undefined);

/** Each layout by what its header must hold; tried in this order. */
const RULES: [LayoutKind, (c: ImportColumns) => boolean][] = [
  ['vpr-export', (c) => !!c.marks && has(c, 'participants') && has(c, 'subject', 'grade')],
  ['fis-oko-marks', (c) => !!c.marks && has(c, 'participants')],
  ['gia-schools', (c) => has(c, 'code', 'name') && has(c, 'participants') && has(c, 'failed', 'failedPct')],
  ['students', (c) => has(c, 'code', 'name') && has(c, 'mark', 'score', 'testScore') && !has(c, 'participants') && !c.marks],
];

/**
 * Recognises a pasted report by its header, wherever the table starts (title lines may stand
 * above it). Returns null when no layout fits.
 */
export function detectLayout(table: Table): DetectedLayout | null {
  const limit = Math.min(SCAN_ROWS, table.length);
  // A protocol has a class-letter column and a journal mark: the looser layouts below would take
  // them for the procedure and the result, so its own header words are tried first.
  for (let r = 0; r < limit; r++) {
    const protocol = matchProtocolHeader(table[r]);
    if (isProtocolHeader(protocol)) return { kind: 'vpr-protocol', headerTop: r, headerRow: r, columns: {}, protocol };
  }
  const comparison = detectComparison(table);
  if (comparison) return comparison;
  // A row that is a header on its own is never merged with the line above it (often a title).
  const headers = Array.from({ length: limit }, (_, r) => {
    const single = matchImportHeader(table[r]);
    if (r === 0 || RULES.some(([, accepts]) => accepts(single))) return { top: r, columns: single };
    return { top: r - 1, columns: matchImportHeader(mergeHeaderRows(table[r - 1], table[r])) };
  });
  for (const [kind, accepts] of RULES) {
    const r = headers.findIndex((h) => accepts(h.columns));
    if (r >= 0) return { kind, headerTop: headers[r].top, headerRow: r, columns: headers[r].columns };
  }
  return null;
}
