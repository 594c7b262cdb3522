// The coordinator's panel. Talks to the server only through google.script.run (src/addon/panel.ts);
// every piece of data goes into the page as text (dom.ts), never as HTML.
import type { PanelProblem, PanelSettings, PanelSource, PanelState, RunSummary } from '../src/addon/panel';
import type { ServerFunctions } from './google';
import { Child, byId, fill, h } from './dom';
import { capitalize, clock, count, describeFailure, formatInteger, formatNumber, parseThreshold } from './format';

type Busy = null | 'load' | 'save' | 'run';

const view = {
  state: null as PanelState | null,
  /** The outcome of «Рассчитать» pressed in this panel. */
  summary: null as RunSummary | null,
  ranAt: null as Date | null,
  busy: null as Busy,
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
    { class: className, attrs: { type: 'button', title: `Перейти на лист «${name}»`, 'aria-label': `Перейти на лист «${name}»` }, on: { click: (e) => openSheet(name, (e.currentTarget as Element).closest('ul, .sheet-links, .journal-foot') ?? undefined) } },
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
    h('div', { class: 'tiles', attrs: { id: 'counts' } }, tile(s.shnor, 'ШНОР', true), tile(s.shnsu, 'ШНСУ', true), tile(s.both, 'ШНОР и ШНСУ')),
    h('ul', { class: 'facts' }, ...facts),
    ...links,
  );
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

async function load(): Promise<void> {
  if (view.busy) return;
  hideError();
  setBusy('load', els.refresh);
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
    stopProgress();
    const seconds = Math.max(1, Math.round((Date.now() - started) / 1000));
    els.runStatus.className = 'run-status done';
    els.runStatus.textContent = `Готово за ${seconds} с. Сформировано листов: ${summary.sheets.length}.`;
    renderResults();
    renderJournal();
    // The run may have created «Настройки»: bring the sources up to date, quietly.
    call('getPanelState')
      .then((state) => {
        if (view.busy || isDirty()) return;
        view.state = state;
        renderSources(state);
        renderSettings(state);
      })
      .catch(() => undefined);
  } catch (e) {
    stopProgress();
    els.runStatus.textContent = '';
    showError('Расчёт не выполнен', e, els.runStatus);
  } finally {
    setBusy(null);
  }
}

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

void load();
