// «Аналитическая справка»: makes the Google Doc (a recalculation first) and links the справки made.
import type { ReportDocumentLink } from '../src/addon/document';
import { DOCUMENT_ADDON_TEXT, DOCUMENT_TEXT } from '../src/engine/strings';
import { byId, fill, h } from './dom';
import { showError } from './errors';
import { setupFold } from './folds';
import { errorText } from './format';
import { call } from './server';
import { lockedTask, onLockChange, view } from './state';
import { refreshQuietly } from './workbook';

const T = DOCUMENT_ADDON_TEXT;
const toggle = byId<HTMLButtonElement>('document-toggle');
const body = byId('document-body');
const hint = byId('document-hint');
const button = byId<HTMLButtonElement>('document-run');
const result = byId('document-result');
const recent = byId('document-recent');

/** Google ends the call with its consent screen the first time: say what to do instead of a stack. */
const NEEDS_CONSENT = /authori[sz]ation is required|требуется авторизация|you do not have permission to call documentapp/i;

function link(doc: ReportDocumentLink, className: string): HTMLAnchorElement {
  // The address comes from DocumentApp (https://docs.google.com/…); anything else is not linked.
  const href = /^https:\/\/docs\.google\.com\//.test(doc.url) ? doc.url : '#';
  return h('a', { class: className, attrs: { href, target: '_blank', rel: 'noopener noreferrer', title: `${T.open}: «${doc.name}»` } }, doc.name);
}

function showRecent(list: ReportDocumentLink[]): void {
  if (list.length === 0) return fill(recent);
  // The name carries the date and time it was made.
  fill(recent, h('p', { class: 'hint' }, T.recent), h('ul', { class: 'document-list' }, ...list.map((d) => h('li', null, link(d, 'link')))));
}

async function loadRecent(): Promise<void> {
  try {
    showRecent(await call('getReportDocuments'));
  } catch {
    fill(recent); // the list is a convenience: the section works without it
  }
}

async function createDocument(): Promise<void> {
  if (view.busy) return;
  await lockedTask(
    'document',
    button,
    async () => {
      fill(result);
      const r = await call('createReportDocument');
      fill(
        result,
        h('div', { class: 'callout callout-ok' }, h('p', { class: 'callout-title' }, link(r, 'link')), ...r.message.slice(1).map((line) => h('p', null, line))),
      );
      void loadRecent();
      refreshQuietly();
    },
    (e) => {
      if (NEEDS_CONSENT.test(errorText(e))) fill(result, h('div', { class: 'callout callout-warn' }, h('p', null, T.permission)));
      else showError(T.failed, e, button);
    },
  );
}

export function setupDocument(): void {
  hint.textContent = T.panelHint;
  setupFold(toggle, body, () => void loadRecent());
  button.addEventListener('click', () => void createDocument());
  onLockChange((busy) => {
    button.disabled = busy !== null;
    button.textContent = busy === 'document' ? T.busy : DOCUMENT_TEXT.menu;
  });
}
