import {
  IMPORT_TEXT,
  ImportAppend,
  ImportHints,
  ImportPlan,
  LEVEL_LABELS,
  PROTOCOL_TEXT,
  Table,
  WRITE_TEXT,
  describeImport,
  importJournalSheet,
  importProcedureNames,
  importableSheets,
  planWorkbookImport,
  validateImportHints,
  workbookSettings,
} from '../engine';
import { withLock } from './lock';
import { nowText } from './pipeline';
import { SheetTransaction, readSheet, transact } from './sheetsAdapter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Everything here crosses `google.script.run`: plain objects, strings, numbers and booleans only. */
export interface ImportOptions {
  /** Sheets that may hold a paste (inputs and generated sheets are left out). */
  sheets: string[];
  /** The active sheet when it is one of them, else null: the sidebar preselects it. */
  active: string | null;
  /** Catalogue procedures for the «Процедура» choice. */
  procedures: string[];
  resultsSheet: string;
}

/** What the panel shows before «Импортировать»: the plan without its rows and journal. */
export interface ImportPreview
  extends Pick<
    ImportPlan,
    | 'sheet'
    | 'layout'
    | 'layoutLabel'
    | 'procedure'
    | 'year'
    | 'proposed'
    | 'perRow'
    | 'procedures'
    | 'years'
    | 'needs'
    | 'schools'
    | 'alreadyThere'
    | 'conflicts'
    | 'blocked'
    | 'resultsSheet'
    | 'scale'
    | 'students'
    | 'objectivityRows'
  > {
  /** Columns «Результаты ОП» gets (the journal comparison and boundary counts), none when it has them. */
  addedColumns: string[];
  toAppend: number;
  /** The first skipped rows (all are in «Журнал импорта» after the import). */
  skipped: { row: number; reason: string }[];
  skippedCount: number;
  problems: { level: 'error' | 'warning' | 'info'; levelLabel: string; row: number | null; school: string; message: string }[];
  canApply: boolean;
  /** Russian summary lines. */
  summary: string[];
}

export interface ImportOutcome extends ImportPreview {
  appended: number;
  journalSheet: string;
}

const MAX_LISTED = 50;

const NEED_SHORT = { procedure: IMPORT_TEXT.needProcedureShort, year: IMPORT_TEXT.needYearShort, scale: PROTOCOL_TEXT.needScaleShort } as const;

