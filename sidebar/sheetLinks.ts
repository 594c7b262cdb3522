// Buttons that open a sheet of the workbook.
import { showError } from './errors';
import { h } from './dom';
import { call } from './server';
import { TEXT } from './text';

/** A failure is shown under the list or row of links the button is in. */
function openSheet(name: string, from?: Element): void {
  call('activateSheet', name).catch((e) => showError(TEXT.sheetLink.failed, e, from));
}

export function sheetLink(name: string, label = name, className = 'link'): HTMLButtonElement {
  const title = TEXT.sheetLink.goTo(name);
  return h(
    'button',
    { class: className, attrs: { type: 'button', title, 'aria-label': title }, on: { click: (e) => openSheet(name, (e.currentTarget as Element).closest('ul, .sheet-links, .journal-foot, .link-row') ?? undefined) } },
    label,
  );
}
