// «Изменения перечня»: who entered and who left since last year (from «История»), and «Зафиксировать
// перечень года», which records the signed list in «Перечни прошлых лет».
import type { PanelHistory } from '../src/addon/historyPanel';
import { HISTORY_PANEL } from '../src/engine/strings';
import { Child, byId, fill, h } from './dom';
import { showError } from './errors';
import { formatInteger } from './format';
import { call } from './server';
import { sheetLink } from './sheetLinks';
import { existingSheets, lockedTask, onLockChange, shownSummary, view } from './state';
import { TEXT } from './text';
import { fact } from './widgets';
import { refreshQuietly } from './workbook';

const section = byId('history');
const order = byId<HTMLInputElement>('record-order');
const button = byId<HTMLButtonElement>('record-run');
const status = byId('record-status');

function names(list: string[], total: number, sheet: string): Child[] {
  if (list.length === 0) return [];
  return [h('p', { class: 'names' }, list.join('; ')), total > list.length ? h('p', { class: 'hint' }, HISTORY_PANEL.more(total - list.length, sheet)) : null];
}

function changesView(hist: PanelHistory): Child[] {
  if (hist.years === 0) return [h('p', { class: 'empty', attrs: { id: 'history-state' } }, HISTORY_PANEL.noYears)];
  const c = hist.changes;
  if (!c) return [h('p', { class: 'empty', attrs: { id: 'history-state' } }, HISTORY_PANEL.noPrevious(hist.year ?? ''))];
  return [
    h('p', { class: 'note' }, HISTORY_PANEL.since(c.previousYear)),
    h(
      'ul',
      { class: 'facts', attrs: { id: 'history-facts' } },
      fact(HISTORY_PANEL.entered, formatInteger(c.entered), c.entered > 0),
      fact(HISTORY_PANEL.left, formatInteger(c.left)),
      fact(HISTORY_PANEL.stayed, formatInteger(c.stayed)),
      hist.longOnList > 0 ? fact(HISTORY_PANEL.longOnList, formatInteger(hist.longOnList), true) : null,
    ),
    ...(c.entered > 0 ? [h('p', { class: 'subhead' }, HISTORY_PANEL.entered), ...names(c.enteredNames, c.entered, hist.sheet)] : []),
    ...(c.left > 0 ? [h('p', { class: 'subhead' }, HISTORY_PANEL.left), ...names(c.leftNames, c.left, hist.sheet)] : []),
  ];
}

export function renderHistory(): void {
  const hist = shownSummary()?.history;
  if (!hist) {
    fill(section, h('p', { class: 'empty' }, HISTORY_PANEL.none));
    return;
  }
  const sheets = existingSheets();
  const links: Child[] = [];
  if (sheets.includes(hist.sheet)) links.push(sheetLink(hist.sheet, TEXT.sheetLink.open(hist.sheet)));
  if (hist.approvedSheet) links.push(sheetLink(hist.approvedSheet, TEXT.sheetLink.open(hist.approvedSheet)));
  const recorded = hist.year ? (hist.recorded ? HISTORY_PANEL.recorded(hist.year, hist.approvedSheet ?? '') : HISTORY_PANEL.notRecorded(hist.year)) : null;
  fill(
    section,
    ...changesView(hist),
    links.length ? h('p', { class: 'link-row' }, ...links) : h('p', { class: 'hint' }, HISTORY_PANEL.later(hist.sheet)),
    recorded ? h('p', { class: hist.recorded ? 'hint' : 'note attention', attrs: { id: 'record-state' } }, recorded) : null,
  );
  const canRecord = hist.year !== null && !hist.recorded;
  order.hidden = !canRecord;
  button.hidden = !canRecord;
  byId('record-order-label').hidden = !canRecord;
}

async function record(): Promise<void> {
  if (view.busy) return;
  await lockedTask(
    'record',
    button,
    async () => {
      fill(status);
      const r = await call('recordList', order.value);
      fill(status, h('div', { class: r.recorded ? 'callout callout-ok' : 'callout callout-warn' }, h('p', { class: 'callout-title' }, r.message), r.recorded ? h('div', { class: 'sheet-links' }, sheetLink(r.sheet, TEXT.sheetLink.open(r.sheet), 'chip chip-main')) : null));
      const shown = shownSummary()?.history;
      if (r.recorded && shown) {
        order.value = '';
        shown.recorded = true;
        shown.approvedSheet = r.sheet;
        renderHistory();
      }
      refreshQuietly();
    },
    (e) => showError(HISTORY_PANEL.failed, e, button),
  );
}

export function setupHistory(): void {
  byId('record-order-label').textContent = HISTORY_PANEL.orderLabel;
  order.placeholder = HISTORY_PANEL.orderPlaceholder;
  button.textContent = HISTORY_PANEL.button;
  button.addEventListener('click', () => void record());
  onLockChange((busy) => {
    button.disabled = busy !== null;
    button.textContent = busy === 'record' ? HISTORY_PANEL.busy : HISTORY_PANEL.button;
  });
}
