// What the panel shows, and the lock held while the server works: one task at a time, and while it
// runs every control that could start another is disabled.
import type { PanelState, RunSummary } from '../src/addon/panel';
import { byId } from './dom';
import { hideError } from './errors';

export type Busy = null | 'load' | 'save' | 'run' | 'import' | 'apply' | 'monitoring' | 'form' | 'document' | 'record' | 'roadmap';

export const view = {
  state: null as PanelState | null,
  /** The outcome of «Рассчитать» pressed in this panel. */
  summary: null as RunSummary | null,
  ranAt: null as Date | null,
  busy: null as Busy,
  /** Rows were added to the results after the last «Рассчитать» of this panel. */
  resultsChanged: false,
};

/** The run of this panel, or else the preview of the workbook as it is. */
export function shownSummary(): RunSummary | null {
  return view.summary ?? view.state?.preview ?? null;
}

/** The generated sheets that exist: those of this panel's run, or those of an earlier one. */
export function existingSheets(): string[] {
  return view.summary ? view.summary.sheets : view.state?.generated ?? [];
}

const panel = byId('panel');
const lockListeners: ((busy: Busy) => void)[] = [];
/** The control to give the focus back to when the panel is unlocked. */
let returnFocus: HTMLElement | null = null;

/** `listener` brings its part of the panel up to date each time the panel is locked or unlocked. */
export function onLockChange(listener: (busy: Busy) => void): void {
  lockListeners.push(listener);
}

export function setBusy(busy: Busy, trigger?: HTMLElement): void {
  if (busy !== null) returnFocus = trigger && document.activeElement === trigger ? trigger : null;
  view.busy = busy;
  const locked = busy !== null;
  panel.setAttribute('aria-busy', String(locked));
  for (const listener of lockListeners) listener(busy);
  // A disabled button loses the focus: give it back so a keyboard user stays where they were.
  if (!locked && returnFocus && !returnFocus.hidden && (document.activeElement === document.body || document.activeElement === null)) returnFocus.focus();
  if (!locked) returnFocus = null;
}

/**
 * One server task with the panel locked as `busy`: the last message goes first, `failed` reports
 * what went wrong, and the panel is unlocked whatever happens.
 */
export async function lockedTask(busy: Exclude<Busy, null>, trigger: HTMLElement, work: () => Promise<void>, failed: (error: unknown) => void): Promise<void> {
  hideError();
  setBusy(busy, trigger);
  try {
    await work();
  } catch (e) {
    failed(e);
  } finally {
    setBusy(null);
  }
}
