// «Анкета для школ»: create the Google Form, keep its list of schools current, and see who has not
// answered, with a letter's text to copy. The section reads its state without the forms permission;
// the three buttons need it, and Google asks for it the first time (from the menu).
import type { FormActionResult, FormPanelState, MailingResult } from '../src/addon/form';
import { FORM_PANEL, MENU } from '../src/engine/strings';
import { Child, byId, fill, h } from './dom';
import { showError } from './errors';
import { setupFold } from './folds';
import { errorText } from './format';
import { call } from './server';
import { sheetLink } from './sheetLinks';
import { lockedTask, onLockChange, view } from './state';
import { tile } from './widgets';
import { refreshQuietly } from './workbook';

const toggle = byId<HTMLButtonElement>('form-toggle');
const body = byId('form-body');
const stateBox = byId('form-state');
const createButton = byId<HTMLButtonElement>('form-create');
const refreshButton = byId<HTMLButtonElement>('form-refresh');
const outcome = byId('form-outcome');
const mailingButton = byId<HTMLButtonElement>('form-mailing');
const mailingBox = byId('form-mailing-result');

const LABELS = { create: createButton.textContent ?? '', refresh: refreshButton.textContent ?? '', mailing: mailingButton.textContent ?? '' };
/** How many pending schools the panel lists; the sheet has them all. */
const LISTED = 30;

