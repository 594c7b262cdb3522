import { Cell, ExistingSheet, GeneratedSheet, ListValidation, MONITORING_NOTE, ROADMAP_TEXT, Placement, Table, WRITE_TEXT, isGeneratedSheet, isPlacementCandidate, needsTextGuard, placeSheets } from '../engine';
import { insertChart } from './chart';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Reads a whole sheet with one call. */
export function readSheet(sheet: Sheet): Table {
  return sheet.getDataRange().getValues() as Table;
}

/** Text from the user stays text: Sheets would otherwise turn «=…», «+7…», «12,5» into formulas or numbers. */
export function guardCell(value: Cell): Cell {
  if (typeof value === 'string' && needsTextGuard(value)) return `'${value}`;
  return value;
}

function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/**
 * Fills a new, empty sheet with a generated sheet: one `setValues`, one call per kind of formatting,
 * and a few calls bounded by the layout (merges, widths), never by the number of schools.
 * Returns false when the sheet's chart could not be drawn (its data is in the sheet all the same).
 */
function fillSheet(sheet: Sheet, g: GeneratedSheet): boolean {
  const rows = g.values.length;
  const cols = g.values[0]?.length ?? 1;
  ensureSize(sheet, rows, cols);
  const range = sheet.getRange(1, 1, rows, cols);
  // insertCheckboxes sets every cell of its range to unchecked, so it must come before the values.
  for (const c of g.checkboxes) sheet.getRange(c.row + 1, c.col + 1, c.rows, c.cols).insertCheckboxes();
  range.setValues(g.values.map((r) => r.map(guardCell)));
  for (const v of g.validations ?? []) sheet.getRange(v.row + 1, v.col + 1, v.rows, v.cols).setDataValidation(listRule(v));
  range.setBackgrounds(g.backgrounds as string[][]);
  range.setFontWeights(g.bold.map((r) => r.map((b) => (b ? 'bold' : 'normal'))));
  range.setNumberFormats(g.numberFormats.map((r) => r.map((f) => f ?? 'General')));
  if (g.notes.length > 0) {
    const notes = g.values.map((r) => r.map(() => ''));
    for (const n of g.notes) notes[n.row][n.col] = n.text;
    range.setNotes(notes);
  }
  range.setVerticalAlignment('top');
  for (const m of g.merges) sheet.getRange(m.row + 1, m.col + 1, m.rows, m.cols).merge();
  for (const c of g.wrapColumns) sheet.getRange(1, c + 1, rows, 1).setWrap(true);
  g.columnWidths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  if (g.frozenRows > 0) sheet.setFrozenRows(g.frozenRows);
  return g.chart ? insertChart(sheet, g.chart) : true;
}

/** A strict drop-down list of allowed values (other input is refused). */
export function listRule(v: ListValidation): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().requireValueInList(v.values, true).setAllowInvalid(false);
  return (v.helpText ? builder.setHelpText(v.helpText) : builder).build();
}

// ===== The workbook's sheets ======================================================================

/** Sheets keeps sheet names unique without regard to case. */
const key = (name: string): string => name.toLowerCase();

/**
 * The workbook's sheets in tab order, read once (one `getSheets` and a `getName` per sheet — the
 * number of sheets, not of schools); the writer keeps it in step with every sheet it adds, renames
 * or removes, so nothing is looked up twice.
 */
export class SheetIndex {
  private readonly sheets: Sheet[];
  private readonly names: string[];

  constructor(ss: Spreadsheet) {
    this.sheets = ss.getSheets();
    this.names = this.sheets.map((s) => s.getName());
  }

  list(): string[] {
    return this.names.slice();
  }

  /** The sheet of this name (compared without regard to case, as Sheets does). */
  find(name: string): Sheet | undefined {
    const i = this.position(name);
    return i < 0 ? undefined : this.sheets[i];
  }

  /** Its exact name as the tab shows it. */
  nameOf(name: string): string | undefined {
    const i = this.position(name);
    return i < 0 ? undefined : this.names[i];
  }

