import { Cell, PRODUCT_NAME, ROADMAP_MENU, RoadmapChanges, RoadmapUpdate, STATUS_VALUES, TrackNumber, prepareRoadmap as prepareRoadmapSheet } from '../engine';
import { withLock } from './lock';
import { nowText, readInputs } from './pipeline';
import { guardCell, listRule, writeGenerated } from './sheetsAdapter';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What «Подготовить дорожную карту» did (crosses `google.script.run`: plain data only). */
export interface RoadmapResult {
  /** Name of the sheet (for a link in the panel). */
  sheet: string;
  created: boolean;
  /** Measure rows by track after preparation. */
  rows: Record<TrackNumber, number>;
  changes: RoadmapChanges;
  /** A Russian sentence or two for the alert or the panel. */
  message: string;
}

/**
 * «Подготовить дорожную карту» from the panel: creates «Дорожная карта» from the current list, or
 * brings it up to date in place — rows inserted for schools new in a track, «Статус» set for the rows
 * of schools that left it — so that every value, formula, format and note of the working group stays.
 * A sheet of that name that is not a roadmap is left alone (a Russian error says why).
 */
export function prepareRoadmap(): RoadmapResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withLock(() => {
    const inputs = readInputs(ss);
    const prep = prepareRoadmapSheet(inputs, nowText(ss));
    if (!prep.sheet) throw new Error(prep.message);
    if (prep.created) {
      const name = writeGenerated(ss, prep.sheet).name;
      return { sheet: name, created: true, rows: prep.counts, changes: prep.changes, message: prep.message };
    }
    if (prep.update) {
      const sheet = ss.getSheetByName(prep.sheet.name);
      if (!sheet) throw new Error(prep.message);
      applyInPlace(sheet, prep.update, inputs.tables[prep.sheet.name]?.length ?? 0);
    }
    return { sheet: prep.sheet.name, created: prep.created, rows: prep.counts, changes: prep.changes, message: prep.message };
  });
}

/** The same from the menu: prepares the sheet, opens it and says what changed. */
export function menuPrepareRoadmap(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    const result = prepareRoadmap();
    ss.getSheetByName(result.sheet)?.activate();
    ui.alert(ROADMAP_MENU, result.message, ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(PRODUCT_NAME, (e as Error).message, ui.ButtonSet.OK);
  }
}

function a1(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/**
 * Applies the engine's update to the existing sheet. Calls are bounded by the kinds of change, not
 * by the number of schools: one RangeList per distinct value set, one read and one write of the
 * «Статус» notes, and per inserted block (one per track at most) an insert, the values, the formats.
 * Each step only adds; a run stopped midway is completed by the next one.
 */
function applyInPlace(sheet: Sheet, u: RoadmapUpdate, tableRows: number): void {
  const maxColumns = sheet.getMaxColumns();
  if (u.width > maxColumns) sheet.insertColumnsAfter(maxColumns, u.width - maxColumns);

  const byValue = new Map<string, { value: Cell; cells: string[] }>();
  for (const c of u.cells) {
    const key = JSON.stringify(c.value);
    const group = byValue.get(key) ?? { value: c.value, cells: [] };
    group.cells.push(a1(c.row, c.col));
    byValue.set(key, group);
  }
  for (const g of byValue.values()) sheet.getRangeList(g.cells).setValue(guardCell(g.value));

  if (u.statusNotes.length > 0) {
    const first = Math.min(...u.statusNotes.map((n) => n.row));
    const last = Math.max(...u.statusNotes.map((n) => n.row));
    const range = sheet.getRange(first + 1, u.statusColumn + 1, last - first + 1, 1);
    const notes = range.getNotes();
    for (const n of u.statusNotes) {
      const before = notes[n.row - first][0];
      notes[n.row - first][0] = before ? `${before}\n${n.text}` : n.text;
    }
    range.setNotes(notes);
  }

  const rule = listRule({ row: 0, col: 0, rows: 1, cols: 1, values: STATUS_VALUES });
  // Bottom up, so that the rows above keep their numbers.
  for (const ins of u.insertions.slice().reverse()) {
    const n = ins.rows.length;
    if (ins.before < tableRows) sheet.insertRowsBefore(ins.before + 1, n);
    else sheet.insertRowsAfter(Math.max(tableRows, 1), n);
    const top = ins.before + 1;
    const block = sheet.getRange(top, 1, n, u.width);
    block.setValues(ins.rows.map((r) => r.map(guardCell)));
    block.setBackgrounds(ins.backgrounds as string[][]);
    block.setFontWeights(ins.bold.map((r) => r.map((b) => (b ? 'bold' : 'normal'))));
    block.setVerticalAlignment('top');
    if (ins.notes.length > 0) {
      const notes = ins.rows.map((r) => r.map(() => ''));
      for (const note of ins.notes) notes[note.row][note.col] = note.text;
      block.setNotes(notes);
    }
    const data = ins.kinds.map((k, i) => (k === 'data' ? i : -1)).filter((i) => i >= 0);
    if (data.length > 0) sheet.getRange(top + data[0], u.statusColumn + 1, data[data.length - 1] - data[0] + 1, 1).setDataValidation(rule);
  }
}
