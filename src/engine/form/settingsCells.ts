import { Settings, allSettingRows, settingsTable } from '../settings';
import { Cell, Table, cellText } from '../table';
import { fold } from '../text';

export type SettingsCells =
  | { kind: 'create'; rows: Cell[][] }
  | { kind: 'update'; cells: { row: number; value: Cell }[]; append: Cell[][] };

/**
 * What to write into «Настройки» so that these parameters hold their new values: the «Значение»
 * cell (column B, 1-based `row`) of each row already there (every one, should a label repeat), the rows the sheet lacks appended, and
 * nothing else — every other cell stays as the coordinator typed it.
 */
export function settingsCells(table: Table | null, changed: Settings, labels: string[]): SettingsCells {
  if (!table) return { kind: 'create', rows: settingsTable(changed) };
  const rows = allSettingRows().filter((r) => labels.includes(r.label));
  const cells: { row: number; value: Cell }[] = [];
  const found = new Set<string>();
  table.forEach((row, i) => {
    const def = rows.find((r) => fold(r.label) === fold(cellText(row[0])));
    if (!def) return;
    found.add(def.label);
    cells.push({ row: i + 1, value: def.write(changed) });
  });
  const append = rows.filter((r) => !found.has(r.label)).map((r) => [r.label, r.write(changed), r.hint]);
  return { kind: 'update', cells, append };
}