  /** 0-based tab position, -1 when there is no such sheet. */
  position(name: string): number {
    const k = key(name);
    return this.names.findIndex((n) => key(n) === k);
  }

  added(sheet: Sheet, name: string, position: number): void {
    this.sheets.splice(position, 0, sheet);
    this.names.splice(position, 0, name);
  }

  renamed(from: string, to: string): void {
    const i = this.position(from);
    if (i >= 0) this.names[i] = to;
  }

  removed(name: string): void {
    const i = this.position(name);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    this.names.splice(i, 1);
  }

  /** `base`, else `base` with the smallest counter that is free («[черновик 2] Сводка»). */
  freeName(make: (n: number) => string): string {
    for (let n = 1; ; n++) if (this.position(make(n)) < 0) return make(n);
  }
}

/** «Мониторинг» and «Дорожная карта» are the working group's sheets, but their first cell says the add-on prepared them. */
const PREPARED_NOTES = [MONITORING_NOTE('\u0000').split('\u0000')[0], ROADMAP_TEXT.note('\u0000').split('\u0000')[0]];

/**
 * What the first cell of a sheet says: empty, our marker (a generated sheet), the note of a sheet we
 * prepared for the user («Мониторинг»), or something of the user's. Two calls (three when empty).
 */
function firstCellKind(sheet: Sheet): 'empty' | 'generated' | 'prepared' | 'user' {
  const first = sheet.getRange(1, 1).getValue() as Cell;
  if (first === '' || first === null) return sheet.getLastRow() === 0 ? 'empty' : 'user';
  if (isGeneratedSheet(first)) return 'generated';
  return typeof first === 'string' && PREPARED_NOTES.some((p) => first.startsWith(p)) ? 'prepared' : 'user';
}

/**
 * The sheets placement must see for these wanted names, each with whether it is ours: the first cell
 * of each candidate (`isPlacementCandidate`) is read — two calls per candidate, never one per school.
 */
export function inspectSheets(index: SheetIndex, wanted: readonly string[]): ExistingSheet[] {
  return index
    .list()
    .filter((name) => isPlacementCandidate(name, wanted))
    .map((name) => ({ name, generated: firstCellKind(index.find(name) as Sheet) === 'generated' }));
}

// ===== Temporary sheets ===========================================================================

const TRANSIENT = new RegExp(`^\\[(${WRITE_TEXT.draft}|${WRITE_TEXT.retired})(?: (\\d+))?\\] (.+)$`);

type TransientKind = typeof WRITE_TEXT.draft | typeof WRITE_TEXT.retired;

/** «[черновик] Сводка», «[черновик 2] Сводка» when the first is taken by a sheet that is not ours. */
function transientName(kind: TransientKind, base: string, n: number): string {
  return `[${kind}${n > 1 ? ` ${n}` : ''}] ${base}`;
}

function parseTransient(name: string): { kind: TransientKind; base: string } | null {
  const m = name.match(TRANSIENT);
  return m ? { kind: m[1] as TransientKind, base: m[3] } : null;
}

/**
 * Puts right what a run that was stopped midway (the 6-minute limit, a closed tab) left behind.
 * A sheet it had retired gets its name back when that name is free, or when the run had not
 * finished swapping (some of its drafts are still there) and the sheet now under that name is the
 * run's own: the previous results are whole again. Otherwise a retired sheet is an old result and
 * goes; drafts always go. Only sheets that are empty, carry our marker or the note of «Мониторинг»
 * are ever removed: a sheet of the user's that happens to have such a name is left alone.
 */
