// «Параметры расчёта»: the form showing «Настройки», what the user changed in it and its status line.
import type { PanelSettings, PanelState } from '../src/addon/panel';
import { Child, byId, fill, h } from './dom';
import { setFieldError } from './fieldError';
import { capitalize, formatNumber, parseThreshold } from './format';
import { onLockChange, view } from './state';
import { TEXT } from './text';

export const settingsForm = byId<HTMLFormElement>('settings');
const year = byId<HTMLSelectElement>('year');
const cutoff = byId('cutoff');
const threshold = byId<HTMLInputElement>('threshold');
const same = byId<HTMLInputElement>('same');
export const saveButton = byId<HTMLButtonElement>('save');
const status = byId('settings-status');
const foot = byId('settings-foot');

export function renderSettings(state: PanelState): void {
  const s = state.settings;
  const years = state.years.slice();
  const options: Child[] = [h('option', { attrs: { value: '' } }, years.length ? TEXT.settings.latestYearIs(years[0]) : TEXT.settings.latestYear)];
  for (const y of years) options.push(h('option', { attrs: { value: y } }, y));
  if (s.year && !years.includes(s.year)) options.push(h('option', { attrs: { value: s.year } }, TEXT.settings.yearNotInResults(s.year)));
  fill(year, ...options);
  year.value = s.year;

  fill(
    cutoff,
    ...state.cutoffOptions.map((o) => {
      const id = `cutoff-${o.value}`;
      const input = h('input', { attrs: { type: 'radio', name: 'cutoff', id, value: o.value } });
      input.checked = o.value === s.cutoff;
      const share = TEXT.settings.cutoffShare[o.value];
      return h('div', { class: 'choice' }, input, h('label', { attrs: { for: id } }, capitalize(o.label), share ? h('span', { class: 'choice-note' }, ` — ${share}`) : null));
    }),
  );
  threshold.value = formatNumber(s.threshold, 2);
  setFieldError(threshold, null);
  same.checked = s.sameProcedure;
  updateDirty();
}

function chosenCutoff(): PanelSettings['cutoff'] | null {
  const checked = cutoff.querySelector<HTMLInputElement>('input[name="cutoff"]:checked');
  return checked ? (checked.value as PanelSettings['cutoff']) : null;
}

/** The form as settings, or null (with the field marked and focused) when the threshold is not a number in (0; 100]. */
export function readForm(): PanelSettings | null {
  const value = parseThreshold(threshold.value);
  if (value === null) {
    setFieldError(threshold, TEXT.settings.badThreshold);
    threshold.focus();
    return null;
  }
  setFieldError(threshold, null);
  return { year: year.value, cutoff: chosenCutoff() ?? view.state?.settings.cutoff ?? 'quartile', threshold: value, sameProcedure: same.checked };
}

export function isDirty(): boolean {
  const s = view.state?.settings;
  if (!s) return false;
  return year.value !== s.year || chosenCutoff() !== s.cutoff || parseThreshold(threshold.value) !== s.threshold || same.checked !== s.sameProcedure;
}

function updateDirty(): void {
  const dirty = isDirty();
  saveButton.hidden = !dirty;
  saveButton.disabled = view.busy !== null || !dirty;
  if (dirty) setSettingsStatus(TEXT.settings.unsaved);
  else if (status.textContent === TEXT.settings.unsaved) setSettingsStatus('');
}

export function setSettingsStatus(text: string): void {
  status.textContent = text;
  foot.hidden = saveButton.hidden && text === '';
}

/** `save` is what submitting the form (Enter or «Сохранить») does. */
export function setupSettingsForm(save: () => void): void {
  settingsForm.addEventListener('submit', (e) => {
    e.preventDefault();
    save();
  });
  settingsForm.addEventListener('input', updateDirty);
  settingsForm.addEventListener('change', updateDirty);
  threshold.addEventListener('blur', () => {
    setFieldError(threshold, threshold.value.trim() && parseThreshold(threshold.value) === null ? TEXT.settings.badThreshold : null);
  });
  onLockChange((busy) => {
    const locked = busy !== null;
    for (const control of Array.from(settingsForm.elements) as HTMLInputElement[]) control.disabled = locked;
    if (!locked) updateDirty();
  });
}
