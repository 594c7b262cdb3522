// «Импорт результатов»: choose the sheet with a paste, «Проверить» it, then «Добавить» its rows to
// the results. What a check found is drawn by importView.ts; the procedure and year fields are importHints.ts.
import type { ImportOptions, ImportOutcome } from '../src/addon/importPanel';
import { SHEETS } from '../src/engine/strings';
import { byId, fill, h } from './dom';
import { showError } from './errors';
import { isOpen, setupFold } from './folds';
import { clock } from './format';
import { Checked, hintFields, hintsChanged, readHints, renderHints, resetHints, setupHints } from './importHints';
import { applyBlocker, importOutcomeView, importPreviewView } from './importView';
import { renderResults } from './results';
import { call } from './server';
import { lockedTask, onLockChange, view } from './state';
import { TEXT } from './text';
import { refreshQuietly } from './workbook';

const imp = {
  options: null as ImportOptions | null,
  loadingOptions: false,
  checked: null as Checked | null,
  outcome: null as ImportOutcome | null,
};

const toggle = byId<HTMLButtonElement>('import-toggle');
const body = byId('import-body');
const form = byId<HTMLFormElement>('import-form');
const sheet = byId<HTMLSelectElement>('import-sheet');
const sheetHint = byId('import-sheet-hint');
const reload = byId<HTMLButtonElement>('import-reload');
const check = byId<HTMLButtonElement>('import-check');
const status = byId('import-status');
const preview = byId('import-preview');
const apply = byId<HTMLButtonElement>('import-apply');
const applyHint = byId('import-apply-hint');
const outcome = byId('import-outcome');

function resultsSheetName(): string {
  return imp.checked?.preview.resultsSheet ?? imp.options?.resultsSheet ?? SHEETS.results;
}

/** Why «Добавить» is not available now, or null when it is. */
function whyNotApply(noSheets: boolean): string | null {
  const c = imp.checked;
  if (noSheets) return TEXT.import.noSheet;
  if (!c || c.sheet !== sheet.value) return TEXT.import.checkFirst;
  if (imp.outcome) return TEXT.import.checkAgainAfterImport;
  if (hintsChanged(c)) return TEXT.import.checkAgainAfterHints;
  return applyBlocker(c.preview, resultsSheetName());
}

function updateImportControls(): void {
  const locked = view.busy !== null;
  const noSheets = imp.options === null || imp.options.sheets.length === 0;
  reload.disabled = locked || imp.loadingOptions;
  sheet.disabled = locked || imp.loadingOptions || noSheets;
  check.disabled = locked || imp.loadingOptions || noSheets;
  check.textContent = view.busy === 'import' ? TEXT.import.checkBusy : TEXT.import.check;

  const blocker = whyNotApply(noSheets);
  apply.disabled = locked || blocker !== null;
  apply.textContent = view.busy === 'apply' ? TEXT.import.applyBusy : TEXT.import.apply(resultsSheetName());
  applyHint.textContent = blocker ?? TEXT.import.ready(imp.checked?.preview.toAppend ?? 0, resultsSheetName());
}

function renderSheetSelect(): void {
  if (!imp.options) {
    fill(sheet, h('option', { attrs: { value: '' } }, imp.loadingOptions ? TEXT.import.readingSheets : TEXT.import.sheetsNotRead));
    sheetHint.hidden = true;
    return;
  }
  const sheets = imp.options.sheets;
  const before = sheet.value;
  if (sheets.length === 0) {
    fill(sheet, h('option', { attrs: { value: '' } }, TEXT.import.noPasteSheets));
    sheetHint.textContent = TEXT.import.howToPaste;
    sheetHint.hidden = false;
  } else {
    fill(sheet, ...sheets.map((name) => h('option', { attrs: { value: name } }, name)));
    sheet.value = sheets.includes(before) ? before : imp.options.active ?? sheets[0];
    sheetHint.hidden = true;
    sheetHint.textContent = '';
  }
  if (imp.checked && imp.checked.sheet !== sheet.value) resetImportCheck();
}

async function loadImportOptions(): Promise<void> {
  if (imp.loadingOptions) return;
  imp.loadingOptions = true;
  renderSheetSelect();
  updateImportControls();
  try {
    imp.options = await call('getImportOptions');
  } catch (e) {
    showError(TEXT.import.sheetsUnreadable, e, sheet.closest('.field') ?? form);
  } finally {
    imp.loadingOptions = false;
    renderSheetSelect();
    updateImportControls();
  }
}

/** «Обновить» reads the sheets to import from as well, once the section has been opened. */
export function reloadImportSheetsIfOpen(): void {
  if (isOpen(toggle)) void loadImportOptions();
}

/** Another sheet was chosen: what was checked no longer applies. */
function resetImportCheck(): void {
  imp.checked = null;
  imp.outcome = null;
  resetHints();
  renderImport();
  status.textContent = '';
  updateImportControls();
}

function renderImport(): void {
  const c = imp.checked;
  if (!c) {
    fill(preview);
    fill(outcome);
    return;
  }
  fill(preview, ...importPreviewView(imp.outcome ?? c.preview, imp.outcome !== null));
  if (imp.outcome) fill(outcome, ...importOutcomeView(imp.outcome));
  else fill(outcome);
}

async function checkImport(): Promise<void> {
  if (view.busy || imp.loadingOptions) return;
  const name = sheet.value;
  if (!name) return;
  const hints = readHints(imp.checked, name);
  if (!hints) return;
  await lockedTask(
    'import',
    check,
    async () => {
      status.textContent = TEXT.import.checking;
      const p = await call('previewImport', name, hints);
      renderHints(p, imp.options?.procedures ?? p.procedures);
      imp.checked = { sheet: name, hints, preview: p, fields: hintFields() };
      imp.outcome = null;
      renderImport();
      status.textContent = TEXT.import.checkedAt(clock(new Date()));
    },
    (e) => {
      status.textContent = '';
      showError(TEXT.import.notChecked, e, form);
    },
  );
}

async function applyImport(): Promise<void> {
  const c = imp.checked;
  if (view.busy || !c || apply.disabled) return;
  await lockedTask(
    'apply',
    apply,
    async () => {
      status.textContent = '';
      const o = await call('applyImport', c.sheet, c.hints);
      imp.outcome = o;
      if (o.appended > 0 && view.summary) view.resultsChanged = true;
      renderImport();
      renderResults();
      refreshQuietly();
    },
    (e) => showError(TEXT.import.notApplied, e, apply.parentElement ?? apply),
  );
  // The button is disabled after an import: keep a keyboard user next to what happened.
  if (imp.outcome && (document.activeElement === document.body || document.activeElement === null)) {
    outcome.querySelector<HTMLElement>('button')?.focus();
  }
}

export function setupImportPanel(): void {
  setupFold(toggle, body, () => {
    if (!imp.options) void loadImportOptions();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void checkImport();
  });
  sheet.addEventListener('change', resetImportCheck);
  reload.addEventListener('click', () => void loadImportOptions());
  setupHints(updateImportControls);
  apply.addEventListener('click', () => void applyImport());
  onLockChange(updateImportControls);
  renderSheetSelect();
  updateImportControls();
}