function recoverInterruptedRun(ss: Spreadsheet, index: SheetIndex): void {
  const found = index.list().flatMap((name) => {
    const t = parseTransient(name);
    return t ? [{ name, kind: t.kind, base: t.base, content: firstCellKind(index.find(name) as Sheet) }] : [];
  });
  if (found.length === 0) return;
  const drafts = found.filter((t) => t.kind === WRITE_TEXT.draft && t.content !== 'user');
  // Each step on its own: a sheet that cannot be removed now (protected, say) must not stop the run;
  // it keeps its temporary name, and the run's own temporaries take the next free one.
  const attempt = (step: () => void) => {
    try {
      step();
    } catch (e) {
      console.warn(`Временный лист не убран: ${(e as Error).message}`);
    }
  };
  const remove = (name: string) => {
    ss.deleteSheet(index.find(name) as Sheet);
    index.removed(name);
  };
  for (const r of found.filter((t) => t.kind === WRITE_TEXT.retired)) {
    attempt(() => {
      const current = index.find(r.base);
      if (current && drafts.length > 0 && firstCellKind(current) !== 'user') remove(index.nameOf(r.base) as string);
      if (!index.find(r.base)) {
        (index.find(r.name) as Sheet).setName(r.base);
        index.renamed(r.name, r.base);
      } else if (r.content !== 'user') {
        remove(r.name);
      }
    });
  }
  for (const d of drafts) attempt(() => remove(d.name));
}

// ===== The all-or-nothing writer ==================================================================

/** Sheets of the user's are replaced only when asked (the rebuilt «Мониторинг» keeps every entry). */
export interface StageOptions {
  replaceUserSheet?: boolean;
}

export interface WriteOutcome {
  /** Final names of the staged sheets, in the order they were staged. */
  written: string[];
  /** Generated sheets written under another name because the wanted name is a sheet of the user's. */
  displaced: { wanted: string; name: string }[];
  /** Temporary or obsolete sheets that could not be removed after the swap (the next run removes them). */
  leftovers: string[];
  /** Russian sentences for the user about what did not fully work (a chart not drawn, leftovers). */
  notices: string[];
}

interface Staged {
  draft: Sheet;
  draftName: string;
  target: string;
  old: Sheet | null;
  retiredName: string | null;
  /** How far the swap got, for a rollback. */
  retired: boolean;
  swapped: boolean;
}

interface Edit {
  apply: () => void;
  undo: () => void;
  applied: boolean;
}

/** Apps Script stops a run after 6 minutes; a run that has not swapped by this time gives up cleanly. */
const WRITE_DEADLINE_MS = 5 * 60 * 1000;

/** Thrown (with a Russian message) when the run would not finish before Google stops it. */
class DeadlineError extends Error {}

/**
 * One all-or-nothing write of a run. Every new sheet is built in full under a temporary name
 * («[черновик] Сводка», placed just before the sheet it will replace, so the tab order stays);
 * only when all are ready does `commit` make the small edits to the user's input sheets (each with
 * its undo), then rename each old sheet out of the way («[прежний] Сводка») and the draft into its
 * place, and finally remove the old ones. A failure at any step before that point undoes every step
 * already made: the previous results, the user's sheets and the active sheet are exactly as they
 * were. A failure while removing the old sheets leaves the new results complete and the old sheet
 * under its temporary name; the next run removes it (as it repairs a run stopped midway).
 */
export class SheetTransaction {
  readonly index: SheetIndex;
  private readonly ss: Spreadsheet;
  private readonly activeName: string | null;
  private readonly started: number;
  private readonly known = new Map<string, boolean>();
  private readonly staged: Staged[] = [];
  private readonly edits: Edit[] = [];
  private readonly removals: { name: string; activate: string | null }[] = [];
  private readonly outcome: WriteOutcome = { written: [], displaced: [], leftovers: [], notices: [] };
  private committed = false;

  constructor(ss: Spreadsheet) {
    this.ss = ss;
    this.started = Date.now();
    this.index = new SheetIndex(ss);
    this.activeName = ss.getActiveSheet()?.getName() ?? null;
    recoverInterruptedRun(ss, this.index);
  }

  /** What placement needs to know about these wanted names (see `inspectSheets`); remembered for `stage`. */
  inspect(wanted: readonly string[]): ExistingSheet[] {
    const existing = inspectSheets(this.index, wanted);
    for (const e of existing) this.known.set(key(e.name), e.generated);
    return existing;
  }

