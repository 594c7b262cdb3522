// «Сохранить» and «Рассчитать»: a run saves the changed settings first, then shows its progress
// and outcome under the button.
import type { PanelSettings } from '../src/addon/panel';
import { byId } from './dom';
import { showError } from './errors';
import { renderJournal } from './journal';
import { renderResults } from './results';
import { call } from './server';
import { isDirty, readForm, saveButton, setSettingsStatus, settingsForm } from './settingsForm';
import { lockedTask, onLockChange, view } from './state';
import { TEXT } from './text';
import { applyState, refreshQuietly } from './workbook';

const run = byId<HTMLButtonElement>('run');
const progress = byId('progress');
const runStatus = byId('run-status');

let timer: number | undefined;

/** The status line says `text`, with the seconds spent once there are two. */
function startProgress(text: string): void {
  const started = Date.now();
  const tick = () => {
    const s = Math.floor((Date.now() - started) / 1000);
    runStatus.textContent = s >= 2 ? TEXT.run.elapsed(text, s) : text;
  };
  stopProgress();
  runStatus.className = 'run-status';
  progress.hidden = false;
  tick();
  timer = window.setInterval(tick, 1000);
}

function stopProgress(): void {
  if (timer !== undefined) window.clearInterval(timer);
  timer = undefined;
  progress.hidden = true;
}

async function storeSettings(settings: PanelSettings): Promise<void> {
  applyState(await call('savePanelSettings', settings));
  setSettingsStatus(TEXT.settings.saved);
}

/** A task that sends the form's settings: nothing starts while the panel is busy or the form is wrong. */
async function settingsTask(busy: 'save' | 'run', trigger: HTMLElement, work: (settings: PanelSettings) => Promise<void>, failed: (error: unknown) => void): Promise<void> {
  if (view.busy) return;
  const settings = readForm();
  if (!settings) return;
  await lockedTask(busy, trigger, () => work(settings), failed);
}

export async function save(): Promise<void> {
  await settingsTask(
    'save',
    saveButton,
    async (settings) => {
      setSettingsStatus(TEXT.settings.saving);
      await storeSettings(settings);
    },
    (e) => {
      setSettingsStatus('');
      showError(TEXT.settings.notSaved, e, settingsForm);
    },
  );
}

async function calculate(): Promise<void> {
  await settingsTask(
    'run',
    run,
    async (settings) => {
      const dirty = isDirty();
      const started = Date.now();
      if (dirty) {
        startProgress(TEXT.run.savingSettings);
        await storeSettings(settings);
      }
      startProgress(TEXT.run.running);
      const summary = await call('runCalculation');
      view.summary = summary;
      view.ranAt = new Date();
      view.resultsChanged = false;
      stopProgress();
      const seconds = Math.max(1, Math.round((Date.now() - started) / 1000));
      runStatus.className = 'run-status done';
      runStatus.textContent = TEXT.run.done(seconds, summary.sheets.length);
      renderResults();
      renderJournal();
      // The run may have created «Настройки»: bring the sources up to date, quietly.
      refreshQuietly();
    },
    (e) => {
      stopProgress();
      runStatus.textContent = '';
      showError(TEXT.run.failed, e, runStatus);
    },
  );
}

export function setupCalculation(): void {
  run.addEventListener('click', () => void calculate());
  onLockChange((busy) => {
    run.disabled = busy !== null;
    run.textContent = busy === 'run' ? TEXT.run.busy : TEXT.run.button;
  });
}