/** A link to Google Forms; anything else from the data is shown as text, never as a link. */
function formLink(url: string | null, label: string): Child {
  if (!url || !/^https:\/\/docs\.google\.com\/forms\//.test(url)) return null;
  return h('a', { class: 'link', attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, label);
}

function isConsentRequest(e: unknown): boolean {
  return /authori[sz]ation is required/i.test(errorText(e));
}

/** A failure of a form command: Google's consent request gets the way through the menu, the rest the usual message. */
function failed(title: string, near: HTMLElement, box: HTMLElement) {
  return (e: unknown) => {
    if (isConsentRequest(e)) fill(box, h('div', { class: 'callout callout-warn', attrs: { id: 'form-consent' } }, FORM_PANEL.consent));
    else showError(title, e, near);
  };
}

function structureButton(): HTMLButtonElement {
  const b = h('button', { class: 'btn', attrs: { type: 'button', id: 'form-structure' } }, FORM_PANEL.createStructure);
  b.addEventListener('click', () => {
    if (view.busy) return;
    void lockedTask(
      'form',
      b,
      async () => {
        b.textContent = FORM_PANEL.structureBusy;
        await call('menuCreateStructure');
        refreshQuietly();
        await loadState();
      },
      (e) => showError(MENU.createStructure, e, b),
    );
  });
  return b;
}

function renderState(s: FormPanelState): void {
  const registry = s.registrySheet ?? 'Справочник ОО';
  const lines: Child[] = [];
  if (s.formId) {
    lines.push(
      h('p', { class: 'callout-title' }, FORM_PANEL.created),
      s.sheet ? h('p', null, FORM_PANEL.answersIn(s.sheet)) : null,
      h('div', { class: 'form-links' }, formLink(s.respondUrl, FORM_PANEL.openForm), formLink(s.editUrl, FORM_PANEL.editForm)),
    );
  } else {
    lines.push(h('p', { class: 'callout-title' }, FORM_PANEL.notCreated));
  }
  if (s.schools > 0) lines.push(h('p', null, FORM_PANEL.schools(s.schools, registry)));
  fill(stateBox, h('div', { class: s.schools > 0 ? 'callout' : 'callout callout-warn' }, ...lines, s.schools > 0 ? null : h('p', null, FORM_PANEL.noRegistry(registry)), s.schools > 0 ? null : h('div', { class: 'actions' }, structureButton())));
  refreshButton.hidden = !s.formId;
}

async function loadState(): Promise<void> {
  renderState(await call('getFormPanelState'));
}

function renderOutcome(r: FormActionResult): void {
  const kind = r.outcome === 'created' || r.outcome === 'refreshed' ? 'callout-ok' : r.outcome === 'exists' ? 'callout-info' : 'callout-warn';
  fill(
    outcome,
    h(
      'div',
      { class: `callout ${kind}`, attrs: { id: 'form-message' } },
      ...r.message.split('\n').filter(Boolean).map((line) => h('p', { class: 'callout-title' }, line)),
      r.remarks.length ? h('ul', { class: 'remarks' }, ...r.remarks.map((x) => h('li', null, x))) : null,
      h('div', { class: 'form-links' }, formLink(r.respondUrl, FORM_PANEL.openForm), formLink(r.editUrl, FORM_PANEL.editForm)),
      r.sheet ? h('div', { class: 'sheet-links' }, sheetLink(r.sheet, r.sheet, 'chip')) : null,
      r.outcome === 'no-registry' ? h('div', { class: 'actions' }, structureButton()) : null,
    ),
  );
}

async function formCommand(button: HTMLButtonElement, busyText: string, title: string, run: () => Promise<FormActionResult>): Promise<void> {
  if (view.busy) return;
  await lockedTask(
    'form',
    button,
    async () => {
      fill(outcome);
      button.textContent = busyText;
      renderOutcome(await run());
      refreshQuietly();
      await loadState();
    },
    failed(title, button, outcome),
  );
}

/** «Скопировать список»: the clipboard when the browser allows it, else the text selected for Ctrl+C. */
async function copyLetter(text: string, area: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = FORM_PANEL.copied;
    return;
  } catch {
    // The sidebar's frame may not be allowed the clipboard: fall back to the selection.
  }
  area.hidden = false;
  area.focus();
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  status.textContent = copied ? FORM_PANEL.copied : FORM_PANEL.copySelected;
}

function renderMailing(r: MailingResult): void {
  const pending = r.pending.slice(0, LISTED);
  const area = h('textarea', { class: 'letter', attrs: { id: 'form-letter', readonly: '', 'aria-label': FORM_PANEL.letterLabel } });
  area.value = r.letter;
  area.hidden = true;
  const status = h('p', { class: 'hint', attrs: { id: 'form-copy-status', role: 'status', 'aria-live': 'polite' } });
  const copy = h('button', { class: 'btn', attrs: { type: 'button', id: 'form-copy' } }, FORM_PANEL.copy);
  copy.addEventListener('click', () => void copyLetter(r.letter, area, status));
  fill(
    mailingBox,
    h('p', { class: 'note' }, FORM_PANEL.year(r.year)),
    h('div', { class: 'tiles', attrs: { id: 'form-counts' } }, tile(r.counts.missing, FORM_PANEL.counts.missing, true), tile(r.counts.invalid, FORM_PANEL.counts.invalid), tile(r.counts.accepted, FORM_PANEL.counts.accepted)),
    r.pending.length === 0
      ? h('p', { class: 'callout callout-ok' }, FORM_PANEL.allAnswered)
      : h(
          'ul',
          { class: 'pending', attrs: { id: 'form-pending' } },
          ...pending.map((p) =>
            h(
              'li',
              { class: `status-${p.status}` },
              h('div', { class: 'pending-school' }, p.name),
              h('div', { class: 'pending-why' }, [p.statusLabel, p.reason, p.email, p.link ? '' : FORM_PANEL.noLink].filter(Boolean).join(' · ')),
            ),
          ),
          r.pending.length > pending.length ? h('li', { class: 'more' }, FORM_PANEL.more(r.pending.length - pending.length)) : null,
        ),
    r.remarks.length ? h('ul', { class: 'remarks' }, ...r.remarks.map((x) => h('li', null, x))) : null,
    h('div', { class: 'actions' }, r.pending.length ? copy : null, sheetLink(r.sheet, r.sheet, 'chip chip-main')),
    area,
    status,
  );
}

async function mailing(): Promise<void> {
  if (view.busy) return;
  await lockedTask(
    'form',
    mailingButton,
    async () => {
      fill(mailingBox);
      mailingButton.textContent = FORM_PANEL.mailingBusy;
      renderMailing(await call('formMailing'));
      refreshQuietly();
    },
    failed(FORM_PANEL.failedMailing, mailingButton, mailingBox),
  );
}

export function setupForm(): void {
  setupFold(toggle, body, () => {
    loadState().catch((e) => showError(FORM_PANEL.failedState, e, stateBox));
  });
  createButton.addEventListener('click', () => void formCommand(createButton, FORM_PANEL.createBusy, FORM_PANEL.failedCreate, () => call('createQuestionnaireForm')));
  refreshButton.addEventListener('click', () => void formCommand(refreshButton, FORM_PANEL.refreshBusy, FORM_PANEL.failedRefresh, () => call('refreshQuestionnaireForm')));
  mailingButton.addEventListener('click', () => void mailing());
  onLockChange((busy) => {
    for (const b of [createButton, refreshButton, mailingButton]) b.disabled = busy !== null;
    if (busy === null) {
      createButton.textContent = LABELS.create;
      refreshButton.textContent = LABELS.refresh;
      mailingButton.textContent = LABELS.mailing;
    }
  });
}
