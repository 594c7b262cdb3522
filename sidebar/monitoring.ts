// «Лист мониторинга»: creates or brings up to date the sheet the working group fills.
import { byId, fill, h } from './dom';
import { showError } from './errors';
import { setupFold } from './folds';
import { call } from './server';
import { sheetLink } from './sheetLinks';
import { lockedTask, onLockChange, view } from './state';
import { TEXT } from './text';
import { refreshQuietly } from './workbook';

const toggle = byId<HTMLButtonElement>('monitoring-toggle');
const body = byId('monitoring-body');
const button = byId<HTMLButtonElement>('monitoring-run');
const result = byId('monitoring-result');

async function prepareMonitoring(): Promise<void> {
  if (view.busy) return;
  await lockedTask(
    'monitoring',
    button,
    async () => {
      fill(result);
      const r = await call('prepareMonitoring');
      fill(
        result,
        h(
          'div',
          { class: 'callout callout-ok' },
          h('p', { class: 'callout-title' }, r.message),
          h('div', { class: 'sheet-links' }, sheetLink(r.sheet, TEXT.sheetLink.open(r.sheet), 'chip chip-main')),
        ),
      );
      refreshQuietly();
    },
    (e) => showError(TEXT.monitoring.failed, e, button),
  );
}

export function setupMonitoring(): void {
  setupFold(toggle, body);
  button.addEventListener('click', () => void prepareMonitoring());
  onLockChange((busy) => {
    button.disabled = busy !== null;
    button.textContent = busy === 'monitoring' ? TEXT.monitoring.busy : TEXT.monitoring.button;
  });
}
