// «Журнал проверки»: how many errors and warnings, the first of them, the sheet with all of them.
import type { PanelProblem } from '../src/addon/panel';
import { byId, fill, h } from './dom';
import { formatInteger } from './format';
import { sheetLink } from './sheetLinks';
import { existingSheets, shownSummary } from './state';
import { TEXT } from './text';
import { problemItem } from './widgets';

const journal = byId('journal');

function where(p: PanelProblem): string | null {
  if (!p.sheet) return null;
  return p.row !== null ? TEXT.journal.where(p.sheet, p.row) : p.sheet;
}

export function renderJournal(): void {
  const s = shownSummary();
  if (!s) {
    fill(journal);
    return;
  }
  const total = s.errors + s.warnings;
  const counts = h(
    'div',
    { class: 'counts' },
    total === 0 ? h('span', { class: 'badge badge-ok' }, TEXT.journal.clean) : null,
    s.errors > 0 ? h('span', { class: 'badge badge-error' }, TEXT.journal.errors(formatInteger(s.errors))) : null,
    s.warnings > 0 ? h('span', { class: 'badge badge-warn' }, TEXT.journal.warnings(formatInteger(s.warnings))) : null,
  );
  const list = s.problems.length
    ? h('ul', { class: 'problems', attrs: { id: 'problems', 'aria-label': TEXT.journal.first } }, ...s.problems.map((p) => problemItem(p, where(p))))
    : null;
  const foot = h(
    'div',
    { class: 'journal-foot' },
    total > s.problems.length ? h('p', { class: 'hint' }, TEXT.journal.shown(s.problems.length, formatInteger(total))) : null,
    existingSheets().includes(s.journalSheet)
      ? h('p', { class: 'journal-link' }, sheetLink(s.journalSheet, TEXT.sheetLink.open(s.journalSheet)))
      : h('p', { class: 'hint' }, TEXT.journal.later(s.journalSheet)),
  );
  fill(journal, counts, list, foot);
}