  /**
   * Places generated sheets the engine did not place itself (`placeSheets`): each goes under its own
   * name, or beside a sheet of the user's of that name; our sheets under a name no longer needed go.
   */
  place(sheets: GeneratedSheet[]): Placement[] {
    const plan = placeSheets(
      sheets.map((g) => g.name),
      this.inspect(sheets.map((g) => g.name)),
    );
    plan.placements.forEach((p, i) => (sheets[i].name = p.name));
    this.remove(plan.obsolete, plan.placements);
    return plan.placements;
  }

  /** Our sheets to remove once the new ones are in (an alternative name no longer needed). */
  remove(names: readonly string[], placements: readonly Placement[] = []): void {
    for (const name of names) {
      const instead = placements.find((p) => key(p.name) !== key(name) && isPlacementCandidate(name, [p.wanted]));
      this.removals.push({ name, activate: instead?.name ?? null });
    }
  }

  /**
   * Builds `g` in full under a temporary name now; it takes the name `g.name` at `commit`. A sheet of
   * that name that is not ours is never replaced (unless `replaceUserSheet`): the result then goes
   * beside it, as placement would have put it.
   */
  stage(g: GeneratedSheet, options: StageOptions = {}): void {
    this.checkDeadline();
    let target = g.name;
    const old = this.index.find(target) ?? null;
    if (old && !options.replaceUserSheet && !this.isOurs(target)) {
      const plan = placeSheets([target], [...this.inspect([target]), ...this.pendingNames()]);
      target = plan.placements[0].name;
      this.outcome.displaced.push({ wanted: g.name, name: target });
      g.name = target;
    }
    const replaced = this.index.find(target) ?? null;
    const position = replaced ? this.index.position(target) : this.index.list().length;
    const draftName = this.index.freeName((n) => transientName(WRITE_TEXT.draft, target, n));
    const draft = this.ss.insertSheet(draftName, position);
    this.index.added(draft, draftName, position);
    this.staged.push({ draft, draftName, target, old: replaced, retiredName: null, retired: false, swapped: false });
    if (!fillSheet(draft, g)) this.outcome.notices.push(WRITE_TEXT.chartFailed(target));
    this.checkDeadline();
  }

