// The panel's «prepare a sheet» sections: «Лист мониторинга» (the sheet the working group fills) and
// «Дорожная карта» (the roadmap by the three ФИОКО tracks; its completeness is roadmapStatus.ts).
// Each has one button that runs its server function under the panel's lock and links the sheet made.
import { byId, fill, h } from './dom';
import { showError } from './errors';
import { setupFold } from './folds';
import { call } from './server';
import { sheetLink } from './sheetLinks';
import { lockedTask, onLockChange, view } from './state';
import { TEXT } from './text';
import { refreshQuietly } from './workbook';

type Section = 'monitoring' | 'roadmap';
const SERVER = { monitoring: 'prepareMonitoring', roadmap: 'prepareRoadmap' } as const;

function setupSection(section: Section): void {
  const text = TEXT[section];
  const toggle = byId<HTMLButtonElement>(`${section}-toggle`);
  const body = byId(`${section}-body`);
  const button = byId<HTMLButtonElement>(`${section}-run`);
  const result = byId(`${section}-result`);

  const prepare = async (): Promise<void> => {
    if (view.busy) return;
    await lockedTask(
      section,
      button,
      async () => {
        fill(result);
        const r = await call(SERVER[section]);
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
      (e) => showError(text.failed, e, button),
    );
  };

  setupFold(toggle, body);
  button.addEventListener('click', () => void prepare());
  onLockChange((busy) => {
    button.disabled = busy !== null;
    button.textContent = busy === section ? text.busy : text.button;
  });
}

export function setupMonitoring(): void {
  setupSection('monitoring');
}

export function setupRoadmap(): void {
  setupSection('roadmap');
}
