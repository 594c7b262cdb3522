// «Дорожная карта»: prepares the roadmap by the three ФИОКО tracks (the completeness is roadmapStatus.ts).
import { byId, fill, h } from './dom';
import { showError } from './errors';
import { setupFold } from './folds';
import { call } from './server';
import { sheetLink } from './sheetLinks';
import { lockedTask, onLockChange, view } from './state';
import { TEXT } from './text';
import { refreshQuietly } from './workbook';

const toggle = byId<HTMLButtonElement>('roadmap-toggle');
const body = byId('roadmap-body');
const button = byId<HTMLButtonElement>('roadmap-run');
const result = byId('roadmap-result');

async function prepareRoadmap(): Promise<void> {
  if (view.busy) return;
  await lockedTask(
    'roadmap',
    button,
    async () => {
      fill(result);
      const r = await call('prepareRoadmap');
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
    (e) => showError(TEXT.roadmap.failed, e, button),
  );
}

export function setupRoadmap(): void {
  setupFold(toggle, body);
  button.addEventListener('click', () => void prepareRoadmap());
  onLockChange((busy) => {
    button.disabled = busy !== null;
    button.textContent = busy === 'roadmap' ? TEXT.roadmap.busy : TEXT.roadmap.button;
  });
}
