import { headerKey } from './text';
import { Row, Table, cellText } from './table';

/**
 * How a column is recognised by its header (DESIGN §3.1). `any` lists alternatives; each is a list
 * of fragments that must all occur in the normalised header. `none` lists fragments that exclude it.
 */
export interface ColumnSpec<K extends string = string> {
  key: K;
  label: string;
  any: string[][];
  none?: string[];
  required?: boolean;
}

export type ColumnMap<K extends string> = Partial<Record<K, number>>;

export interface HeaderMatch<K extends string> {
  /** 0-based index of the header row within the table. */
  headerRow: number;
  columns: ColumnMap<K>;
  /** Headers as written, by column index. */
  headers: string[];
  missing: ColumnSpec<K>[];
}

/** A fragment matches at the start of a word: «учет» finds «учете», «оо» does not find «пособие». */
function has(key: string, fragment: string): boolean {
  return ` ${key}`.includes(` ${fragment}`);
}

export function matchHeaderRow<K extends string>(row: Row, specs: ColumnSpec<K>[]): ColumnMap<K> {
  const keys = row.map((c) => headerKey(cellText(c)));
  const columns: ColumnMap<K> = {};
  const taken = new Set<number>();
  // Exact matches first, so «Код ОО» is not taken by a looser spec before its own.
  for (const pass of ['exact', 'contains'] as const) {
    for (const spec of specs) {
      if (columns[spec.key] !== undefined) continue;
      // Alternatives are tried in order, so a more specific one («всего обучающихся») wins over a
      // looser one («обучающихся») wherever the columns stand.
      const free = (k: string, i: number) => !taken.has(i) && k !== '' && !spec.none?.some((f) => has(k, f));
      let idx = -1;
      for (const alt of spec.any) {
        idx = keys.findIndex((k, i) => free(k, i) && (pass === 'exact' ? alt.join(' ') === k : alt.every((f) => has(k, f))));
        if (idx >= 0) break;
      }
      if (idx >= 0) {
        columns[spec.key] = idx;
        taken.add(idx);
      }
    }
  }
  return columns;
}

/**
 * Finds the header row among the first rows of a sheet (titles may stand above it) and maps the
 * columns. The row with the most recognised required columns wins.
 */
export function findHeader<K extends string>(table: Table, specs: ColumnSpec<K>[], scanRows = 15): HeaderMatch<K> {
  let best = { headerRow: 0, columns: {} as ColumnMap<K>, score: -1 };
  const limit = Math.min(scanRows, table.length);
  for (let r = 0; r < limit; r++) {
    const columns = matchHeaderRow(table[r], specs);
    const score = specs.reduce((s, spec) => s + (columns[spec.key] !== undefined ? (spec.required ? 10 : 1) : 0), 0);
    if (score > best.score) best = { headerRow: r, columns, score };
  }
  const headers = (table[best.headerRow] ?? []).map((c) => cellText(c));
  const missing = specs.filter((s) => s.required && best.columns[s.key] === undefined);
  return { headerRow: best.headerRow, columns: best.columns, headers, missing };
}

/** Fragments shared by every sheet that names a school (DESIGN §3.1). */
export const SCHOOL_CODE_SPEC = {
  label: 'Код ОО',
  any: [['код оо'], ['логин'], ['код']],
};
export const SCHOOL_NAME_SPEC = {
  label: 'Наименование ОО',
  any: [['наименование оо'], ['образовательная организация'], ['наименование'], ['школа'], ['оо']],
};

