// The coordinator's panel. Talks to the server only through google.script.run (src/addon/panel.ts);
// every piece of data goes into the page as text (dom.ts), never as HTML.
import type { ImportOptions, ImportOutcome, ImportPreview } from '../src/addon/importPanel';
import type { PanelProblem, PanelSettings, PanelSource, PanelState, RunSummary } from '../src/addon/panel';
import type { ImportHints, ServerFunctions } from './google';
import { Child, byId, fill, h } from './dom';
import { capitalize, clock, count, describeFailure, formatInteger, formatNumber, parseThreshold } from './format';
import { applyBlocker, hintRequired, importOutcomeView, importPreviewView } from './importView';

type Busy = null | 'load' | 'save' | 'run' | 'import' | 'apply' | 'monitoring';

/** The sheet «Рассчитать» writes the program indicators to (SHEETS.indicators on the server). */
const INDICATORS_SHEET = 'Показатели';
const RESULTS_SHEET = 'Результаты ОП';

const view = {
  state: null as PanelState | null,
  /** The outcome of «Рассчитать» pressed in this panel. */
  summary: null as RunSummary | null,
  ranAt: null as Date | null,
  busy: null as Busy,
  /** Rows were added to the results after the last «Рассчитать» of this panel. */
  resultsChanged: false,
};

/** «Импорт результатов». */
const imp = {
  options: null as ImportOptions | null,
  loadingOptions: false,
  /** The last successful check: the sheet and hints sent, what came back, the fields as they were shown. */
  checked: null as null | { sheet: string; hints: ImportHints; preview: ImportPreview; fields: { procedure: string; year: string } },
  outcome: null as ImportOutcome | null,
};

const els = {
  panel: byId('panel'),
  alert: byId('alert'),
  sources: byId('sources'),
  refresh: byId<HTMLButtonElement>('refresh'),
  form: byId<HTMLFormElement>('settings'),
  year: byId<HTMLSelectElement>('year'),
  cutoff: byId('cutoff'),
  threshold: byId<HTMLInputElement>('threshold'),
  same: byId<HTMLInputElement>('same'),
  save: byId<HTMLButtonElement>('save'),
  settingsStatus: byId('settings-status'),
  settingsFoot: byId('settings-foot'),
  run: byId<HTMLButtonElement>('run'),
  progress: byId('progress'),
  runStatus: byId('run-status'),
  results: byId('results'),
  journal: byId('journal'),
  importToggle: byId<HTMLButtonElement>('import-toggle'),
  importBody: byId('import-body'),
  importForm: byId<HTMLFormElement>('import-form'),
  importSheet: byId<HTMLSelectElement>('import-sheet'),
  importSheetHint: byId('import-sheet-hint'),
  importReload: byId<HTMLButtonElement>('import-reload'),
  importHints: byId('import-hints'),
  importAsk: byId('import-ask'),
  importProcedureField: byId('import-procedure-field'),
  importProcedure: byId<HTMLSelectElement>('import-procedure'),
  importYearField: byId('import-year-field'),
  importYear: byId<HTMLInputElement>('import-year'),
  importHintsNote: byId('import-hints-note'),
  importCheck: byId<HTMLButtonElement>('import-check'),
  importStatus: byId('import-status'),
  importPreview: byId('import-preview'),
  importApply: byId<HTMLButtonElement>('import-apply'),
  importApplyHint: byId('import-apply-hint'),
  importOutcome: byId('import-outcome'),
  monitoringToggle: byId<HTMLButtonElement>('monitoring-toggle'),
  monitoringBody: byId('monitoring-body'),
  monitoringRun: byId<HTMLButtonElement>('monitoring-run'),
  monitoringResult: byId('monitoring-result'),
};

// ---------------------------------------------------------------------------------------------
// Server calls

function call<K extends keyof ServerFunctions>(name: K, ...args: Parameters<ServerFunctions[K]>): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