function active(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Reads each sheet the import needs once. */
function sheetReader(ss: Spreadsheet): (name: string) => Table {
  return (name) => {
    const sheet = ss.getSheetByName(name);
    return sheet ? readSheet(sheet) : [];
  };
}

function planFor(ss: Spreadsheet, sheetName: unknown, hints: unknown): ImportPlan {
  if (typeof sheetName !== 'string' || sheetName.trim() === '') throw new Error(IMPORT_TEXT.chooseSheet);
  const names = ss.getSheets().map((s) => s.getName());
  return planWorkbookImport(names, sheetReader(ss), sheetName, validateImportHints(hints));
}

function previewOf(plan: ImportPlan): ImportPreview {
  const problems = plan.journal
    .filter((e) => e.level !== 'info')
    .slice(0, MAX_LISTED)
    .map((e) => ({ level: e.level, levelLabel: LEVEL_LABELS[e.level], row: e.row ?? null, school: e.school ?? '', message: e.message }));
  const toAppend = plan.append ? plan.rows.length : 0;
  return {
    sheet: plan.sheet,
    layout: plan.layout,
    layoutLabel: plan.layoutLabel,
    procedure: plan.procedure,
    year: plan.year,
    proposed: plan.proposed,
    perRow: plan.perRow,
    procedures: plan.procedures,
    years: plan.years,
    needs: plan.needs,
    schools: plan.schools,
    toAppend,
    alreadyThere: plan.alreadyThere,
    conflicts: plan.conflicts.slice(0, MAX_LISTED),
    skipped: plan.skipped.slice(0, MAX_LISTED),
    skippedCount: plan.skipped.length,
    problems,
    blocked: plan.blocked,
    resultsSheet: plan.resultsSheet,
    scale: plan.scale,
    students: plan.students,
    objectivityRows: plan.append ? plan.objectivityRows : 0,
    addedColumns: plan.append?.header?.values ?? [],
    canApply: plan.layout !== null && plan.needs.length === 0 && !plan.blocked && toAppend > 0,
    summary: describeImport(plan, false),
  };
}

/** What the «Импорт результатов» panel offers: the sheets that may hold a paste and the procedures to choose from. */
export function getImportOptions(): ImportOptions {
  const ss = active();
  const names = ss.getSheets().map((s) => s.getName());
  const settings = workbookSettings(names, sheetReader(ss));
  const sheets = importableSheets(names, settings);
  const current = ss.getActiveSheet()?.getName() ?? null;
  return { sheets, active: current && sheets.includes(current) ? current : null, procedures: importProcedureNames(), resultsSheet: settings.resultsSheet };
}

/**
 * What importing this sheet would do (nothing is written): layout, procedure, year, schools,
 * rows to add, rows already there, conflicts and skipped rows.
 * @param {string} sheetName the sheet holding the paste
 * @param {{procedure?: string, year?: string, scale?: string}} hints the coordinator's choice when the paste does not say, or a correction (scale: the minimum totals for «3», «4», «5» of a ВПР protocol)
 */
export function previewImport(sheetName: string, hints: ImportHints): ImportPreview {
  return previewOf(planFor(active(), sheetName, hints));
}

/**
 * Imports the paste: appends the new rows to «Результаты ОП» with one write (creating the sheet
 * when absent), never changing rows already there, and rewrites «Журнал импорта» (beside a sheet of
 * the user's of that name); all or nothing.
 * @param {string} sheetName the sheet holding the paste
 * @param {{procedure?: string, year?: string, scale?: string}} hints the procedure / school year / scale of marks confirmed in the panel
 */
export function applyImport(sheetName: string, hints: ImportHints): ImportOutcome {
  const ss = active();
  return withLock(() => {
    const { value, outcome } = transact(ss, (tx) => {
      const plan = planFor(ss, sheetName, hints);
      if (plan.layout === null) throw new Error(describeImport(plan, false).join(' '));
      if (plan.blocked) throw new Error(plan.blocked);
      if (plan.needs.length > 0) throw new Error(plan.scale?.problem ?? IMPORT_TEXT.needsBeforeApply(plan.needs.map((n) => NEED_SHORT[n])));
      if (plan.append) stageAppend(tx, plan.append);
      const journal = importJournalSheet(plan, nowText(ss));
      const [placement] = tx.place([journal]);
      tx.stage(journal);
      return { plan, placement };
    });
    const { plan, placement } = value;
    const appended = plan.append ? plan.rows.length : 0;
    const placed = placement.displaced ? [WRITE_TEXT.displaced(placement.wanted, placement.name)] : [];
    return { ...previewOf(plan), canApply: false, summary: [...describeImport(plan, true), ...placed, ...outcome.notices], appended, journalSheet: placement.name };
  });
}

/**
 * One `setValues` under the last row (plus the header's bold and freeze when the sheet is new), at
 * commit. Columns the rows need and the sheet lacks get their headers in blank cells of its header
 * row, in the same transaction: no row is ever left under an unnamed column.
 */
function stageAppend(tx: SheetTransaction, append: ImportAppend): void {
  if (tx.index.find(append.sheet)) {
    tx.appendRows(append.sheet, append.startRow, append.values, { headerRow: append.startRow === 1 });
    const header = append.header;
    header?.values.forEach((v, i) => tx.setCell(append.sheet, header.row, header.column + i, v));
  } else tx.createSheet(append.sheet, append.values);
}