  /** Creates an input sheet (made once, then the user's) at `commit`; undone by removing it. */
  createSheet(name: string, rows: Cell[][], layout: { columnWidths?: number[] } = {}): void {
    let sheet: Sheet | null = null;
    this.edits.push({
      applied: false,
      apply: () => {
        const width = Math.max(...rows.map((r) => r.length), 1);
        // Before the generated sheets that are new in this run, so that inputs stay together.
        const firstNew = this.staged.find((s) => !s.old);
        const position = firstNew ? this.index.position(firstNew.draftName) : this.index.list().length;
        sheet = this.ss.insertSheet(name, position);
        this.index.added(sheet, name, position);
        ensureSize(sheet, rows.length, width);
        sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...new Array<Cell>(width - r.length).fill('')].map(guardCell)));
        sheet.getRange(1, 1, 1, width).setFontWeight('bold');
        sheet.setFrozenRows(1);
        layout.columnWidths?.forEach((w, i) => sheet?.setColumnWidth(i + 1, w));
      },
      undo: () => {
        if (!sheet) return;
        this.ss.deleteSheet(sheet);
        this.index.removed(name);
      },
    });
  }

  /**
   * Appends rows to a sheet of the user's at `commit`, with one `setValues` below `startRow - 1`
   * (rows the sheet's data range does not reach, so nothing there is overwritten); undone by
   * clearing exactly those cells again.
   */
  appendRows(name: string, startRow: number, rows: Cell[][], options: { headerRow?: boolean } = {}): void {
    const cols = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length === 0 || cols === 0) return;
    let sheet: Sheet | undefined;
    let size: { rows: number; cols: number; frozen: number } | null = null;
    let written: GoogleAppsScript.Spreadsheet.Range | null = null;
    this.edits.push({
      applied: false,
      apply: () => {
        sheet = this.index.find(name);
        if (!sheet) throw new Error(`Лист «${name}» не найден.`);
        size = { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns(), frozen: options.headerRow ? sheet.getFrozenRows() : 0 };
        ensureSize(sheet, startRow + rows.length - 1, cols);
        written = sheet.getRange(startRow, 1, rows.length, cols);
        written.setValues(rows.map((r) => [...r, ...new Array<Cell>(cols - r.length).fill('')].map(guardCell)));
        if (options.headerRow) {
          sheet.getRange(1, 1, 1, cols).setFontWeight('bold');
          sheet.setFrozenRows(1);
        }
      },
      undo: () => {
        if (!sheet || !size) return;
        written?.clearContent();
        if (options.headerRow) {
          sheet.getRange(1, 1, 1, cols).setFontWeight(null);
          sheet.setFrozenRows(size.frozen);
        }
        // The rows and columns added for the new rows go again, so the sheet is as it was.
        const rowsNow = sheet.getMaxRows();
        if (rowsNow > size.rows) sheet.deleteRows(size.rows + 1, rowsNow - size.rows);
        const colsNow = sheet.getMaxColumns();
        if (colsNow > size.cols) sheet.deleteColumns(size.cols + 1, colsNow - size.cols);
      },
    });
  }

  /**
   * Changes one cell of a sheet of the user's at `commit` (a parameter of «Настройки» chosen in the
   * panel); undone by putting back what was there, formula or value.
   */
  setCell(name: string, row: number, column: number, value: Cell): void {
    let range: GoogleAppsScript.Spreadsheet.Range | null = null;
    let previous: { formula: string; value: Cell } | null = null;
    this.edits.push({
      applied: false,
      apply: () => {
        const sheet = this.index.find(name);
        if (!sheet) throw new Error(`Лист «${name}» не найден.`);
        range = sheet.getRange(row, column);
        previous = { formula: range.getFormula(), value: range.getValue() as Cell };
        range.setValue(guardCell(value));
      },
      undo: () => {
        if (!range || !previous) return;
        if (previous.formula) range.setFormula(previous.formula);
        else range.setValue(guardCell(previous.value));
      },
    });
  }

  /**
   * Makes the run visible: the edits, then the swap, then the removal of the old sheets. Throws
   * (after undoing everything) when a step before the swap is complete fails.
   */
  commit(): WriteOutcome {
    this.checkDeadline();
    for (const e of this.edits) {
      e.applied = true;
      e.apply();
    }
    for (const s of this.staged) {
      if (s.old) {
        s.retiredName = this.index.freeName((n) => transientName(WRITE_TEXT.retired, s.target, n));
        const current = this.index.nameOf(s.target) as string;
        s.old.setName(s.retiredName);
        this.index.renamed(current, s.retiredName);
        s.retired = true;
      }
      s.draft.setName(s.target);
      this.index.renamed(s.draftName, s.target);
      s.swapped = true;
    }
    // From here on the new results are in place: nothing that follows may undo them or fail the run.
    this.committed = true;
    this.outcome.written = this.staged.map((s) => s.target);
    for (const s of this.staged) if (s.old && s.retiredName) this.tryRemove(s.old, s.retiredName);
    for (const r of this.removals) {
      const sheet = this.index.find(r.name);
      if (sheet) this.tryRemove(sheet, r.name);
    }
    if (this.outcome.leftovers.length > 0) this.outcome.notices.push(WRITE_TEXT.leftovers(quoted(this.outcome.leftovers)));
    try {
      this.restoreActive();
    } catch {
      // The user is left on another tab: nothing is lost.
    }
    return this.outcome;
  }

  /**
   * Undoes whatever was done, newest first: swaps, edits, drafts. Each step is tried on its own;
   * returns the temporary sheets that could not be removed (the next run removes them).
   */
  rollback(): string[] {
    if (this.committed) return [];
    const failed: string[] = [];
    const attempt = (step: () => void, name?: string) => {
      try {
        step();
      } catch {
        if (name) failed.push(name);
      }
    };
    for (const s of this.staged.slice().reverse()) {
      if (s.swapped) {
        attempt(() => {
          s.draft.setName(s.draftName);
          this.index.renamed(s.target, s.draftName);
          s.swapped = false;
        });
      }
      if (s.retired && s.old && s.retiredName) {
        const retiredName = s.retiredName;
        attempt(() => {
          s.old?.setName(s.target);
          this.index.renamed(retiredName, s.target);
          s.retired = false;
        }, retiredName);
      }
    }
    for (const e of this.edits.slice().reverse()) if (e.applied) attempt(e.undo);
    for (const s of this.staged.slice().reverse()) {
      const name = s.swapped ? s.target : s.draftName;
      attempt(() => {
        this.ss.deleteSheet(s.draft);
        this.index.removed(name);
      }, name);
    }
    if (this.staged.length > 0 || this.edits.some((e) => e.applied)) attempt(() => this.restoreActive());
    return failed;
  }

  /** Names of sheets already staged, as placement sees them (taken, ours). */
  private pendingNames(): ExistingSheet[] {
    return this.staged.map((s) => ({ name: s.target, generated: true }));
  }

  private isOurs(name: string): boolean {
    const k = key(name);
    if (!this.known.has(k)) this.known.set(k, firstCellKind(this.index.find(name) as Sheet) === 'generated');
    return this.known.get(k) === true;
  }

  private tryRemove(sheet: Sheet, name: string): void {
    try {
      this.ss.deleteSheet(sheet);
      this.index.removed(name);
    } catch {
      this.outcome.leftovers.push(name);
    }
  }

  /** Sheets makes every inserted sheet the active one: the user is put back where they were. */
  private restoreActive(): void {
    if (this.activeName === null) return;
    const removed = this.removals.find((r) => key(r.name) === key(this.activeName as string) && !this.index.find(r.name));
    const sheet = this.index.find(removed?.activate ?? this.activeName);
    sheet?.activate();
  }

  private checkDeadline(): void {
    if (Date.now() - this.started > WRITE_DEADLINE_MS) throw new DeadlineError(WRITE_TEXT.tooLong(WRITE_DEADLINE_MS / 60000));
  }
}