function openSheet(name: string, from?: Element): void {
  call('activateSheet', name).catch((e) => showError('Не удалось открыть лист', e, from));
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Shows a failure right after `near` (the part of the panel the user just used), or at the top. */
function showError(title: string, error: unknown, near?: Element): void {
  const f = describeFailure(error);
  const close = h('button', { class: 'alert-close', attrs: { type: 'button', 'aria-label': 'Закрыть сообщение', title: 'Закрыть' }, on: { click: hideError } }, '×');
  fill(
    els.alert,
    h('div', { class: 'alert-body' }, h('p', { class: 'alert-title' }, title), h('p', { class: 'alert-text' }, f.text), f.detail ? h('p', { class: 'alert-detail' }, f.detail) : null),
    close,
  );
  els.alert.dataset.kind = f.kind;
  if (near) near.insertAdjacentElement('afterend', els.alert);
  else els.panel.insertAdjacentElement('afterbegin', els.alert);
  els.alert.hidden = false;
  els.alert.scrollIntoView?.({ block: 'nearest' });
}

function hideError(): void {
  els.alert.hidden = true;
  fill(els.alert);
}

let timer: number | undefined;

function startProgress(text: string): void {
  const started = Date.now();
  const tick = () => {
    const s = Math.floor((Date.now() - started) / 1000);
    els.runStatus.textContent = s >= 2 ? `${text} ${s} с` : text;
  };
  stopProgress();
  els.runStatus.className = 'run-status';
  els.progress.hidden = false;
  tick();
  timer = window.setInterval(tick, 1000);
}

function stopProgress(): void {
  if (timer !== undefined) window.clearInterval(timer);
  timer = undefined;
  els.progress.hidden = true;
}

/** The control to give the focus back to when the panel is unlocked. */
let returnFocus: HTMLElement | null = null;

function setBusy(busy: Busy, trigger?: HTMLElement): void {
  if (busy !== null) returnFocus = trigger && document.activeElement === trigger ? trigger : null;
  view.busy = busy;
  const locked = busy !== null;
  els.panel.setAttribute('aria-busy', String(locked));
  els.run.disabled = locked;
  els.run.textContent = busy === 'run' ? 'Идёт расчёт…' : 'Рассчитать';
  els.refresh.disabled = locked;
  for (const control of Array.from(els.form.elements) as HTMLInputElement[]) control.disabled = locked;
  if (!locked) updateDirty();
  updateImportControls();
  els.monitoringRun.disabled = locked;
  els.monitoringRun.textContent = busy === 'monitoring' ? 'Подготовка листа…' : 'Подготовить лист мониторинга';
  // A disabled button loses the focus: give it back so a keyboard user stays where they were.
  if (!locked && returnFocus && !returnFocus.hidden && (document.activeElement === document.body || document.activeElement === null)) returnFocus.focus();
  if (!locked) returnFocus = null;
}

// ---------------------------------------------------------------------------------------------
// Sources

const ROW_FORMS: Record<PanelSource['role'], [string, string, string]> = {
  questionnaire: ['ответ', 'ответа', 'ответов'],
  results: ['строка', 'строки', 'строк'],
  registry: ['школа', 'школы', 'школ'],
  settings: ['строка', 'строки', 'строк'],
  monitoring: ['строка', 'строки', 'строк'],
};

const MISSING: Record<PanelSource['role'], { text: string; required: boolean; listed: boolean }> = {
  questionnaire: { text: 'Нужен лист «Ответы на форму…»: без него ИСБШ и ШНСУ не рассчитываются.', required: true, listed: true },
  results: { text: 'Нужен лист «Результаты ОП»: без него ШНОР не определяются.', required: true, listed: true },
  registry: { text: 'Необязателен: школы сопоставляются по анкете и результатам.', required: false, listed: true },
  settings: { text: 'Будет создан при расчёте со значениями по умолчанию.', required: false, listed: true },
  monitoring: { text: 'Необязателен.', required: false, listed: false },
};

function sheetLink(name: string, label = name, className = 'link'): HTMLButtonElement {
  return h(
    'button',
    { class: className, attrs: { type: 'button', title: `Перейти на лист «${name}»`, 'aria-label': `Перейти на лист «${name}»` }, on: { click: (e) => openSheet(name, (e.currentTarget as Element).closest('ul, .sheet-links, .journal-foot, .link-row') ?? undefined) } },
    label,
  );
}

function renderSources(state: PanelState): void {
  // The monitoring sheet is optional and comes later in the year: listed once it exists.
  const shown = state.sources.filter((s) => s.sheet !== null || MISSING[s.role].listed);
  const items = shown.map((s) => {
    // Label and badge on the first line, rows and sheet link across the whole width below.
    const label = h('div', { class: 'source-label' }, s.label);
    if (!s.sheet) {
      const m = MISSING[s.role];
      return h(
        'li',
        { attrs: { 'data-role': s.role } },
        label,
        h('span', { class: `badge ${m.required ? 'badge-error' : 'badge-none'}` }, 'не найден'),
        h('div', { class: 'source-meta source-missing' }, m.text),
      );
    }
    const badge =
      s.problems > 0
        ? h('span', { class: 'badge badge-warn', attrs: { title: 'Подробности — в разделе «Журнал проверки» ниже' } }, count(s.problems, ['замечание', 'замечания', 'замечаний']))
        : h('span', { class: 'badge badge-ok' }, 'без замечаний');
    return h(
      'li',
      { attrs: { 'data-role': s.role } },
      label,
      badge,
      h('div', { class: 'source-meta' }, h('span', { class: 'source-rows' }, count(s.rows, ROW_FORMS[s.role])), h('span', { class: 'sep', attrs: { 'aria-hidden': 'true' } }, '·'), sheetLink(s.sheet)),
    );
  });
  fill(els.sources, ...items);
}

// ---------------------------------------------------------------------------------------------
// Settings

const CUTOFF_NOTES: Record<string, string> = { quartile: '25\u00a0%', quintile: '20\u00a0%' };

function renderSettings(state: PanelState): void {
  const s = state.settings;
  const years = state.years.slice();
  const options: Child[] = [h('option', { attrs: { value: '' } }, years.length ? `Последний в результатах (${years[0]})` : 'Последний в результатах')];
  for (const y of years) options.push(h('option', { attrs: { value: y } }, y));
  if (s.year && !years.includes(s.year)) options.push(h('option', { attrs: { value: s.year } }, `${s.year} — нет в результатах`));
  fill(els.year, ...options);
  els.year.value = s.year;

  fill(
    els.cutoff,
    ...state.cutoffOptions.map((o) => {
      const id = `cutoff-${o.value}`;
      const input = h('input', { attrs: { type: 'radio', name: 'cutoff', id, value: o.value } });
      input.checked = o.value === s.cutoff;
      const note = CUTOFF_NOTES[o.value];
      return h('div', { class: 'choice' }, input, h('label', { attrs: { for: id } }, capitalize(o.label), note ? h('span', { class: 'choice-note' }, ` — ${note}`) : null));
    }),
  );
  els.threshold.value = formatNumber(s.threshold, 2);
  setThresholdError(null);
  els.same.checked = s.sameProcedure;
  updateDirty();
}

function chosenCutoff(): PanelSettings['cutoff'] | null {
  const checked = els.cutoff.querySelector<HTMLInputElement>('input[name="cutoff"]:checked');
  return checked ? (checked.value as PanelSettings['cutoff']) : null;
}

/** The form as settings, or null (with the field marked) when the threshold is not a number in (0; 100]. */
function readForm(): PanelSettings | null {
  const threshold = parseThreshold(els.threshold.value);
  if (threshold === null) {
    setThresholdError('Введите число больше 0 и не больше 100, например 30.');
    return null;
  }
  setThresholdError(null);
  return { year: els.year.value, cutoff: chosenCutoff() ?? view.state?.settings.cutoff ?? 'quartile', threshold, sameProcedure: els.same.checked };
}

function setThresholdError(message: string | null): void {
  const existing = document.getElementById('threshold-error');
  if (existing) existing.remove();
  if (message === null) {
    els.threshold.removeAttribute('aria-invalid');
    els.threshold.setAttribute('aria-describedby', 'threshold-hint');
    return;
  }
  els.threshold.setAttribute('aria-invalid', 'true');
  els.threshold.setAttribute('aria-describedby', 'threshold-error threshold-hint');
  els.threshold.insertAdjacentElement('afterend', h('p', { class: 'field-error', attrs: { id: 'threshold-error' } }, message));
}

function isDirty(): boolean {
  const s = view.state?.settings;
  if (!s) return false;
  const threshold = parseThreshold(els.threshold.value);
  return els.year.value !== s.year || chosenCutoff() !== s.cutoff || threshold !== s.threshold || els.same.checked !== s.sameProcedure;
}

const UNSAVED = 'Изменения не сохранены';

function updateDirty(): void {
  const dirty = isDirty();
  els.save.hidden = !dirty;
  els.save.disabled = view.busy !== null || !dirty;
  if (dirty) setSettingsStatus(UNSAVED);
  else if (els.settingsStatus.textContent === UNSAVED) setSettingsStatus('');
}

function setSettingsStatus(text: string): void {
  els.settingsStatus.textContent = text;
  els.settingsFoot.hidden = els.save.hidden && text === '';
}

async function save(): Promise<void> {
  if (view.busy) return;
  const settings = readForm();
  if (!settings) {
    els.threshold.focus();
    return;
  }
  hideError();
  setBusy('save', els.save);
  setSettingsStatus('Сохранение…');
  try {
    applyState(await call('savePanelSettings', settings));
    setSettingsStatus('Сохранено в листе «Настройки»');
  } catch (e) {
    setSettingsStatus('');
    showError('Параметры не сохранены', e, els.form);
  } finally {
    setBusy(null);
  }
}

// ---------------------------------------------------------------------------------------------
// Results and journal

function tile(value: number, label: string, main = false): HTMLElement {
  return h('div', { class: main ? 'tile tile-main' : 'tile' }, h('span', { class: 'tile-value' }, formatInteger(value)), h('span', { class: 'tile-label' }, label));
}

function fact(label: string, value: string, attention = false): HTMLElement {
  return h('li', { class: attention ? 'attention' : '' }, h('span', null, label), h('span', null, value));
}

function renderResults(): void {
  const state = view.state;
  const s = view.summary ?? state?.preview ?? null;
  if (!s) {
    fill(els.results, h('p', { class: 'empty' }, 'Нет данных.'));
    return;
  }
  const ran = view.summary !== null;
  const note = ran
    ? `Расчёт выполнен в ${clock(view.ranAt ?? new Date())}. Листы обновлены.`
    : 'Предварительно, по текущим данным. Листы сформируются после нажатия «Рассчитать».';
  const changed = ran && view.resultsChanged ? h('p', { class: 'note attention', attrs: { id: 'results-changed' } }, 'После расчёта в результаты добавлены строки: нажмите «Рассчитать» ещё раз.') : null;
  const facts: HTMLElement[] = [
    fact('Учебный год анализа', s.year ?? 'не определён'),
    fact('Школ в расчёте', formatInteger(s.schools)),
    fact(`Граница ИСБШ (${s.cutoffLabel})`, s.cutoff === null ? '—' : formatNumber(s.cutoff, 2)),
  ];
  if (s.needsCheck > 0) facts.push(fact('Требуют проверки данных', formatInteger(s.needsCheck), true));
  if (s.noData > 0) facts.push(fact('Нет результатов за 2 года', formatInteger(s.noData), true));
  if (s.noIndex > 0) facts.push(fact('Без ИСБШ (нет анкеты)', formatInteger(s.noIndex), true));

  const sheets = ran ? s.sheets : state?.generated ?? [];
  const ordered = sheets.slice().sort((a, b) => Number(b === s.listSheet) - Number(a === s.listSheet));
  const links = ordered.length
    ? [
        h('p', { class: 'subhead' }, ran ? 'Сформированные листы' : 'Листы прошлого расчёта'),
        h('div', { class: 'sheet-links', attrs: { id: 'sheet-links' } }, ...ordered.map((n) => sheetLink(n, n, n === s.listSheet ? 'chip chip-main' : 'chip'))),
      ]
    : [];

  fill(
    els.results,
    h('p', { class: 'note' }, note),
    changed,
    h('div', { class: 'tiles', attrs: { id: 'counts' } }, tile(s.shnor, 'ШНОР', true), tile(s.shnsu, 'ШНСУ', true), tile(s.both, 'ШНОР и ШНСУ')),
    h('ul', { class: 'facts' }, ...facts),
    ...indicatorsView(s, sheets.includes(INDICATORS_SHEET)),
    ...links,
  );
}

const INDICATOR_KINDS = [
  { key: 'reached', label: 'Достигнуты' },
  { key: 'notReached', label: 'Не достигнуты' },
  { key: 'noData', label: 'Нет данных' },
] as const;

/** Program indicators by status: a bar of their shares, the counts, the sheet with the details. */
function indicatorsView(s: RunSummary, sheetExists: boolean): Child[] {
  const i = s.indicators;
  if (!i) return [];
  const total = i.reached + i.notReached + i.noData;
  const bar = h('div', { class: 'meter', attrs: { 'aria-hidden': 'true' } });
  for (const k of INDICATOR_KINDS) {
    if (i[k.key] === 0) continue;
    const part = h('span', { class: `meter-part dot-${k.key}` });
    part.style.width = `${(100 * i[k.key]) / total}%`;
    bar.appendChild(part);
  }
  return [
    h('p', { class: 'subhead' }, 'Показатели программы'),
    total > 0 ? bar : null,
    h(
      'ul',
      { class: 'facts indicator-facts', attrs: { id: 'indicators', 'aria-label': 'Показатели программы' } },
      ...INDICATOR_KINDS.map((k) =>
        h('li', { attrs: { 'data-status': k.key } }, h('span', null, h('span', { class: `dot dot-${k.key}`, attrs: { 'aria-hidden': 'true' } }), k.label), h('span', null, formatInteger(i[k.key]))),
      ),
    ),
    sheetExists
      ? h('p', { class: 'link-row' }, sheetLink(INDICATORS_SHEET, `Открыть лист «${INDICATORS_SHEET}»`))
      : h('p', { class: 'hint' }, `Подробно — на листе «${INDICATORS_SHEET}» после расчёта.`),
  ];
}

function problemItem(p: PanelProblem): HTMLElement {
  const where: string[] = [];
  if (p.sheet) where.push(p.row !== null ? `${p.sheet}, строка ${p.row}` : p.sheet);
  return h(
    'li',
    { class: `level-${p.level}` },
    h('div', { class: 'problem-where' }, h('span', { class: 'problem-level' }, p.levelLabel), where.length ? ` · ${where.join('')}` : null),
    p.school ? h('div', { class: 'problem-school' }, p.school) : null,
    h('div', { class: 'problem-message' }, p.message),
  );
}

function renderJournal(): void {
  const state = view.state;
  const s = view.summary ?? state?.preview ?? null;
  if (!s) {
    fill(els.journal);
    return;
  }
  const total = s.errors + s.warnings;
  const counts = h(
    'div',
    { class: 'counts' },
    total === 0 ? h('span', { class: 'badge badge-ok' }, 'Замечаний к данным нет') : null,
    s.errors > 0 ? h('span', { class: 'badge badge-error' }, `Ошибок: ${formatInteger(s.errors)}`) : null,
    s.warnings > 0 ? h('span', { class: 'badge badge-warn' }, `Предупреждений: ${formatInteger(s.warnings)}`) : null,
  );
  const list = s.problems.length ? h('ul', { class: 'problems', attrs: { id: 'problems', 'aria-label': 'Первые замечания' } }, ...s.problems.map(problemItem)) : null;
  const journalExists = (view.summary ? s.sheets : state?.generated ?? []).includes(s.journalSheet);
  const foot = h(
    'div',
    { class: 'journal-foot' },
    total > s.problems.length ? h('p', { class: 'hint' }, `Показаны первые ${s.problems.length} из ${formatInteger(total)}.`) : null,
    journalExists
      ? h('p', { class: 'journal-link' }, sheetLink(s.journalSheet, `Открыть лист «${s.journalSheet}»`))
      : h('p', { class: 'hint' }, `Полный журнал будет на листе «${s.journalSheet}» после расчёта.`),
  );
  fill(els.journal, counts, list, foot);
}

// ---------------------------------------------------------------------------------------------
// Flow

function applyState(state: PanelState): void {
  view.state = state;
  renderSources(state);
  renderSettings(state);
  renderResults();
  renderJournal();
}

/**
 * Reads the sources again after something changed the workbook (a run, an import, the monitoring
 * sheet), without a message: the form keeps what the user is typing.
 */
function refreshQuietly(): void {
  call('getPanelState')
    .then((state) => {
      if (view.busy) return;
      const dirty = isDirty();
      view.state = state;
      renderSources(state);
      if (!dirty) renderSettings(state);
      if (!view.summary) {
        renderResults();
        renderJournal();
      }
    })
    .catch(() => undefined);
}

async function load(): Promise<void> {
  if (view.busy) return;
  hideError();
  setBusy('load', els.refresh);
  if (isOpen(els.importToggle)) void loadImportOptions();
  try {
    applyState(await call('getPanelState'));
  } catch (e) {
    if (!view.state) fill(els.sources, h('li', { class: 'placeholder' }, 'Не удалось прочитать таблицу.'));
    showError('Не удалось прочитать таблицу', e);
  } finally {
    setBusy(null);
  }
}

async function calculate(): Promise<void> {
  if (view.busy) return;
  const settings = readForm();
  if (!settings) {
    els.threshold.focus();
    return;
  }
  hideError();
  const dirty = isDirty();
  setBusy('run', els.run);
  const started = Date.now();
  try {
    if (dirty) {
      startProgress('Сохранение параметров…');
      applyState(await call('savePanelSettings', settings));
      setSettingsStatus('Сохранено в листе «Настройки»');
    }
    startProgress('Идёт расчёт: чтение листов, ИСБШ, ШНОР, запись листов…');
    const summary = await call('runCalculation');
    view.summary = summary;
    view.ranAt = new Date();
    view.resultsChanged = false;
    stopProgress();
    const seconds = Math.max(1, Math.round((Date.now() - started) / 1000));
    els.runStatus.className = 'run-status done';
    els.runStatus.textContent = `Готово за ${seconds} с. Сформировано листов: ${summary.sheets.length}.`;
    renderResults();
    renderJournal();
    // The run may have created «Настройки»: bring the sources up to date, quietly.
    refreshQuietly();
  } catch (e) {
    stopProgress();
    els.runStatus.textContent = '';
    showError('Расчёт не выполнен', e, els.runStatus);
  } finally {
    setBusy(null);
  }
}

// ---------------------------------------------------------------------------------------------
// Collapsible sections (import and monitoring sit below the main flow, closed at first)

function isOpen(toggle: HTMLButtonElement): boolean {
  return toggle.getAttribute('aria-expanded') === 'true';
}

function setupFold(toggle: HTMLButtonElement, body: HTMLElement, onOpen?: () => void): void {
  toggle.addEventListener('click', () => {
    const open = !isOpen(toggle);
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    if (open) onOpen?.();
  });
}

// ---------------------------------------------------------------------------------------------
// Import

function resultsSheetName(): string {
  return imp.checked?.preview.resultsSheet ?? imp.options?.resultsSheet ?? RESULTS_SHEET;
}

function setImportStatus(text: string): void {
  els.importStatus.textContent = text;
}

/** A message under a field of the import form (null removes it). */
function setFieldError(control: HTMLInputElement | HTMLSelectElement, message: string | null): void {
  const id = `${control.id}-error`;
  document.getElementById(id)?.remove();
  const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (message === null) {
    control.removeAttribute('aria-invalid');
    control.setAttribute('aria-describedby', described.join(' '));
    return;
  }
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', [id, ...described].join(' '));
  control.insertAdjacentElement('afterend', h('p', { class: 'field-error', attrs: { id } }, message));
}

function fieldValues(): { procedure: string; year: string } {
  return { procedure: els.importProcedureField.hidden ? '' : els.importProcedure.value, year: els.importYearField.hidden ? '' : els.importYear.value.trim() };
}

/** The procedure or the year was changed after the check: «Добавить» waits for another check. */
function hintsChanged(): boolean {
  if (!imp.checked || els.importHints.hidden) return false;
  const now = fieldValues();
  return now.procedure !== imp.checked.fields.procedure || now.year !== imp.checked.fields.year;
}

function updateImportControls(): void {
  const locked = view.busy !== null;
  const sheets = imp.options?.sheets ?? [];
  const noSheets = imp.options === null || sheets.length === 0;
  els.importReload.disabled = locked || imp.loadingOptions;
  els.importSheet.disabled = locked || imp.loadingOptions || noSheets;
  els.importProcedure.disabled = locked;
  els.importYear.disabled = locked;
  els.importCheck.disabled = locked || imp.loadingOptions || noSheets;
  els.importCheck.textContent = view.busy === 'import' ? 'Проверка…' : 'Проверить';

  let blocker: string | null;
  let ready = '';
  const c = imp.checked;
  if (noSheets) blocker = 'Нет листа со вставкой.';
  else if (!c || c.sheet !== els.importSheet.value) blocker = 'Сначала выберите лист и нажмите «Проверить».';
  else if (imp.outcome) blocker = 'Импорт выполнен. Чтобы проверить лист снова, нажмите «Проверить».';
  else if (hintsChanged()) blocker = 'Процедура или учебный год изменены: нажмите «Проверить» ещё раз.';
  else {
    blocker = applyBlocker(c.preview, resultsSheetName());
    ready = `${capitalize(count(c.preview.toAppend, ['строка будет дописана', 'строки будут дописаны', 'строк будут дописаны']))} в конец листа «${resultsSheetName()}»; имеющиеся строки не изменятся.`;
  }
  els.importApply.disabled = locked || blocker !== null;
  els.importApply.textContent = view.busy === 'apply' ? 'Добавление…' : `Добавить в «${resultsSheetName()}»`;
  els.importApplyHint.textContent = blocker ?? ready;
}

function renderSheetSelect(): void {
  if (!imp.options) {
    fill(els.importSheet, h('option', { attrs: { value: '' } }, imp.loadingOptions ? 'Чтение листов…' : 'Список листов не прочитан'));
    els.importSheetHint.hidden = true;
    return;
  }
  const sheets = imp.options.sheets;
  const before = els.importSheet.value;
  if (sheets.length === 0) {
    fill(els.importSheet, h('option', { attrs: { value: '' } }, 'Нет листов со вставкой'));
    els.importSheetHint.textContent =
      'Вставьте отчёт на новый лист (значок «+» внизу таблицы) и нажмите «Обновить список». Исходные и сформированные листы здесь не предлагаются.';
    els.importSheetHint.hidden = false;
  } else {
    fill(els.importSheet, ...sheets.map((name) => h('option', { attrs: { value: name } }, name)));
    els.importSheet.value = sheets.includes(before) ? before : imp.options.active ?? sheets[0];
    els.importSheetHint.hidden = true;
    els.importSheetHint.textContent = '';
  }
  if (imp.checked && imp.checked.sheet !== els.importSheet.value) resetImportCheck();
}

async function loadImportOptions(): Promise<void> {
  if (imp.loadingOptions) return;
  imp.loadingOptions = true;
  renderSheetSelect();
  updateImportControls();
  try {
    imp.options = await call('getImportOptions');
  } catch (e) {
    showError('Не удалось прочитать список листов', e, els.importSheet.closest('.field') ?? els.importForm);
  } finally {
    imp.loadingOptions = false;
    renderSheetSelect();
    updateImportControls();
  }
}

/** Another sheet was chosen: what was checked no longer applies. */
function resetImportCheck(): void {
  imp.checked = null;
  imp.outcome = null;
  els.importHints.hidden = true;
  setFieldError(els.importProcedure, null);
  setFieldError(els.importYear, null);
  fill(els.importPreview);
  fill(els.importOutcome);
  setImportStatus('');
  updateImportControls();
}

const ASK: Record<string, string> = {
  'procedure+year': 'Во вставке не указаны процедура и учебный год. Выберите процедуру, укажите год и нажмите «Проверить».',
  procedure: 'Во вставке не указана процедура. Выберите её и нажмите «Проверить».',
  year: 'Во вставке не указан учебный год. Укажите его и нажмите «Проверить».',
};

/** Shows the procedure and year fields the check calls for, filled with what will be used. */
function renderImportHints(p: ImportPreview): void {
  const askProcedure = p.layout !== null && !p.perRow.procedure;
  const askYear = p.layout !== null && !p.perRow.year;
  els.importHints.hidden = !askProcedure && !askYear;
  els.importProcedureField.hidden = !askProcedure;
  els.importYearField.hidden = !askYear;
  const procedures = imp.options?.procedures ?? p.procedures;
  const options: Child[] = [h('option', { attrs: { value: '' } }, '— выберите процедуру —'), ...procedures.map((name) => h('option', { attrs: { value: name } }, name))];
  if (p.procedure && !procedures.includes(p.procedure)) options.push(h('option', { attrs: { value: p.procedure } }, p.procedure));
  fill(els.importProcedure, ...options);
  els.importProcedure.value = p.procedure ?? '';
  els.importYear.value = p.year ?? '';
  els.importProcedure.setAttribute('aria-required', String(hintRequired(p, 'procedure')));
  els.importYear.setAttribute('aria-required', String(hintRequired(p, 'year')));
  setFieldError(els.importProcedure, null);
  setFieldError(els.importYear, null);

  const needs = p.needs.filter((n) => (n === 'procedure' ? askProcedure : askYear));
  els.importAsk.hidden = needs.length === 0;
  els.importAsk.textContent = ASK[needs.join('+')] ?? '';
  const read: string[] = [];
  if (askProcedure && p.proposed.procedure) read.push(p.proposed.procedureText ? `«${p.proposed.procedureText}»` : `«${p.proposed.procedure}»`);
  if (askYear && p.proposed.year) read.push(p.proposed.year);
  els.importHintsNote.textContent = needs.length
    ? 'Учебный год — в виде 2022/2023.'
    : read.length
      ? `Прочитано во вставке: ${read.join(', ')}. Если неверно, исправьте и нажмите «Проверить».`
      : 'Указано вами. Можно изменить и нажать «Проверить» снова.';
}

/** The hints to send with a check, or null (with the field marked) when a required one is empty. */
function readImportHints(sheet: string): ImportHints | null {
  const c = imp.checked;
  if (!c || c.sheet !== sheet || els.importHints.hidden) return {};
  const hints: ImportHints = {};
  const v = fieldValues();
  if (!els.importProcedureField.hidden) {
    if (v.procedure) hints.procedure = v.procedure;
    else if (hintRequired(c.preview, 'procedure')) {
      setFieldError(els.importProcedure, 'Выберите процедуру из списка.');
      els.importProcedure.focus();
      return null;
    }
  }
  if (!els.importYearField.hidden) {
    if (v.year) hints.year = v.year;
    else if (hintRequired(c.preview, 'year')) {
      setFieldError(els.importYear, 'Укажите учебный год, например 2022/2023.');
      els.importYear.focus();
      return null;
    }
  }
  return hints;
}

function renderImport(): void {
  const c = imp.checked;
  if (!c) {
    fill(els.importPreview);
    fill(els.importOutcome);
    return;
  }
  fill(els.importPreview, ...importPreviewView(imp.outcome ?? c.preview, imp.outcome !== null));
  if (imp.outcome) fill(els.importOutcome, ...importOutcomeView(imp.outcome, (name, label, className) => sheetLink(name, label, className)));
  else fill(els.importOutcome);
}

async function checkImport(): Promise<void> {
  if (view.busy || imp.loadingOptions) return;
  const sheet = els.importSheet.value;
  if (!sheet) return;
  const hints = readImportHints(sheet);
  if (!hints) return;
  hideError();
  setBusy('import', els.importCheck);
  setImportStatus('Проверка листа…');
  try {
    const preview = await call('previewImport', sheet, hints);
    renderImportHints(preview);
    imp.checked = { sheet, hints, preview, fields: fieldValues() };
    imp.outcome = null;
    renderImport();
    setImportStatus(`Проверено в ${clock(new Date())}.`);
  } catch (e) {
    setImportStatus('');
    showError('Лист не проверен', e, els.importForm);
  } finally {
    setBusy(null);
  }
}

async function applyImportNow(): Promise<void> {
  const c = imp.checked;
  if (view.busy || !c || els.importApply.disabled) return;
  hideError();
  setBusy('apply', els.importApply);
  setImportStatus('');
  try {
    const outcome = await call('applyImport', c.sheet, c.hints);
    imp.outcome = outcome;
    if (outcome.appended > 0 && view.summary) view.resultsChanged = true;
    renderImport();
    renderResults();
    refreshQuietly();
  } catch (e) {
    showError('Импорт не выполнен', e, els.importApply.parentElement ?? els.importApply);
  } finally {
    setBusy(null);
  }
  // The button is disabled after an import: keep a keyboard user next to what happened.
  if (imp.outcome && (document.activeElement === document.body || document.activeElement === null)) {
    els.importOutcome.querySelector<HTMLElement>('button')?.focus();
  }
}

// ---------------------------------------------------------------------------------------------
// Monitoring sheet

async function prepareMonitoringNow(): Promise<void> {
  if (view.busy) return;
  hideError();
  setBusy('monitoring', els.monitoringRun);
  fill(els.monitoringResult);
  try {
    const r = await call('prepareMonitoring');
    fill(
      els.monitoringResult,
      h(
        'div',
        { class: 'callout callout-ok' },
        h('p', { class: 'callout-title' }, r.message),
        h('div', { class: 'sheet-links' }, sheetLink(r.sheet, `Открыть лист «${r.sheet}»`, 'chip chip-main')),
      ),
    );
    refreshQuietly();
  } catch (e) {
    showError('Лист мониторинга не подготовлен', e, els.monitoringRun);
  } finally {
    setBusy(null);
  }
}

// ---------------------------------------------------------------------------------------------
// Events

els.form.addEventListener('submit', (e) => {
  e.preventDefault();
  void save();
});
els.form.addEventListener('input', updateDirty);
els.form.addEventListener('change', updateDirty);
els.threshold.addEventListener('blur', () => {
  if (els.threshold.value.trim() && parseThreshold(els.threshold.value) === null) setThresholdError('Введите число больше 0 и не больше 100, например 30.');
  else setThresholdError(null);
});
els.run.addEventListener('click', () => void calculate());
els.refresh.addEventListener('click', () => void load());

setupFold(els.importToggle, els.importBody, () => {
  if (!imp.options) void loadImportOptions();
});
setupFold(els.monitoringToggle, els.monitoringBody);
els.importForm.addEventListener('submit', (e) => {
  e.preventDefault();
  void checkImport();
});
els.importSheet.addEventListener('change', resetImportCheck);
els.importReload.addEventListener('click', () => void loadImportOptions());
for (const control of [els.importProcedure, els.importYear]) {
  const changed = () => {
    setFieldError(control, null);
    updateImportControls();
  };
  control.addEventListener('input', changed);
  control.addEventListener('change', changed);
}
els.importApply.addEventListener('click', () => void applyImportNow());
els.monitoringRun.addEventListener('click', () => void prepareMonitoringNow());
renderSheetSelect();
updateImportControls();

void load();
