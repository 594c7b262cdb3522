// Reading the workbook into the panel: on opening, on «Обновить», and quietly after a task changed it.
import type { PanelState } from '../src/addon/panel';
import { byId } from './dom';
import { showError } from './errors';
import { renderJournal } from './journal';
import { renderResults } from './results';
import { call } from './server';
import { isDirty, renderSettings } from './settingsForm';
import { renderSources, renderSourcesUnreadable } from './sources';
import { lockedTask, onLockChange, view } from './state';
import { TEXT } from './text';

const refresh = byId<HTMLButtonElement>('refresh');

export function applyState(state: PanelState): void {
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
export function refreshQuietly(): void {
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

/** Reads the workbook with the panel locked; `alongside` starts whatever else is to be read again. */
export async function load(alongside?: () => void): Promise<void> {
  if (view.busy) return;
  await lockedTask(
    'load',
    refresh,
    async () => {
      alongside?.();
      applyState(await call('getPanelState'));
    },
    (e) => {
      if (!view.state) renderSourcesUnreadable();
      showError(TEXT.sources.unreadable, e);
    },
  );
}

export function setupRefresh(reload: () => void): void {
  refresh.addEventListener('click', reload);
  onLockChange((busy) => {
    refresh.disabled = busy !== null;
  });
}