function quoted(names: string[]): string {
  return names.map((n) => `«${n}»`).join(', ');
}

/**
 * Runs `work` (which reads, computes and stages) and commits what it staged; on any failure undoes
 * everything and throws a Russian message. Errors of our own (plain `Error` with a Russian message,
 * such as «Перед импортом выберите процедуру…») pass through unchanged.
 */
export function transact<T>(ss: Spreadsheet, work: (tx: SheetTransaction) => T): { value: T; outcome: WriteOutcome } {
  let tx: SheetTransaction | null = null;
  try {
    tx = new SheetTransaction(ss);
    const value = work(tx);
    return { value, outcome: tx.commit() };
  } catch (error) {
    throw writeError(error, tx?.rollback() ?? []);
  }
}

function writeError(error: unknown, leftovers: string[]): Error {
  if (error instanceof DeadlineError) return error;
  const e = error as { name?: string; message?: string } | null;
  const ours = e !== null && typeof e === 'object' && e.name === 'Error' && typeof e.message === 'string' && /[а-яё]/i.test(e.message);
  if (ours) return error as Error;
  // Apps Script names the errors of its services «Exception»; anything else is a fault of the add-on.
  const google = e?.name === 'Exception';
  const detail = String(e?.message ?? error).slice(0, WRITE_TEXT.maxDetail);
  return new Error(leftovers.length > 0 ? WRITE_TEXT.failedWithLeftovers(detail, google, quoted(leftovers)) : WRITE_TEXT.failed(detail, google));
}

/**
 * Writes one generated sheet all-or-nothing, placed beside a sheet of the user's of the same name
 * (for sheets written outside «Рассчитать»). Returns where it went.
 */
export function writeGenerated(ss: Spreadsheet, g: GeneratedSheet): { name: string; placement: Placement; outcome: WriteOutcome } {
  const { value, outcome } = transact(ss, (tx) => {
    const [placement] = tx.place([g]);
    tx.stage(g);
    return placement;
  });
  return { name: g.name, placement: value, outcome };
}
